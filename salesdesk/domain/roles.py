"""Roles and what each may do. Services check these; screens only mirror them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from salesdesk.domain.errors import PermissionDenied


class Role(StrEnum):
    RECEPTION = "reception"
    CONSULTANT = "consultant"
    SENIOR_CONSULTANT = "senior_consultant"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    SALES_DIRECTOR = "sales_director"
    CUSTOMER_SERVICE = "customer_service"


ROLE_LABELS_ZH: dict[Role, str] = {
    Role.RECEPTION: "前台",
    Role.CONSULTANT: "置业顾问",
    Role.SENIOR_CONSULTANT: "资深置业顾问",
    Role.SUPERVISOR: "销售主管",
    Role.ADMIN: "系统管理员",
    Role.SALES_DIRECTOR: "营销总监",
    Role.CUSTOMER_SERVICE: "客服专员",
}


class Permission(StrEnum):
    VIEW_PROJECT = "view_project"
    PRINT_NOTICE = "print_notice"
    IMPORT_PROJECT = "import_project"
    MANAGE_STAFF = "manage_staff"
    MANAGE_SETTINGS = "manage_settings"
    CHECK_IN = "check_in"
    VIEW_QUEUE = "view_queue"
    RECEIVE_CUSTOMER = "receive_customer"
    MANAGE_ROTATION = "manage_rotation"
    BOOK_APPOINTMENT = "book_appointment"
    BOOK_SIGNING = "book_signing"
    MANAGE_SIGNING_CENTRE = "manage_signing_centre"
    RECORD_DISCLOSURE = "record_disclosure"
    RECORD_SUBSCRIPTION = "record_subscription"
    OVERRIDE_DEPOSIT_GATE = "override_deposit_gate"
    RECORD_FOLLOW_UP = "record_follow_up"
    PRINT_CHECKLIST = "print_checklist"
    VIEW_AUDIT = "view_audit"
    VERIFY_LEDGER = "verify_ledger"
    EXPORT_REPORTS = "export_reports"
    HANDOVER_CUSTOMERS = "handover_customers"
    RESOLVE_CONFLICTS = "resolve_conflicts"
    SYNC = "sync"
    SUBMIT_SCORE_CARD = "submit_score_card"
    RECORD_COMPLAINT = "record_complaint"
    VIEW_SATISFACTION = "view_satisfaction"
    RESOLVE_SALE_CONFLICT = "resolve_sale_conflict"
    RECORD_FOLLOW_UP_ANSWER = "record_follow_up_answer"
    HANDLE_ESCALATION = "handle_escalation"
    ERASE_CUSTOMER_DATA = "erase_customer_data"


_P = Permission
_CONSULTANT: frozenset[Permission] = frozenset(
    {
        _P.VIEW_PROJECT, _P.PRINT_NOTICE, _P.VIEW_QUEUE, _P.RECEIVE_CUSTOMER,
        _P.BOOK_APPOINTMENT, _P.BOOK_SIGNING, _P.RECORD_DISCLOSURE, _P.RECORD_SUBSCRIPTION,
        _P.PRINT_CHECKLIST, _P.RECORD_FOLLOW_UP, _P.SYNC,
    }
)
_SUPERVISOR: frozenset[Permission] = _CONSULTANT | frozenset(
    {
        _P.CHECK_IN, _P.MANAGE_ROTATION, _P.MANAGE_SIGNING_CENTRE, _P.OVERRIDE_DEPOSIT_GATE,
        _P.VIEW_AUDIT, _P.VERIFY_LEDGER, _P.EXPORT_REPORTS, _P.HANDOVER_CUSTOMERS,
        _P.RESOLVE_CONFLICTS, _P.MANAGE_SETTINGS,
    }
)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.RECEPTION: frozenset(
        {_P.VIEW_PROJECT, _P.PRINT_NOTICE, _P.CHECK_IN, _P.VIEW_QUEUE, _P.BOOK_APPOINTMENT, _P.SYNC}
    ),
    Role.CONSULTANT: _CONSULTANT,
    Role.SENIOR_CONSULTANT: _CONSULTANT,
    Role.SUPERVISOR: _SUPERVISOR,
    # The admin runs the installation (staff, project files, settings, backups); reading the
    # disclosure ledger is the supervisor's job, so the admin does not get it by default.
    Role.ADMIN: frozenset(
        {
            _P.VIEW_PROJECT, _P.PRINT_NOTICE, _P.IMPORT_PROJECT, _P.MANAGE_STAFF,
            _P.MANAGE_SETTINGS, _P.VERIFY_LEDGER, _P.SYNC, _P.RESOLVE_CONFLICTS,
        }
    ),
}

# Customer care (issue 8): the kiosk hands the score card to the customer; consultants log
# complaints; supervisors read the satisfaction figures.
for _role, _extra in (
    (Role.RECEPTION, {_P.SUBMIT_SCORE_CARD}),
    (Role.CONSULTANT, {_P.SUBMIT_SCORE_CARD, _P.RECORD_COMPLAINT}),
    (Role.SENIOR_CONSULTANT, {_P.SUBMIT_SCORE_CARD, _P.RECORD_COMPLAINT}),
    (Role.SUPERVISOR, {_P.SUBMIT_SCORE_CARD, _P.RECORD_COMPLAINT, _P.VIEW_SATISFACTION}),
):
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | _extra


# One unit, one sale (rule 13): which of two offline sales gives way — refund or another unit —
# is a sales decision, the supervisor's; the admin sees sale conflicts but does not decide them.
ROLE_PERMISSIONS[Role.SUPERVISOR] = ROLE_PERMISSIONS[Role.SUPERVISOR] | {
    _P.RESOLVE_SALE_CONFLICT}


# Follow-up that audits, not self-certifies (issue 15 §2): the developer's follow-up answers are
# taken by customer service, never by the sales side whose disclosure they check; each level of a
# low score's escalation is handled by its own role (domain/disclosure.py ESCALATION_OWNERS). The
# director reads what a sales manager reads, and decides what a sales manager decides. Customer
# service looks customers up to call them and reads the disclosure audit its answers feed.
ROLE_PERMISSIONS[Role.SALES_DIRECTOR] = ROLE_PERMISSIONS[Role.SUPERVISOR] | {
    _P.HANDLE_ESCALATION}
ROLE_PERMISSIONS[Role.CUSTOMER_SERVICE] = frozenset(
    {
        _P.VIEW_PROJECT, _P.PRINT_NOTICE, _P.SYNC, _P.VIEW_QUEUE, _P.VIEW_AUDIT,
        _P.RECORD_FOLLOW_UP, _P.RECORD_FOLLOW_UP_ANSWER, _P.HANDLE_ESCALATION, _P.RECORD_COMPLAINT,
        _P.VIEW_SATISFACTION,
    }
)
for _role in (Role.CONSULTANT, Role.SENIOR_CONSULTANT, Role.SUPERVISOR):
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | {_P.HANDLE_ESCALATION}

# A customer's right to erasure (issue 15 §1) is granted by a sales manager (or the director
# above them) or the administrator who runs the installation, never by the consultant who owns
# the customer.
for _role in (Role.SUPERVISOR, Role.SALES_DIRECTOR, Role.ADMIN):
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | {_P.ERASE_CUSTOMER_DATA}


def can(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]


@dataclass(frozen=True)
class Actor:
    """Who is doing something, on which device, for which sales centre."""

    staff_id: str
    name: str
    role: Role
    sales_centre_id: str
    device_id: str
    senior: bool = False

    def can(self, permission: Permission) -> bool:
        return can(self.role, permission)

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            raise PermissionDenied(
                f"当前角色（{ROLE_LABELS_ZH[self.role]}）无权执行此操作",
                en=f"Your role ({self.role.value}) may not do this ({permission.value})",
            )

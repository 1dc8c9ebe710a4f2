"""The pages of the main window, in navigation order. Each capability registers its page here
(one line) and keeps the page itself in its own module."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication

from salesdesk.domain.roles import Permission as P
from salesdesk.ui.context import UiContext
from salesdesk.ui.pages.base import Page, PageSpec, PendingPage


def _tr(text: str) -> str:
    return QCoreApplication.translate("Pages", text)


def _pending(title: str, what: str) -> type[Page]:
    """Builds a page factory for an area that is not built yet."""

    class _Pending(PendingPage):
        def __init__(self, ctx: UiContext) -> None:
            super().__init__(ctx, _tr(title), _tr(what))

    return _Pending


def _project(ctx: UiContext) -> Page:
    from salesdesk.ui.project_page import ProjectPage

    return ProjectPage(ctx)


def _appointments(ctx: UiContext) -> Page:
    from salesdesk.ui.appointments.page import AppointmentsPage

    return AppointmentsPage(ctx)


def _signing(ctx: UiContext) -> Page:
    from salesdesk.ui.signing.page import SigningPage

    return SigningPage(ctx)


def _conflicts(ctx: UiContext) -> Page:
    from salesdesk.ui.sync.conflicts_page import ConflictsPage

    return ConflictsPage(ctx)


def _disclosure(ctx: UiContext) -> Page:
    from salesdesk.ui.disclosure.disclosure_page import DisclosurePage

    return DisclosurePage(ctx)


def _audit_ahead(ctx: UiContext) -> Page:
    from salesdesk.ui.disclosure.audit_page import AuditPage

    page = AuditPage(ctx)
    page.parts = _audit_tabs(ctx, page)
    return page


def _audit_tabs(ctx: UiContext, page: Page) -> Iterator[None]:
    from salesdesk.ui.appointments.figures import AppointmentFiguresWidget
    from salesdesk.ui.care.handover_view import InactiveOwnerCheck
    from salesdesk.ui.disclosure.audit_page import AuditPage
    from salesdesk.ui.privacy.exports_tab import ExportsTab
    from salesdesk.ui.reception.figures import ReceptionFiguresWidget

    assert isinstance(page, AuditPage)
    # The supervisor's figures from the other capabilities sit beside the disclosure audit.
    page.add_tab(ReceptionFiguresWidget(ctx), _tr("Reception figures"))
    yield
    page.add_tab(AppointmentFiguresWidget(ctx), _tr("Appointment no-shows"))
    yield
    page.add_tab(InactiveOwnerCheck(ctx), _tr("Owned by inactive staff"))
    yield
    page.add_tab(ExportsTab(ctx), _tr("Exports"))


def _audit(ctx: UiContext) -> Page:
    page = _audit_ahead(ctx)
    page.finish_parts()
    return page


def _reception(ctx: UiContext) -> Page:
    from salesdesk.ui.reception.page import ReceptionPage

    return ReceptionPage(ctx)


def _care(ctx: UiContext) -> Page:
    from salesdesk.ui.care.page import CarePage

    return CarePage(ctx)


def _care_ahead(ctx: UiContext) -> Page:
    from salesdesk.ui.care.page import CarePage

    return CarePage(ctx, ahead=True)


def _care_title() -> str:
    from salesdesk.ui.care import page_title

    return page_title()


def _customers(ctx: UiContext) -> Page:
    from salesdesk.ui.customers.page import CustomersPage

    return CustomersPage(ctx)


def _settings(ctx: UiContext) -> Page:
    from salesdesk.ui.settings_page import SettingsPage

    return SettingsPage(ctx)


# Marked for translation here; _tr() looks them up at run time.
QCoreApplication.translate("Pages", "Reception")
QCoreApplication.translate("Pages", "Appointments")
QCoreApplication.translate("Pages", "Disclosure")
QCoreApplication.translate("Pages", "Signing")
QCoreApplication.translate("Pages", "Audit")
QCoreApplication.translate("Pages", "Project")
QCoreApplication.translate("Pages", "Settings")
QCoreApplication.translate("Pages", "Customers")
QCoreApplication.translate("Pages", "Conflicts")
QCoreApplication.translate("Pages", "Reception figures")
QCoreApplication.translate("Pages", "Appointment no-shows")
QCoreApplication.translate("Pages", "Owned by inactive staff")
QCoreApplication.translate("Pages", "Exports")
QCoreApplication.translate("Pages", "Not available yet: check-in, rotation and the waiting "
                           "queue arrive with the Reception capability.")
QCoreApplication.translate("Pages", "Not available yet: visit and signing-slot bookings arrive "
                           "with the Appointments capability.")
QCoreApplication.translate("Pages", "Not available yet: the disclosure checklist and ledger "
                           "arrive with the Disclosure capability.")
QCoreApplication.translate("Pages", "Not available yet: signing-material checklists arrive "
                           "with the Signing materials capability.")
QCoreApplication.translate("Pages", "Not available yet: the supervisor's audit arrives with "
                           "the Disclosure capability.")

UI = "salesdesk.ui."
PAGES: list[PageSpec] = [
    PageSpec("reception", lambda: _tr("Reception"), "reception.svg",
             frozenset({P.CHECK_IN, P.VIEW_QUEUE}), _reception,
             (f"{UI}reception.page",)),
    PageSpec("customers", lambda: _tr("Customers"), "customers.svg",
             frozenset({P.RECEIVE_CUSTOMER, P.MANAGE_ROTATION, P.VIEW_AUDIT,
                        P.RECORD_FOLLOW_UP_ANSWER}), _customers, (f"{UI}customers.page",)),
    PageSpec("appointments", lambda: _tr("Appointments"), "appointments.svg",
             frozenset({P.BOOK_APPOINTMENT}), _appointments, (f"{UI}appointments.page",)),
    PageSpec("disclosure", lambda: _tr("Disclosure"), "disclosure.svg",
             frozenset({P.RECORD_DISCLOSURE}), _disclosure,
             (f"{UI}disclosure.disclosure_page",)),
    PageSpec("signing", lambda: _tr("Signing"), "signing.svg", frozenset({P.PRINT_CHECKLIST}),
             _signing, (f"{UI}signing.page",)),
    PageSpec("audit", lambda: _tr("Audit"), "audit.svg", frozenset({P.VIEW_AUDIT}), _audit,
             (f"{UI}disclosure.audit_page", f"{UI}reception.figures",
              f"{UI}appointments.figures", f"{UI}care.handover_view",
              f"{UI}privacy.exports_tab"), _audit_ahead),
    PageSpec("project", lambda: _tr("Project"), "project.svg", frozenset({P.VIEW_PROJECT}),
             _project, (f"{UI}project_page",)),
    PageSpec("care", _care_title, "care.svg",
             frozenset({P.RECORD_FOLLOW_UP, P.SUBMIT_SCORE_CARD, P.VIEW_SATISFACTION}), _care,
             (f"{UI}care.page", f"{UI}care.tasks_view", f"{UI}care.messages_view",
              f"{UI}care.escalations_view", f"{UI}care.satisfaction_view",
              f"{UI}care.complaints_view", f"{UI}care.handover_view",
              f"{UI}care.templates_view"), _care_ahead),
    PageSpec("settings", lambda: _tr("Settings"), "settings.svg",
             frozenset({P.MANAGE_SETTINGS, P.IMPORT_PROJECT, P.MANAGE_STAFF}), _settings,
             (f"{UI}settings_page",)),
    PageSpec("conflicts", lambda: _tr("Conflicts"), "conflicts.svg",
             frozenset({P.RESOLVE_CONFLICTS}), _conflicts,
             (f"{UI}sync.conflicts_page",)),
]


def page_spec(name: str) -> PageSpec:
    for spec in PAGES:
        if spec.name == name:
            return spec
    raise KeyError(name)

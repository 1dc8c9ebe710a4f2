"""Every service, built once from one open database. app.py and the command line use this."""

from __future__ import annotations

from dataclasses import dataclass

from salesdesk.services.appointments import AppointmentService, ReminderService
from salesdesk.services.audit import AuditService
from salesdesk.services.auth import AuthService
from salesdesk.services.care import (
    CareService,
    ComplaintService,
    FollowUpService,
    HandoverService,
    SatisfactionService,
)
from salesdesk.services.care.events import appointment_listener, subscription_listener
from salesdesk.services.care.handover_appointments import (
    AppointmentMover,
    open_appointments_of_inactive,
)
from salesdesk.services.customers import (
    CustomerMergeService,
    CustomerRecordService,
    CustomerRightsService,
    CustomerService,
)
from salesdesk.services.disclosure import (
    DisclosureAuditService,
    DisclosureService,
    LedgerAnchorService,
    ledger_verifier,
)
from salesdesk.services.maintenance import MaintenanceService
from salesdesk.services.messages import MessageOutbox
from salesdesk.services.notice import NoticeService
from salesdesk.services.preferences import PreferencesService
from salesdesk.services.project import ProjectImporter, ProjectService
from salesdesk.services.reception import ReceptionFigures, ReceptionService
from salesdesk.services.signing import (
    SaleConflictService,
    SigningMaterialsService,
    SubscriptionService,
)
from salesdesk.services.sync import SyncService
from salesdesk.store.database import Database


@dataclass
class Services:
    db: Database
    auth: AuthService
    projects: ProjectService
    importer: ProjectImporter
    customers: CustomerService
    customer_merge: CustomerMergeService
    notice: NoticeService
    audit: AuditService
    maintenance: MaintenanceService
    preferences: PreferencesService
    signing: SigningMaterialsService
    appointments: AppointmentService
    reminders: ReminderService
    messages: MessageOutbox
    sync: SyncService
    disclosure: DisclosureService
    subscriptions: SubscriptionService
    follow_up: FollowUpService
    disclosure_audit: DisclosureAuditService
    reception: ReceptionService
    reception_figures: ReceptionFigures
    care: CareService
    satisfaction: SatisfactionService
    complaints: ComplaintService
    handover: HandoverService
    sale_conflicts: SaleConflictService

    @property
    def customer_record(self) -> CustomerRecordService:
        # Stateless over the database and the customer lookups: built on use.
        return CustomerRecordService(self.db, self.customers)

    @property
    def ledger_anchor(self) -> LedgerAnchorService:
        # Built on use from whichever sync service is current (tests replace it).
        return LedgerAnchorService(self.db, self.sync)

    @property
    def device_id(self) -> str:
        return self.db.device_id

    @property
    def customer_rights(self) -> CustomerRightsService:
        # Stateless over the database: built on use, like ledger_anchor.
        return CustomerRightsService(self.db)

    def close(self) -> None:
        self.sync.close()
        self.db.close()


def build_services(db: Database) -> Services:
    projects = ProjectService(db)
    appointments = AppointmentService(db)
    # Capabilities meet through the interfaces in services/hooks.py.
    signing = SigningMaterialsService(db, schedule=appointments.signing_schedule())
    follow_up = FollowUpService(db)
    messages = MessageOutbox(db)  # every message to a customer, whoever queues it
    reminders = ReminderService(db, materials=signing, outbox=messages)
    care = CareService(db, sink=messages, materials=signing)
    care.signing_day_before = reminders.signing_day_before  # one day-before text per signing
    handover = HandoverService(db, care)
    handover.movers.append(AppointmentMover(reminders))
    handover.checkers.append(open_appointments_of_inactive)
    # Customer care's follow-up plan hears of subscriptions and signings in their transaction.
    subscriptions = SubscriptionService(db)
    subscriptions.listeners.append(subscription_listener(care))
    appointments.listeners.append(appointment_listener(care))
    return Services(
        db=db,
        auth=AuthService(db),
        projects=projects,
        importer=ProjectImporter(db),
        customers=CustomerService(db),
        customer_merge=CustomerMergeService(db),
        notice=NoticeService(db, projects),
        audit=AuditService(db),
        preferences=PreferencesService(db),
        signing=signing,
        appointments=appointments,
        reminders=reminders,
        messages=messages,
        sync=SyncService(db),
        maintenance=MaintenanceService(db, verifiers=[ledger_verifier]),
        disclosure=DisclosureService(db),
        subscriptions=subscriptions,
        follow_up=follow_up,
        disclosure_audit=DisclosureAuditService(db, follow_up),
        reception=ReceptionService(db, arrivals=appointments.arrivals()),
        reception_figures=ReceptionFigures(db),
        care=care,
        satisfaction=SatisfactionService(db, care, opener=follow_up),
        complaints=ComplaintService(db),
        handover=handover,
        sale_conflicts=SaleConflictService(db, subscriptions),
    )

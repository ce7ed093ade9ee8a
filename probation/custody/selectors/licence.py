"""Reads for the licence page and the recall report. The person is already loaded through the case
policy by the case shell; each read here is a fixed number of queries however many conditions or
recalls there are."""

from dataclasses import dataclass

from django.db.models import Prefetch

from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission
from probation.core.errors import NotFound
from probation.custody.models import CustodyLicence, CustodyRecord, DraftCondition, RecallReport
from probation.enforcement.models import Recall
from probation.people.models import Person
from probation.people.policy import can_change_case
from probation.sentences.models import LicenceCondition


@dataclass(frozen=True)
class LicencePage:
    record: CustodyRecord
    licence: CustodyLicence | None
    conditions: list[DraftCondition]
    recalls: list[Recall]


def licence_page(*, user: User, person: Person, custody_id: int) -> LicencePage:
    """The custody record, its licence (if started) with its conditions, and the recalls of its sentence."""
    if not has_permission(user, Permission.CUSTODY_VIEW):
        raise NotFound(custody_id)
    record = (
        CustodyRecord.objects.filter(pk=custody_id, person=person).select_related("sentence__event").first()
    )
    if record is None:
        raise NotFound(custody_id)
    licence = (
        CustodyLicence.objects.filter(custody=record)
        .select_related("first_appointment", "licence")
        .prefetch_related(Prefetch("conditions", queryset=DraftCondition.objects.order_by("ordinal", "id")))
        .first()
    )
    recalls = list(
        Recall.objects.filter(sentence_id=record.sentence_id, person=person)
        .select_related("part_a")
        .order_by("-started_on", "-id")
    )
    return LicencePage(
        record=record,
        licence=licence,
        conditions=list(licence.conditions.all()) if licence else [],
        recalls=recalls,
    )


def condition_get(*, person: Person, custody_id: int, condition_id: int) -> DraftCondition:
    row = (
        DraftCondition.objects.filter(
            pk=condition_id, licence__custody_id=custody_id, licence__custody__person=person
        )
        .select_related("licence")
        .first()
    )
    if row is None:
        raise NotFound(condition_id)
    return row


def can_manage_licence(user: User, person: Person) -> bool:
    return can_change_case(user, person, Permission.LICENCE_MANAGE)


def recall_for_report(*, user: User, person: Person, recall_id: int) -> tuple[Recall, RecallReport | None]:
    """A recall of this person with its breached conditions and the Part A answers, if recorded."""
    if not has_permission(user, Permission.RECALL_REPORT):
        raise NotFound(recall_id)
    recall = (
        Recall.objects.filter(pk=recall_id, person=person)
        .select_related("sentence__event", "licence", "decided_by__staff", "started_by__staff")
        .prefetch_related(
            Prefetch("breached_conditions", queryset=LicenceCondition.objects.order_by("ordinal"))
        )
        .first()
    )
    if recall is None:
        raise NotFound(recall_id)
    report = RecallReport.objects.filter(recall=recall).first()
    return recall, report

"""Signing off a report: the author signs (every problem at once), a countersignature when one is
needed, the senior PO countersigns or returns it with a reason, locking completes the request, and a
report that is not a draft refuses every change."""

import pytest

from probation.accounts.models import Role
from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.audit.models import AuditEvent
from probation.core.errors import ConflictError, NotFound, ServiceError
from probation.people.tests.factories import PersonFactory
from probation.reports.models import ReportStep
from probation.reports.services.signoff import (
    OralRecord,
    SignChoice,
    oral_report_record,
    report_check_editable,
    report_countersign,
    report_require_countersignature,
    report_return,
    report_sign,
)
from probation.reports.tests.factories import ReportFactory, ReportRequestFactory
from probation.reports.tests.signoff_fixtures import report_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(officer_user):
    return PersonFactory(officer=officer_user.staff, preferred_language="English")


def _sign(report, user, *, dangerousness=False, spo=None):
    return report_sign(
        actor=user,
        crn=report.request.person.crn,
        request_id=report.request_id,
        expected_version=report.version,
        choice=SignChoice(dangerousness=dangerousness, reviewing_spo_id=spo.pk if spo else None),
    )


def _messages(error: ServiceError) -> list[tuple[str | None, str]]:
    return [(e.field, e.message) for e in error.errors]


def test_signing_a_complete_report_locks_it_and_completes_the_request(person, officer_user):
    report = report_for(person, officer_user)

    signed = _sign(report, officer_user)

    signed.refresh_from_db()
    request = signed.request
    request.refresh_from_db()
    assert (signed.status, signed.signed_by, signed.version) == ("locked", officer_user, 2)
    assert signed.locked_at is not None
    assert (request.status, request.type_delivered) == ("completed", "short_format")
    assert request.completed_on is not None
    assert list(ReportStep.objects.values_list("action", "from_status", "to_status")) == [
        ("sign", "draft", "locked")
    ]
    audit = AuditEvent.objects.get(action="update", object_type="report")
    assert (audit.crn, audit.detail["step"], audit.detail["to"]) == (person.crn, "sign", "locked")


def test_every_missing_part_is_refused_at_once_and_nothing_changes(person, officer_user):
    report = report_for(
        person,
        officer_user,
        sources=[],
        offence_analysis="",
        proposal=" ",
        custody_position="possible",
        impact_of_custody="",
    )

    with pytest.raises(ServiceError) as refused:
        _sign(report, officer_user, dangerousness=True)

    assert _messages(refused.value) == [
        ("sources", "Select at least one source of information"),
        ("offence_analysis", "Write the offence analysis"),
        ("proposal", "Write the proposal"),
        ("impact_of_custody", "Write the impact of custody: custody is possible or expected"),
        ("reviewing_spo", "Select the senior probation officer who reviewed the dangerousness assessment"),
    ]
    report.refresh_from_db()
    assert (report.status, report.version) == ("draft", 1)
    assert not ReportStep.objects.exists()


def test_a_dangerousness_report_waits_for_the_named_senior_po(person, officer_user, spo_user):
    report = report_for(person, officer_user)

    signed = _sign(report, officer_user, dangerousness=True, spo=spo_user)

    signed.refresh_from_db()
    assert (signed.status, signed.reviewing_spo, signed.countersignature_required) == (
        "signed",
        spo_user,
        True,
    )
    assert signed.locked_at is None
    assert signed.request.status == "allocated"


def test_a_trainees_report_needs_a_countersignature(person, spo_user, team):
    trainee = UserFactory(role=Role.PRACTITIONER, staff=StaffFactory(team=team, grade="PQIP"))
    report = report_for(person, trainee)

    with pytest.raises(ServiceError) as refused:
        _sign(report, trainee)
    assert _messages(refused.value) == [
        ("reviewing_spo", "Select the senior probation officer who will countersign the report")
    ]

    assert _sign(report, trainee, spo=spo_user).status == "signed"


def test_a_report_the_manager_flagged_needs_a_countersignature(person, officer_user, spo_user):
    report = report_for(person, officer_user, countersignature_required=True)

    assert _sign(report, officer_user, spo=spo_user).status == "signed"


def test_the_senior_po_must_be_one_of_the_authors_team(person, officer_user):
    elsewhere = UserFactory(role=Role.SENIOR_PO)
    report = report_for(person, officer_user)

    with pytest.raises(ServiceError) as refused:
        _sign(report, officer_user, dangerousness=True, spo=elsewhere)

    assert _messages(refused.value) == [("reviewing_spo", "Select a senior probation officer of your team")]


def test_only_the_author_may_sign(person, officer_user, spo_user):
    report = report_for(person, officer_user)

    with pytest.raises(NotFound):
        _sign(report, spo_user)
    report.refresh_from_db()
    assert report.status == "draft"


def test_a_stale_version_is_a_conflict(person, officer_user):
    report = report_for(person, officer_user)
    report.version = 5

    with pytest.raises(ConflictError):
        _sign(report, officer_user)


def test_countersigning_locks_the_report(person, officer_user, spo_user):
    report = _sign(report_for(person, officer_user), officer_user, dangerousness=True, spo=spo_user)

    done = report_countersign(
        actor=spo_user, crn=person.crn, request_id=report.request_id, expected_version=report.version
    )

    done.refresh_from_db()
    assert (done.status, done.countersigned_by) == ("locked", spo_user)
    assert done.request.status == "completed"
    assert list(ReportStep.objects.values_list("action", "to_status")) == [
        ("sign", "signed"),
        ("countersign", "locked"),
    ]


def test_only_the_named_senior_po_may_countersign(person, officer_user, spo_user, team):
    other_spo = UserFactory(role=Role.SENIOR_PO, staff=StaffFactory(team=team, grade="SPO"))
    report = _sign(report_for(person, officer_user), officer_user, dangerousness=True, spo=spo_user)

    with pytest.raises(NotFound):
        report_countersign(
            actor=other_spo, crn=person.crn, request_id=report.request_id, expected_version=report.version
        )
    with pytest.raises(NotFound):
        report_countersign(
            actor=officer_user, crn=person.crn, request_id=report.request_id, expected_version=report.version
        )


def test_returning_needs_a_reason_and_sends_it_back_to_draft(person, officer_user, spo_user):
    report = _sign(report_for(person, officer_user), officer_user, dangerousness=True, spo=spo_user)
    args = {"actor": spo_user, "crn": person.crn, "request_id": report.request_id}

    with pytest.raises(ServiceError, match="Give the reason for returning the report"):
        report_return(**args, expected_version=report.version, reason="  ")
    returned = report_return(**args, expected_version=report.version, reason="Add the SARA result.")

    returned.refresh_from_db()
    assert (returned.status, returned.signed_by, returned.signed_at) == ("draft", None, None)
    assert ReportStep.objects.get(action="return").reason == "Add the SARA result."
    assert AuditEvent.objects.filter(object_type="report", detail__step="return").count() == 1
    report_check_editable(returned)  # a draft again: the author may change it


def test_a_locked_report_refuses_every_change(person, officer_user, spo_user):
    report = _sign(report_for(person, officer_user), officer_user)

    with pytest.raises(ServiceError, match="This report is locked and can no longer be changed"):
        report_check_editable(report)
    with pytest.raises(ServiceError, match="This report is locked and can no longer be changed"):
        _sign(report, officer_user)
    with pytest.raises(NotFound):
        report_countersign(actor=spo_user, crn=person.crn, request_id=report.request_id, expected_version=2)


def test_a_signed_report_waiting_for_countersignature_cannot_be_edited(person, officer_user, spo_user):
    report = _sign(report_for(person, officer_user), officer_user, dangerousness=True, spo=spo_user)

    with pytest.raises(ServiceError, match="waiting for a countersignature"):
        report_check_editable(report)
    with pytest.raises(ServiceError):
        report_return(
            actor=spo_user, crn=person.crn, request_id=report.request_id, expected_version=1, reason="x"
        )


def test_signing_fixes_the_language_to_welsh_when_the_person_chose_welsh(officer_user):
    person = PersonFactory(officer=officer_user.staff, preferred_language="Cymraeg")
    report = report_for(person, officer_user)

    assert _sign(report, officer_user).language == "cy"


ORAL = OralRecord(
    sources=["interview"],
    sources_other="",
    offence_analysis="Shoplifting to fund heroin use.",
    risk_assessment="Low RoSH.",
    proposal="Community order with a DRR.",
    court_response="The court imposed a community order with a DRR as proposed.",
)


def test_an_oral_report_is_recorded_and_locked_in_one_step(person, officer_user):
    request = ReportRequestFactory(
        person=person, author=officer_user, status="allocated", type_requested="oral"
    )

    report = oral_report_record(actor=officer_user, crn=person.crn, request_id=request.pk, record=ORAL)

    report.refresh_from_db()
    request.refresh_from_db()
    assert (report.report_type, report.status, report.court_response) == (
        "oral",
        "locked",
        ORAL.court_response,
    )
    assert (request.status, request.type_delivered) == ("completed", "oral")
    with pytest.raises(ServiceError, match="locked"):
        oral_report_record(actor=officer_user, crn=person.crn, request_id=request.pk, record=ORAL)


def test_an_oral_record_lists_every_missing_part(person, officer_user):
    request = ReportRequestFactory(
        person=person, author=officer_user, status="allocated", type_requested="oral"
    )
    empty = OralRecord([], "", "", "", "", "")

    with pytest.raises(ServiceError) as refused:
        oral_report_record(actor=officer_user, crn=person.crn, request_id=request.pk, record=empty)

    assert [field for field, _ in _messages(refused.value)] == [
        "sources",
        "offence_analysis",
        "proposal",
        "risk_assessment",
        "court_response",
    ]
    assert not request.__class__.objects.get(pk=request.pk).completed_on


def test_a_written_request_has_no_oral_record(person, officer_user):
    report = ReportFactory(request__person=person, request__author=officer_user)

    with pytest.raises(NotFound):
        oral_report_record(actor=officer_user, crn=person.crn, request_id=report.request_id, record=ORAL)


def test_the_team_manager_requires_a_countersignature_and_signing_then_waits_for_it(
    person, officer_user, spo_user
):
    report = report_for(person, officer_user)

    flagged = report_require_countersignature(
        actor=spo_user, crn=person.crn, request_id=report.request_id, expected_version=1, required=True
    )

    assert (flagged.countersignature_required, flagged.version) == (True, 2)
    assert AuditEvent.objects.get(object_type="report").detail == {
        "countersignature_required": True,
        "request": report.request_id,
    }
    assert _sign(flagged, officer_user, spo=spo_user).status == "signed"


def test_only_a_senior_po_of_the_authors_team_sets_the_countersignature(person, officer_user, spo_user):
    report = report_for(person, officer_user)
    elsewhere = UserFactory(role=Role.SENIOR_PO)

    for user in (elsewhere, officer_user):
        with pytest.raises(NotFound):
            report_require_countersignature(
                actor=user, crn=person.crn, request_id=report.request_id, expected_version=1, required=True
            )
    report.refresh_from_db()
    assert (report.countersignature_required, report.version) == (False, 1)

"""The writing service: opening (creating and pre-filling once), saving drafts with optimistic
locking, the proposal rules, refusal once signed or locked, and the audit of every save."""

import datetime as dt

import pytest
from django.utils import timezone

from probation.accounts.models import Role
from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.audit.models import AuditEvent
from probation.core.errors import ConflictError, NotFound, ServiceError
from probation.reports.models import Report, ReportRequest, ReportStatus
from probation.reports.services.writing import (
    CONFLICT_MESSAGE,
    report_missing_before_signing,
    report_open,
    report_save_draft,
)
from probation.reports.tests.writing_setup import allocated_request, opened_report
from probation.rules.errors import RuleErrors

pytestmark = pytest.mark.django_db
UNPAID_WORK_ORDER = {
    "sentence_type": "community_order",
    "length_months": 12,
    "custodial_months": None,
    "requirements": [{"type": "unpaid_work", "amount": 120}],
}


def _save(report, actor, version=None, **data):
    return report_save_draft(
        actor=actor, report=report, expected_version=report.version if version is None else version, data=data
    )


def _audit_rows(report, action):
    return list(
        AuditEvent.objects.filter(object_type="report", object_id=str(report.pk), action=action).order_by(
            "seq"
        )
    )


def test_the_author_opens_the_report_once_and_its_creation_is_audited(officer_user):
    request = allocated_request(officer_user)

    first = report_open(actor=officer_user, request=request)
    again = report_open(actor=officer_user, request=request)

    assert first.pk == again.pk
    assert Report.objects.count() == 1
    (created,) = _audit_rows(first, "create")
    assert created.crn == request.person.crn
    assert created.detail["prefilled"]["offence_analysis"] == 1
    assert "Theft" not in str(created.detail)


def test_nobody_but_the_author_creates_the_report(officer_user, team):
    request = allocated_request(officer_user)
    senior = UserFactory(role=Role.SENIOR_PO, staff=StaffFactory(team=team, grade="SPO"))

    with pytest.raises(NotFound):
        report_open(actor=senior, request=request)

    assert Report.objects.count() == 0
    existing = report_open(actor=officer_user, request=request)
    assert report_open(actor=senior, request=request).pk == existing.pk  # reads the one there is


def test_a_draft_saves_with_a_new_version_and_the_audit_names_fields_not_words(officer_user):
    report = opened_report(officer_user)

    saved = _save(
        report, officer_user, offence_analysis="He took the bicycle to sell it.", sources=["interview"]
    )

    assert saved.changed == ["offence_analysis", "sources"]
    report.refresh_from_db()
    assert (report.version, report.offence_analysis, report.last_saved_by) == (
        2,
        "He took the bicycle to sell it.",
        officer_user,
    )
    (update,) = _audit_rows(report, "update")
    assert update.detail == {"fields": ["offence_analysis", "sources"], "version": 2, "autosave": False}


def test_saving_what_is_already_saved_writes_nothing(officer_user):
    report = opened_report(officer_user)

    saved = _save(report, officer_user, offence_analysis=report.offence_analysis)

    assert saved.changed == []
    report.refresh_from_db()
    assert report.version == 1
    assert _audit_rows(report, "update") == []


def test_a_save_from_a_stale_version_is_refused_and_nothing_is_overwritten(officer_user):
    report = opened_report(officer_user)
    _save(report, officer_user, rationale="Written in the first window.")

    with pytest.raises(ConflictError) as refused:
        _save(report, officer_user, version=1, rationale="Written in the second window.")

    assert refused.value.message == CONFLICT_MESSAGE
    report.refresh_from_db()
    assert (report.version, report.rationale) == (2, "Written in the first window.")


def test_fields_the_editor_does_not_own_are_ignored(officer_user):
    report = opened_report(officer_user)

    _save(report, officer_user, status="locked", report_type="oral", rationale="Reasons.")

    report.refresh_from_db()
    assert (report.status, report.report_type, report.rationale) == ("draft", "short_format", "Reasons.")


@pytest.mark.parametrize("status", [ReportStatus.LOCKED, ReportStatus.SIGNED])
def test_a_signed_or_locked_report_is_read_only(officer_user, status):
    report = opened_report(officer_user)
    Report.objects.filter(pk=report.pk).update(
        status=status, signed_by=officer_user, signed_at=timezone.now(), locked_at=timezone.now()
    )

    with pytest.raises(ServiceError) as refused:
        _save(report, officer_user, rationale="Too late.")

    word = "locked" if status == ReportStatus.LOCKED else "signed"
    assert refused.value.message == f"This report {'is' if word == 'locked' else 'has been'} {word}" + (
        " and cannot be changed."
    )
    report.refresh_from_db()
    assert report.rationale == ""


def test_only_the_author_saves(officer_user, team):
    report = opened_report(officer_user)
    senior = UserFactory(role=Role.SENIOR_PO, staff=StaffFactory(team=team, grade="SPO"))

    with pytest.raises(NotFound):
        _save(report, senior, rationale="Not mine to write.")

    report.refresh_from_db()
    assert report.version == 1


def test_other_sources_need_words(officer_user):
    report = opened_report(officer_user)

    with pytest.raises(ServiceError, match="Enter the other sources of information"):
        _save(report, officer_user, sources=["other"], sources_other="  ")

    assert _save(report, officer_user, sources=["other"], sources_other="Housing officer").changed


def test_a_proposal_the_law_refuses_is_refused_with_every_reason_and_nothing_is_saved(officer_user):
    report = opened_report(officer_user)
    proposal = UNPAID_WORK_ORDER | {
        "length_months": 40,
        "requirements": [
            {"type": "unpaid_work", "amount": 350},
            {"type": "drug_rehabilitation", "amount": None},
        ],
    }

    with pytest.raises(RuleErrors) as refused:
        _save(report, officer_user, proposed_sentence=proposal, rationale="Reasons.")

    assert [e.message for e in refused.value.errors] == [
        "A community order must be between 1 and 36 months; 40 was given.",
        "Unpaid work must be between 40 and 300 hours; 350 was given.",
        "A drug rehabilitation requirement can be proposed only when probation recommends it: "
        "record the recommendation.",
        "A drug rehabilitation requirement can be proposed only when the person is willing to comply: "
        "record their consent.",
    ]
    report.refresh_from_db()
    assert (report.version, report.proposed_sentence, report.rationale) == (1, {}, "")


def test_an_autosave_keeps_the_words_and_the_last_good_proposal_when_the_law_refuses_the_new_one(
    officer_user,
):
    report = opened_report(officer_user)
    _save(report, officer_user, proposed_sentence=UNPAID_WORK_ORDER)

    saved = report_save_draft(
        actor=officer_user,
        report=report,
        expected_version=2,
        data={"proposed_sentence": UNPAID_WORK_ORDER | {"length_months": 40}, "rationale": "Still typing."},
        autosave=True,
    )

    assert saved.proposal_kept
    assert [e.message for e in saved.check.errors] == [
        "A community order must be between 1 and 36 months; 40 was given."
    ]
    report.refresh_from_db()
    assert (report.version, report.rationale, report.proposed_sentence) == (
        3,
        "Still typing.",
        UNPAID_WORK_ORDER,
    )
    assert _audit_rows(report, "update")[-1].detail == {
        "fields": ["rationale"],
        "version": 3,
        "autosave": True,
    }


def test_a_drr_with_recommendation_and_consent_recorded_is_saved(officer_user):
    report = opened_report(officer_user)
    proposal = UNPAID_WORK_ORDER | {"requirements": [{"type": "drug_rehabilitation", "amount": None}]}

    saved = _save(
        report, officer_user, proposed_sentence=proposal, preconditions=["drr_recommended", "drr_willing"]
    )

    assert saved.check.ok
    assert saved.changed == ["proposed_sentence", "preconditions"]


def test_unpaid_work_without_a_suitability_assessment_saves_with_a_warning(officer_user):
    report = opened_report(officer_user)

    saved = _save(report, officer_user, proposed_sentence=UNPAID_WORK_ORDER)

    assert saved.check.ok
    assert saved.check.warnings[0].startswith(
        "Unpaid work is proposed but no suitability assessment is recorded"
    )


def test_an_attendance_centre_is_judged_by_age_on_the_day_of_the_hearing(officer_user):
    # 25 on 8 December 2026, the adjourned hearing; 24 on the day the court asked for the report.
    report = opened_report(officer_user, person=None)
    person = report.request.person
    person.date_of_birth = dt.date(2001, 12, 8)
    person.save()
    proposal = UNPAID_WORK_ORDER | {"requirements": [{"type": "attendance_centre", "amount": None}]}

    with pytest.raises(RuleErrors, match="only for people under 25; the person is 25"):
        _save(report, officer_user, proposed_sentence=proposal)


def test_what_is_missing_before_signing(officer_user):
    report = opened_report(officer_user)
    report.pattern_of_offending = ""

    assert report_missing_before_signing(report) == [
        "Tick at least one source of information.",
        "Describe the pattern of offending and response to supervision, or tick "
        "“No previous offences or supervision”.",
        "Write the proposal.",
        "Give the custody position.",
    ]
    report.sources, report.no_previous, report.proposal, report.custody_position = (
        ["interview"],
        True,
        "A community order.",
        "possible",
    )
    assert report_missing_before_signing(report) == [
        "Describe the impact of custody: custody is possible or expected."
    ]
    report.impact_of_custody = "Two children depend on him."
    assert report_missing_before_signing(report) == []


@pytest.mark.parametrize(
    ("status", "message"),
    [
        ("withdrawn", "The court withdrew this report request: the report cannot be changed."),
        ("closed", "This report request is closed: the report cannot be changed."),
    ],
)
def test_a_withdrawn_or_closed_request_takes_no_more_writing(officer_user, status, message):
    report = opened_report(officer_user)
    ReportRequest.objects.filter(pk=report.request_id).update(status=status)
    report.request.refresh_from_db()

    with pytest.raises(ServiceError, match=message):
        _save(report, officer_user, rationale="Too late.")
    with pytest.raises(ServiceError, match=message):
        report_open(actor=officer_user, request=allocated_request(officer_user, status=status))

    report.refresh_from_db()
    assert report.rationale == ""

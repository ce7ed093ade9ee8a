"""RoSH assessment and risk management plan services: every rule and refusal, the RoSH registration
and Person.rosh_level kept in step, versions and conflicts, scope and the audit."""

import datetime as dt

import pytest

from probation.accounts.models import Role
from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.audit.models import AuditEvent
from probation.core.clock import today_uk
from probation.core.errors import ConflictError, NotFound, PermissionDenied, ServiceError
from probation.people.models import Exclusion, Person, PersonChange
from probation.people.tests.factories import PersonFactory
from probation.risk.models import Registration, RiskManagementPlan, RoshAssessment
from probation.risk.models.rosh import overall_rosh
from probation.risk.services.registrations import registration_add
from probation.risk.services.rosh import risk_management_plan_save, rosh_assessment_create

pytestmark = pytest.mark.django_db
TODAY = today_uk()
EVIDENCE = {"nature_of_risk": "Violence when drinking", "who_is_at_risk": "Ex-partner"}


def _ratings(public="low", **overrides):
    ratings = {
        "children_community": "low",
        "public_community": public,
        "known_adult_community": "low",
        "staff_community": "low",
    }
    return ratings | overrides


def _assess(actor, person, on=dt.date(2025, 1, 15), **ratings):
    return rosh_assessment_create(
        actor=actor, crn=person.crn, assessed_on=on, ratings=_ratings(**ratings), evidence=EVIDENCE
    )


def _active_rosh(person):
    return list(
        Registration.objects.active()
        .filter(person=person, register_type__in=["RVHR", "RHRH", "RMRH", "RLRH"])
        .values_list("register_type", flat=True)
    )


def _plan_data(**overrides):
    data = {
        "further_considerations": "",
        "supervision": "Weekly appointments",
        "monitoring_and_control": "Curfew",
        "interventions_and_treatment": "Building Better Relationships",
        "victim_safety_planning": "Exclusion zone",
        "contingency_plan": "Recall if contact with victim",
        "next_review_on": TODAY + dt.timedelta(days=90),
    }
    return data | overrides


@pytest.mark.parametrize(
    ("community", "expected"),
    [
        (["low", "low", "low", "low"], "low"),
        (["low", "medium", "low", "low"], "medium"),
        (["high", "medium", "very_high", "low"], "very_high"),
        (["medium", "high", "low", "high"], "high"),
    ],
)
def test_overall_rosh_is_the_highest_community_level(community, expected):
    assert overall_rosh(community) == expected


def test_an_assessment_sets_the_level_adds_the_registration_and_audits(case, officer_user):
    assessment = _assess(officer_user, case, public="high", prisoners_custody="very_high")

    case.refresh_from_db()
    assert (assessment.overall_level, case.rosh_level, case.version) == ("high", "high", 1)
    assert (assessment.assessor, assessment.assessed_by) == (officer_user.staff, officer_user)
    assert _active_rosh(case) == ["RHRH"]
    events = list(AuditEvent.objects.order_by("seq").values_list("object_type", "action", "detail"))
    assert events[0][:2] == ("registration", "create")
    assert events[-1] == (
        "rosh_assessment",
        "create",
        {"overall": "high", "previous": "", "registration": "RHRH"},
    )


def test_custody_ratings_do_not_raise_the_overall_level(case, officer_user):
    assessment = _assess(officer_user, case, public="medium", public_custody="very_high")

    assert assessment.overall_level == "medium"


def test_lowering_from_high_to_medium_replaces_the_registration(case, officer_user):
    _assess(officer_user, case, public="high")

    _assess(officer_user, case, on=dt.date(2025, 3, 1), public="medium")

    case.refresh_from_db()
    assert case.rosh_level == "medium"
    assert _active_rosh(case) == ["RMRH"]
    ended = Registration.objects.get(register_type="RHRH")
    assert (ended.deregistered_on, ended.deregistration_reason) == (
        dt.date(2025, 3, 1),
        "Replaced by Medium RoSH registration",
    )
    assert RoshAssessment.objects.filter(person=case).count() == 2


def test_the_same_level_again_keeps_the_registration(case, officer_user):
    _assess(officer_user, case, public="high")
    first = Registration.objects.get()

    _assess(officer_user, case, on=dt.date(2025, 2, 1), public="high")

    assert list(Registration.objects.all()) == [first]
    assert first.deregistered_on is None


def test_a_manual_rosh_registration_is_replaced_to_match(case, officer_user):
    registration_add(
        actor=officer_user, crn=case.crn, register_type="RVHR", registered_on=dt.date(2025, 1, 1)
    )

    _assess(officer_user, case, public="medium")

    assert _active_rosh(case) == ["RMRH"]


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"on": TODAY + dt.timedelta(days=1)}, "assessed_on", "Assessment date must be today or in the past"),
        ({"public": ""}, "public_community", "Select the risk to the public in the community"),
        ({"public": "extreme"}, "public_community", "Select the risk to the public"),
        ({"staff_custody": "severe"}, "staff_custody", "Select a level or leave it blank"),
    ],
)
def test_invalid_assessments_are_refused_and_nothing_written(case, officer_user, kwargs, field, message):
    with pytest.raises(ServiceError, match=message) as refused:
        _assess(officer_user, case, **kwargs)

    assert refused.value.field == field
    assert (RoshAssessment.objects.count(), Registration.objects.count(), AuditEvent.objects.count()) == (
        0,
        0,
        0,
    )


def test_evidence_of_nature_and_who_is_at_risk_is_required(case, officer_user):
    with pytest.raises(ServiceError, match="Enter who is at risk") as refused:
        rosh_assessment_create(
            actor=officer_user,
            crn=case.crn,
            assessed_on=dt.date(2025, 1, 15),
            ratings=_ratings(),
            evidence={"nature_of_risk": "x", "who_is_at_risk": "  "},
        )

    assert refused.value.field == "who_is_at_risk"
    assert RoshAssessment.objects.count() == 0


def test_an_assessment_dated_before_the_latest_is_refused(case, officer_user):
    _assess(officer_user, case, on=dt.date(2025, 3, 1), public="high")
    before = AuditEvent.objects.count()

    with pytest.raises(ServiceError, match="on or after the latest assessment") as refused:
        _assess(officer_user, case, on=dt.date(2025, 2, 1), public="low")

    assert refused.value.field == "assessed_on"
    case.refresh_from_db()
    assert (case.rosh_level, _active_rosh(case), AuditEvent.objects.count()) == ("high", ["RHRH"], before)


def test_a_rosh_registration_dated_after_the_assessment_refuses_it_and_rolls_back(case, officer_user):
    registration_add(
        actor=officer_user, crn=case.crn, register_type="RLRH", registered_on=dt.date(2025, 2, 1)
    )
    before = AuditEvent.objects.count()

    with pytest.raises(ServiceError, match="on or after the start of the current Low RoSH") as refused:
        _assess(officer_user, case, on=dt.date(2025, 1, 15), public="high")

    assert refused.value.field == "assessed_on"
    case.refresh_from_db()
    assert (case.rosh_level, RoshAssessment.objects.count(), AuditEvent.objects.count()) == ("low", 0, before)
    assert _active_rosh(case) == ["RLRH"]


def test_staff_outside_the_pdu_excluded_and_partners_are_refused(case, officer_user):
    Exclusion.objects.create(person=case, user=officer_user, added_by=officer_user)
    Person.objects.filter(pk=case.pk).update(has_exclusions=True)

    with pytest.raises(NotFound):
        _assess(officer_user, case)
    with pytest.raises(PermissionDenied):
        _assess(UserFactory(role=Role.SENIOR_PO), case)
    with pytest.raises(PermissionDenied):
        _assess(UserFactory(role=Role.VLO, staff=StaffFactory(team=case.team)), case)

    assert (RoshAssessment.objects.count(), AuditEvent.objects.count()) == (0, 0)


# --- Risk management plan -------------------------------------------------------------------------


def test_writing_the_plan_links_the_latest_rosh_and_records_version_one(case, officer_user):
    assessment = _assess(officer_user, case, public="high")

    plan, changed = risk_management_plan_save(
        actor=officer_user, crn=case.crn, expected_version=0, data=_plan_data(supervision="  Weekly  ")
    )

    assert (plan.version, plan.rosh_assessment, plan.supervision, plan.created_by) == (
        1,
        assessment,
        "Weekly",
        officer_user,
    )
    assert len(changed) == 7
    change = PersonChange.objects.get(entity="rmp")
    assert (change.version, change.changes["supervision"]) == (1, [None, "Weekly"])
    event = AuditEvent.objects.filter(object_type="rmp").get()
    assert (event.action, event.detail["version"]) == ("create", 1)


def test_changing_the_plan_bumps_the_version_and_audits_the_fields(case, officer_user):
    risk_management_plan_save(actor=officer_user, crn=case.crn, expected_version=0, data=_plan_data())

    plan, changed = risk_management_plan_save(
        actor=officer_user, crn=case.crn, expected_version=1, data=_plan_data(contingency_plan="Recall")
    )

    assert (plan.version, changed) == (2, ["contingency_plan"])
    assert AuditEvent.objects.filter(object_type="rmp", action="update").get().detail == {
        "fields": ["contingency_plan"],
        "version": 2,
    }


def test_saving_an_unchanged_plan_writes_nothing(case, officer_user):
    risk_management_plan_save(actor=officer_user, crn=case.crn, expected_version=0, data=_plan_data())
    before = AuditEvent.objects.count()

    plan, changed = risk_management_plan_save(
        actor=officer_user, crn=case.crn, expected_version=1, data=_plan_data()
    )

    assert (plan.version, changed, AuditEvent.objects.count()) == (1, [], before)


def test_a_stale_plan_edit_is_refused_with_what_changed(case, officer_user, spo_user):
    risk_management_plan_save(actor=officer_user, crn=case.crn, expected_version=0, data=_plan_data())
    risk_management_plan_save(
        actor=spo_user, crn=case.crn, expected_version=1, data=_plan_data(supervision="Fortnightly")
    )

    with pytest.raises(ConflictError) as conflict:
        risk_management_plan_save(
            actor=officer_user, crn=case.crn, expected_version=1, data=_plan_data(contingency_plan="Other")
        )

    assert [(c.label, c.theirs) for c in conflict.value.changes] == [("Supervision", "Fortnightly")]
    plan = RiskManagementPlan.objects.get()
    assert (plan.version, plan.contingency_plan) == (2, "Recall if contact with victim")


def test_two_first_versions_at_once_conflict(case, officer_user, spo_user):
    risk_management_plan_save(actor=spo_user, crn=case.crn, expected_version=0, data=_plan_data())

    with pytest.raises(ConflictError):
        risk_management_plan_save(actor=officer_user, crn=case.crn, expected_version=0, data=_plan_data())

    assert RiskManagementPlan.objects.get().version == 1


@pytest.mark.parametrize("days", [0, -1])
def test_the_next_review_must_be_in_the_future(case, officer_user, days):
    with pytest.raises(ServiceError, match="Next review date must be in the future") as refused:
        risk_management_plan_save(
            actor=officer_user,
            crn=case.crn,
            expected_version=0,
            data=_plan_data(next_review_on=TODAY + dt.timedelta(days=days)),
        )

    assert refused.value.field == "next_review_on"
    assert (RiskManagementPlan.objects.count(), AuditEvent.objects.count()) == (0, 0)


def test_the_plan_is_refused_outside_the_pdu(case):
    with pytest.raises(PermissionDenied):
        risk_management_plan_save(
            actor=UserFactory(role=Role.SENIOR_PO), crn=case.crn, expected_version=0, data=_plan_data()
        )

    assert (RiskManagementPlan.objects.count(), AuditEvent.objects.count()) == (0, 0)


def test_a_rosh_flag_added_or_ended_on_the_risk_flags_pages_moves_the_caseload_rosh_level(officer_user):
    import datetime as dt

    from probation.people.models import Person
    from probation.risk.services.registrations import registration_add, registration_deregister

    person = PersonFactory(officer=officer_user.staff)
    registration = registration_add(
        actor=officer_user, crn=person.crn, register_type="RHRH", registered_on=dt.date(2025, 1, 6)
    )
    assert Person.objects.get(pk=person.pk).rosh_level == "high"

    registration_deregister(
        actor=officer_user,
        crn=person.crn,
        registration_id=registration.pk,
        expected_version=1,
        deregistered_on=dt.date(2025, 2, 3),
        reason="Risk reduced",
    )
    assert Person.objects.get(pk=person.pk).rosh_level == ""


def test_a_future_date_missing_ratings_and_evidence_are_refused_together(case, officer_user):
    with pytest.raises(ServiceError) as refused:
        rosh_assessment_create(
            actor=officer_user,
            crn=case.crn,
            assessed_on=today_uk() + dt.timedelta(days=1),
            ratings={},
            evidence={},
        )

    fields = [e.field for e in refused.value.errors]
    assert fields[0] == "assessed_on"
    assert {"nature_of_risk", "who_is_at_risk"} <= set(fields)
    assert len(fields) > 3  # the community ratings too
    assert RoshAssessment.objects.count() == 0

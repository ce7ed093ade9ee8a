"""Recording tests, laboratory results and decisions (drug-testing.md; enforcement.md "Failures to
comply"): presumptive until confirmed, refusals are failures to comply at once through the one rule,
a confirmed positive asks the officer, never an automatic breach."""

import datetime as dt
import uuid

import pytest

from probation.audit.models import AuditEvent
from probation.contacts.models import Contact, EnforcementCase
from probation.core.errors import ConflictError, NotFound, ServiceError
from probation.drug_testing.models import DrugTest, DrugTestEvent, SubstanceResult
from probation.drug_testing.services.decisions import drug_test_decide
from probation.drug_testing.services.records import drug_test_record
from probation.drug_testing.tests.factories import (
    confirm,
    drr_case,
    drug_test_input,
    hours_ago,
    licence_case,
    record,
)
from probation.people.tests import access

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(officer_user):
    return drr_case(officer_user)


def _state():
    return (
        DrugTest.objects.count(),
        Contact.objects.count(),
        SubstanceResult.objects.count(),
        EnforcementCase.objects.count(),
        AuditEvent.objects.count(),
    )


def test_a_negative_instant_test_is_a_clean_drug_test_contact_linked_to_the_drr(officer_user, case):
    test = record(officer_user, case)

    contact = test.contact
    assert (test.state, contact.type, contact.outcome) == ("negative", "drug_test", "TCLN")
    assert contact.requirement_id == test.requirement_id is not None
    assert contact.sentence_id == test.requirement.sentence_id
    assert sorted(r.substance for r in test.results.all()) == ["cocaine", "heroin"]
    assert list(DrugTestEvent.objects.values_list("what", "state")) == [("recorded", "negative")]
    assert AuditEvent.objects.filter(object_type="drug_test", action="create").count() == 1


def test_a_non_negative_instant_result_is_presumptive_and_counts_nothing(officer_user, case):
    test = record(officer_user, case, results={"cocaine": "non_negative", "heroin": "negative"})

    assert (test.state, test.contact.outcome) == ("presumptive", "TUKN")
    assert not Contact.objects.failures_to_comply().exists()
    assert not EnforcementCase.objects.exists()


def test_the_lab_confirms_a_presumptive_result_then_the_officer_must_decide(officer_user, case):
    test = confirm(officer_user, record(officer_user, case, results={"cocaine": "non_negative"}))

    test.contact.refresh_from_db()
    assert (test.state, test.contact.outcome) == ("confirmed_positive", "TDRT")
    assert not EnforcementCase.objects.exists()  # never an automatic breach
    assert list(test.events.values_list("what", "state")) == [
        ("recorded", "presumptive"),
        ("laboratory result", "confirmed_positive"),
    ]


def test_a_negative_confirmation_clears_a_presumptive_result(officer_user, case):
    test = confirm(officer_user, record(officer_user, case, results={"cocaine": "non_negative"}), "negative")

    test.contact.refresh_from_db()
    assert (test.state, test.contact.outcome) == ("negative", "TCLN")


def test_admitted_use_needs_no_confirmation(officer_user, case):
    test = record(officer_user, case, results={"cocaine": "non_negative"}, admitted=("cocaine",))

    assert (test.state, test.contact.outcome) == ("admitted", "TADM")
    assert not EnforcementCase.objects.exists()


@pytest.mark.parametrize("how", ["refused", "tampered"])
def test_a_refusal_or_tampering_is_a_failure_to_comply_with_its_enforcement_case(officer_user, case, how):
    test = record(officer_user, case, results={}, **{how: True})

    assert (test.state, test.contact.outcome) == (how, "TRFS")
    assert list(Contact.objects.failures_to_comply()) == [test.contact]
    assert EnforcementCase.objects.get().contact_id == test.contact_id


def test_a_prescription_verified_later_explains_a_positive(officer_user, case):
    test = record(
        officer_user,
        case,
        results={"methadone": "non_negative"},
        no_medication=False,
        medication="Methadone 60ml, GP",
    )

    test = confirm(officer_user, test, explained=("methadone",), verification_notes="Checked with the GP")

    assert test.state == "negative"


def test_a_double_submitted_form_records_one_test(officer_user, case):
    key = uuid.uuid4()
    first = drug_test_record(actor=officer_user, crn=case.crn, data=drug_test_input(case), submission_key=key)
    before = _state()

    second = drug_test_record(
        actor=officer_user, crn=case.crn, data=drug_test_input(case), submission_key=key
    )

    assert second.pk == first.pk
    assert _state() == before


def _refused(officer_user, case, **fields):
    before = _state()
    with pytest.raises(ServiceError) as caught:
        record(officer_user, case, **fields)
    assert _state() == before
    return {(e.field, e.message) for e in caught.value.errors}


def test_a_test_in_the_future_is_refused(officer_user, case):
    assert ("taken_on", "The date and time taken must be in the past") in _refused(
        officer_user, case, taken_at=hours_ago(-30)
    )


def test_a_result_for_a_substance_not_tested_is_refused(officer_user, case):
    from probation.drug_testing.services.records import ResultInput

    errors = _refused(
        officer_user,
        case,
        substances=("cocaine",),
        results=(ResultInput("cocaine", "negative"), ResultInput("cannabis", "non_negative")),
    )
    assert errors == {
        (
            "result_cannabis",
            "Cannabis was not tested for: remove its result or add it to the substances tested",
        )
    }


def test_missing_results_medication_and_a_basis_not_in_force_are_refused_together(officer_user, case):
    errors = _refused(
        officer_user,
        case,
        results={"cocaine": "negative"},
        substances=("cocaine", "heroin"),
        no_medication=False,
        taken_at=dt.datetime(2026, 1, 5, 10, tzinfo=dt.UTC),  # before the DRR started
    )
    assert errors == {
        ("basis", "Choose a basis for testing that the person has on the date of the test"),
        ("medication", "Record the medication declared, or that none was declared"),
        ("result_heroin", "Enter the result for heroin"),
    }


def test_a_licence_basis_allows_only_specified_drugs(officer_user):
    case = licence_case(officer_user)

    errors = _refused(officer_user, case, basis="licence", results={"benzodiazepines": "negative"})

    assert errors == {("substances", "This basis does not allow testing for benzodiazepines")}


def test_a_lab_confirmation_before_collection_is_refused(officer_user, case):
    from probation.drug_testing.services.records import LabInput, drug_test_record_lab_result

    test = record(officer_user, case, results={"cocaine": "non_negative"})
    before = _state()
    yesterday = dt.date.today() - dt.timedelta(days=1)

    with pytest.raises(ServiceError) as caught:
        drug_test_record_lab_result(
            actor=officer_user,
            crn=case.crn,
            test_id=test.pk,
            expected_version=test.version,
            data=LabInput(result_on=yesterday, results=()),
        )
    assert caught.value.field == "result_on"
    assert _state() == before


def test_a_stale_version_is_refused_as_changed_in_another_window(officer_user, case):
    test = record(officer_user, case, results={"cocaine": "non_negative"})
    confirm(officer_user, test)

    with pytest.raises(ConflictError, match="changed in another window"):
        confirm(officer_user, test)


def test_the_officer_decides_enforcement_which_opens_the_enforcement_case(officer_user, case):
    test = confirm(officer_user, record(officer_user, case, results={"cocaine": "non_negative"}))

    drug_test_decide(
        actor=officer_user, crn=case.crn, test_id=test.pk, expected_version=test.version,
        decision="enforcement", notes="Third positive this month",
    )  # fmt: skip

    test.refresh_from_db()
    assert (test.decision, test.decided_by) == ("enforcement", officer_user)
    assert EnforcementCase.objects.get().contact_id == test.contact_id


def test_a_treatment_decision_opens_no_enforcement_and_a_second_decision_is_told(
    officer_user, spo_user, case
):
    test = confirm(officer_user, record(officer_user, case, results={"cocaine": "non_negative"}))
    drug_test_decide(
        actor=officer_user, crn=case.crn, test_id=test.pk, expected_version=test.version,
        decision="treatment", notes="Refer to the local drug service",
    )  # fmt: skip

    with pytest.raises(ServiceError, match="A decision was recorded by"):
        drug_test_decide(
            actor=spo_user, crn=case.crn, test_id=test.pk, expected_version=test.version,
            decision="enforcement", notes="x",
        )  # fmt: skip
    assert not EnforcementCase.objects.exists()


@pytest.mark.parametrize(("decision", "notes"), [("recall_consideration", "x"), ("treatment", " ")])
def test_a_decision_not_offered_or_without_reasons_is_refused(officer_user, case, decision, notes):
    test = admitted = record(officer_user, case, results={"cocaine": "non_negative"}, admitted=("cocaine",))

    with pytest.raises(ServiceError):
        drug_test_decide(
            actor=officer_user, crn=case.crn, test_id=test.pk, expected_version=admitted.version,
            decision=decision, notes=notes,
        )  # fmt: skip


def test_a_presumptive_result_cannot_be_decided_on(officer_user, case):
    test = record(officer_user, case, results={"cocaine": "non_negative"})

    with pytest.raises(ServiceError, match="Only a confirmed or admitted positive"):
        drug_test_decide(
            actor=officer_user, crn=case.crn, test_id=test.pk, expected_version=test.version,
            decision="enforcement", notes="x",
        )  # fmt: skip


def test_staff_outside_the_managing_pdu_cannot_record(case):
    with pytest.raises(NotFound):
        record(access.other_pdu_user(), case)
    assert not DrugTest.objects.exists()

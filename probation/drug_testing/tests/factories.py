"""Drug testing fixtures: cases with a basis for testing, and tests recorded through the service (so
the contact, outcome and history are as a user would leave them)."""

import datetime as dt
import uuid
from typing import Any

from probation.core.clock import LONDON
from probation.drug_testing.models import DrugTest
from probation.drug_testing.selectors.bases import basis_sources, source_key
from probation.drug_testing.services.records import DrugTestInput, LabInput, ResultInput, drug_test_record
from probation.drug_testing.services.records import drug_test_record_lab_result as lab_result
from probation.people.tests.factories import PersonFactory
from probation.sentences.tests.factories import LicenceConditionFactory, RequirementFactory, SentenceFactory


def drr_case(officer_user: Any, **person: Any) -> Any:
    """A person on a community order with a drug rehabilitation requirement, held by the officer."""
    case = PersonFactory(officer=officer_user.staff, **person)
    sentence = SentenceFactory(event__person=case)
    RequirementFactory(sentence=sentence, type="drug_rehabilitation", ordered=None)
    return case


def licence_case(officer_user: Any) -> Any:
    case = PersonFactory(officer=officer_user.staff)
    LicenceConditionFactory(
        licence__sentence__event__person=case,
        licence__sentence__person=case,
        category="drug_testing",
        text="Attend drug testing as required",
    )
    return case


def basis_key(person: Any, basis: str = "drr") -> str:
    return next(source_key(s) for s in basis_sources(person) if s.basis == basis)


def hours_ago(hours: int = 2) -> dt.datetime:
    return dt.datetime.now(LONDON).replace(microsecond=0) - dt.timedelta(hours=hours)


def drug_test_input(person: Any, **fields: Any) -> DrugTestInput:
    results = fields.pop("results", {"cocaine": "negative", "heroin": "negative"})
    values: dict[str, Any] = {
        "basis_key": basis_key(person, fields.pop("basis", "drr")),
        "method": "instant_oral",
        "substances": tuple(results) if isinstance(results, dict) and results else ("cocaine", "heroin"),
        "taken_at": hours_ago(),
        "place": "Leeds probation office",
        "no_medication": True,
        "results": tuple(ResultInput(substance=s, instant=r) for s, r in results.items())
        if isinstance(results, dict)
        else results,
    }
    return DrugTestInput(**(values | fields))


def record(user: Any, person: Any, **fields: Any) -> DrugTest:
    return drug_test_record(
        actor=user, crn=person.crn, data=drug_test_input(person, **fields), submission_key=uuid.uuid4()
    )


def confirm(user: Any, test: DrugTest, reading: str = "non_negative", **fields: Any) -> DrugTest:
    today = dt.date.today()
    results = tuple(
        ResultInput(substance=r.substance, confirmation=reading if r.instant == "non_negative" else "")
        for r in test.results.all()
    )
    data = LabInput(
        lab_reference="LAB-1",
        dispatched_on=today,
        received_on=today,
        result_on=today,
        results=results,
        **fields,
    )
    return lab_result(
        actor=user, crn=test.person.crn, test_id=test.pk, expected_version=test.version, data=data
    )

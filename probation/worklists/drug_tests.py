"""My work's "Drug test decisions" section: confirmed or admitted positive tests on the officer's
caseload awaiting the officer's decision (drug-testing.md § What a result triggers: never an
automatic breach), oldest first, each opening the test. One query whatever the caseload."""

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse

from probation.accounts.models import Staff, User
from probation.contacts.times import local
from probation.drug_testing.selectors.records import decisions_pending
from probation.people.models import Person
from probation.people.policy import people_visible_to
from probation.rules.drug_testing.results import STATE_LABELS, ResultState


@dataclass(frozen=True)
class DrugTestDecisionRow:
    crn: str
    name: str
    taken_on: dt.date
    result: str
    url: str


def drug_test_decision_rows(*, user: User, officer: Staff) -> list[DrugTestDecisionRow]:
    rows = []
    for test in decisions_pending(people_visible_to(user, Person.objects.filter(officer=officer))):
        crn = test["person__crn"]
        first = test["person__preferred_name"] or test["person__first_name"]
        rows.append(
            DrugTestDecisionRow(
                crn=crn,
                name=f"{first} {test['person__surname']}",
                taken_on=local(test["taken_at"]).date(),
                result=STATE_LABELS[ResultState(test["state"])],
                url=reverse("drug_testing:test", args=[crn, test["id"]]),
            )
        )
    return rows

"""Drug test demo data: each past drug test contact the case history wrote under a drug rehabilitation
requirement or a licence drug-testing condition becomes a recorded test with its basis, panel, results
per substance, chain of custody and medication, consistent with the contact's outcome (TCLN negative,
TDRT confirmed by the laboratory, TADM admitted, TRFS refused, TNTD an invalid sample). The two most
recent clean tests (in the last four weeks) of about one person in six are presumptive positives
awaiting the laboratory (the outcome becomes TUKN, acceptable like TCLN), and about half the
confirmed positives have the officer's decision (the rest wait on My work).

Rows are written in bulk (no audit rows: demo fixtures, as the case history). Running it again adds
nothing for contacts that already have a test."""

import datetime as dt
import uuid
from collections.abc import Callable
from random import Random
from typing import Any

from django.db.models import Q

from probation.contacts.models import Contact
from probation.drug_testing.models import DrugTest, DrugTestEvent, SubstanceResult
from probation.rules.drug_testing.bases import Basis
from probation.rules.drug_testing.results import Decision, ResultState
from probation.rules.drug_testing.substances import Substance, specified_drugs

STATE_FOR_OUTCOME = {
    "TCLN": ResultState.NEGATIVE,
    "TDRT": ResultState.CONFIRMED_POSITIVE,
    "TADM": ResultState.ADMITTED,
    "TRFS": ResultState.REFUSED,
    "TNTD": ResultState.NOT_TESTED,
}
DRR_PANEL = (Substance.COCAINE, Substance.HEROIN, Substance.CANNABIS, Substance.BENZODIAZEPINES)
USED = (Substance.COCAINE, Substance.HEROIN, Substance.CANNABIS)
MEDICATION = ("Methadone 60 ml daily, prescribed by the community drug service", "Sertraline 50 mg, GP")
DECISIONS = (Decision.TREATMENT, Decision.DISCUSS, Decision.MORE_TESTING)


def _contacts() -> list[Contact]:
    return list(
        Contact.objects.filter(type="drug_test", outcome__in=list(STATE_FOR_OUTCOME), drug_test__isnull=True)
        .filter(Q(requirement__type="drug_rehabilitation") | Q(licence_condition__category="drug_testing"))
        .select_related("licence_condition__licence")
        .only(
            "id",
            "person_id",
            "starts_at",
            "outcome",
            "location",
            "sentence_id",
            "requirement_id",
            "licence_condition_id",
            "licence_condition__licence__supervision",
            "created_by_id",
        )
        .order_by("person_id", "starts_at")
    )


def _basis(contact: Contact) -> Basis:
    if contact.requirement_id is not None:
        return Basis.DRR
    licence = contact.licence_condition.licence if contact.licence_condition else None
    return Basis.PSS if licence and licence.supervision == "post_sentence_supervision" else Basis.LICENCE


def _panel(basis: Basis, day: dt.date) -> list[Substance]:
    if basis is Basis.DRR:
        return list(DRR_PANEL)
    return sorted(specified_drugs(day) & {Substance.COCAINE, Substance.HEROIN, Substance.CANNABIS})


def generate(*, today: dt.date, seed: int = 42, log: Callable[[str], Any] = print) -> int:
    rng = Random(seed)  # noqa: S311 - demo data, not security
    contacts = _contacts()
    presumptive_people = {c.person_id for c in contacts if rng.random() < 0.17}
    last_two: set[int] = set()
    by_person: dict[int, list[Contact]] = {}
    for contact in contacts:
        by_person.setdefault(contact.person_id, []).append(contact)
    for person_id in presumptive_people:
        recent = today - dt.timedelta(days=28)  # a sample at the laboratory for weeks would be lost
        clean = [c for c in by_person[person_id] if c.outcome == "TCLN" and c.starts_at.date() >= recent]
        last_two |= {c.pk for c in clean[-2:]}
    tests, results, events, to_unknown = [], [], [], []
    for contact in contacts:
        test, rows = _test(rng, contact, today=today, presumptive=contact.pk in last_two)
        tests.append(test)
        results.append(rows)
        if test.state == ResultState.PRESUMPTIVE:
            to_unknown.append(contact.pk)
    created = DrugTest.objects.bulk_create(tests, batch_size=2000)
    SubstanceResult.objects.bulk_create(
        [row for test, rows in zip(created, results, strict=True) for row in _bind(test, rows)],
        batch_size=5000,
    )
    for test in created:
        events.append(
            DrugTestEvent(test=test, what="recorded", state=test.state, outcome="", actor_id=test.tester_id)
        )
        if test.decision:
            events.append(
                DrugTestEvent(
                    test=test, what="decision", state=test.state, outcome="", actor_id=test.tester_id
                )
            )
    DrugTestEvent.objects.bulk_create(events, batch_size=5000)
    Contact.objects.filter(pk__in=to_unknown).update(outcome="TUKN")
    log(f"Drug tests: {len(created)} recorded, {len(to_unknown)} presumptive awaiting the laboratory.")
    return len(created)


def _bind(test: DrugTest, rows: list[SubstanceResult]) -> list[SubstanceResult]:
    for row in rows:
        row.test = test
    return rows


def _test(
    rng: Random, contact: Contact, *, today: dt.date, presumptive: bool
) -> tuple[DrugTest, list[SubstanceResult]]:
    day = contact.starts_at.date()
    basis = _basis(contact)
    state = ResultState.PRESUMPTIVE if presumptive else STATE_FOR_OUTCOME[contact.outcome]
    panel = _panel(basis, day)
    used = rng.choice([s for s in USED if s in panel])
    lab = state is ResultState.CONFIRMED_POSITIVE
    rows = []
    for substance in panel:
        positive = substance == used and state in (
            ResultState.CONFIRMED_POSITIVE,
            ResultState.ADMITTED,
            ResultState.PRESUMPTIVE,
        )
        if state is ResultState.REFUSED:
            rows.append(SubstanceResult(substance=substance.value))
            continue
        instant = (
            "invalid" if state is ResultState.NOT_TESTED else ("non_negative" if positive else "negative")
        )
        confirmation = ("non_negative" if positive else "") if lab else ""
        rows.append(
            SubstanceResult(
                substance=substance.value,
                instant=instant,
                screening=confirmation,
                confirmation=confirmation,
                cutoff="30 ng/ml" if lab else "",
            )
        )
    decided = lab and rng.random() < 0.5
    medication = rng.random() < 0.15
    test = DrugTest(
        person_id=contact.person_id,
        contact_id=contact.pk,
        basis=basis.value,
        sentence_id=contact.sentence_id,
        requirement_id=contact.requirement_id,
        licence_condition_id=contact.licence_condition_id,
        method="instant_oral",
        substances=[s.value for s in panel],
        taken_at=contact.starts_at,
        place=contact.location,
        tester_id=contact.created_by_id,
        sample_id=f"S{contact.pk:08d}",
        seal_number=f"T{rng.randrange(10**6, 10**7)}",
        observed=True,
        person_signed=state is not ResultState.REFUSED,
        tester_signed=True,
        cost_code="DRR" if basis is Basis.DRR else "LIC",
        dispatched_on=day + dt.timedelta(days=1) if lab or presumptive else None,
        lab_reference=f"LAB{contact.pk:07d}" if lab else "",
        lab_received_on=day + dt.timedelta(days=3) if lab else None,
        result_on=min(today, day + dt.timedelta(days=6)) if lab else None,
        no_medication=not medication,
        medication=rng.choice(MEDICATION) if medication else "",
        refused=state is ResultState.REFUSED,
        admitted_substances=[used.value] if state is ResultState.ADMITTED else [],
        state=state.value,
        decision=rng.choice(DECISIONS).value if decided else "",
        decision_notes="Discussed with the person; links to offending weighed." if decided else "",
        decided_by_id=contact.created_by_id if decided else None,
        decided_at=contact.starts_at + dt.timedelta(days=7) if decided else None,
        submission_key=uuid.UUID(int=rng.getrandbits(128)),
        created_by_id=contact.created_by_id,
    )
    return test, rows

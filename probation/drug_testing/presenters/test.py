"""One test for display: the choices of basis on the record form, and the test's summary rows."""

from probation.contacts.times import local
from probation.drug_testing.models import DrugTest
from probation.drug_testing.presenters.records import substance_names
from probation.drug_testing.selectors.bases import basis_sources, source_key
from probation.people.models import Person
from probation.rules.drug_testing.bases import BASIS_LABELS, METHOD_LABELS, Basis, Method
from probation.rules.drug_testing.results import STATE_LABELS, ResultState


def _date(day: object) -> str:
    return f"{day:%-d %B %Y}" if day else ""


def basis_choices(person: Person, *, only_ap: bool) -> list[tuple[str, str]]:
    """Every basis the person has had, with its dates (the service checks it is in force on the day
    of the test)."""
    choices = []
    for source in basis_sources(person):
        if only_ap and source.basis is not Basis.APPROVED_PREMISES:
            continue
        until = f" to {_date(source.end)}" if source.end else ""
        detail = f": {source.label}" if source.label else ""
        label = f"{BASIS_LABELS[source.basis]}{detail} (from {_date(source.start)}{until})"
        choices.append((source_key(source), label))
    return choices


def _yes(value: bool) -> str:
    return "Yes" if value else "No"


def test_summary(test: DrugTest) -> list[tuple[str, str]]:
    taken = local(test.taken_at)
    rows = [
        ("Result", STATE_LABELS[ResultState(test.state)]),
        ("Taken", f"{taken:%-d %B %Y} at {taken:%H:%M}"),
        ("Legal basis", BASIS_LABELS[Basis(test.basis)]),
        ("Method", METHOD_LABELS[Method(test.method)]),
        ("Substances tested for", substance_names(test.substances)),
        ("Tester", str(test.tester)),
        ("Place", test.place or "Not recorded"),
        ("Medication declared", "None declared" if test.no_medication else test.medication),
        ("Use admitted", substance_names(test.admitted_substances)),
        ("Explained by a verified prescription", substance_names(test.explained_substances)),
        ("Sample ID", test.sample_id or "Not recorded"),
        ("Seal number", test.seal_number or "Not recorded"),
        ("Observed", _yes(test.observed)),
        ("Signed by the person and the tester", f"{_yes(test.person_signed)} and {_yes(test.tester_signed)}"),
        ("Sent to the laboratory", _date(test.dispatched_on) or "Not sent"),
        ("Laboratory reference", test.lab_reference or "None"),
        ("Received by the laboratory", _date(test.lab_received_on) or "Not recorded"),
        ("Laboratory result date", _date(test.result_on) or "No result yet"),
    ]
    if test.chain_broken_reason:
        rows.append(("Chain of custody broken", test.chain_broken_reason))
    if test.refused:
        rows.insert(1, ("Sample", "Refused: a failure to comply"))
    if test.tampered:
        rows.insert(1, ("Sample", "Tampered with: a failure to comply"))
    return rows

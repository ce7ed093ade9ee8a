"""Which legal bases allow a drug or alcohol test on a day, what each may test for, and how.

Source: drug-testing.md § Legal bases. A test may be required only under a basis the person actually
has on the day of the test: a licence drug-testing condition (CJCSA 2000 s.64) or a PSS drug testing
requirement (CJA 2003 s.256D) in force, a drug rehabilitation requirement (Sentencing Act 2020 Sch 9
Pt 10) or a drug testing requirement (Sch 9 Pt 10A) in force, or residence at an approved premises
(Approved Premises (Substance Testing) Act 2022). A licence *drug appointment* condition is not a
basis: it requires attendance, not a test.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from probation.rules.drug_testing.substances import DRUGS, Substance, specified_drugs
from probation.rules.errors import RuleErrorCollector
from probation.rules.law.dated import NO_CHANGES, LawSettings


class Basis(StrEnum):
    LICENCE = "licence"
    PSS = "pss"
    DRR = "drr"
    DRUG_TESTING_REQUIREMENT = "drug_testing_requirement"
    APPROVED_PREMISES = "approved_premises"


BASIS_LABELS: dict[Basis, str] = {
    Basis.LICENCE: "Licence drug testing condition",
    Basis.PSS: "Post-sentence supervision drug testing requirement",
    Basis.DRR: "Drug rehabilitation requirement (DRR)",
    Basis.DRUG_TESTING_REQUIREMENT: "Drug testing requirement",
    Basis.APPROVED_PREMISES: "Approved premises testing",
}


class Method(StrEnum):
    INSTANT_ORAL = "instant_oral"
    INSTANT_URINE = "instant_urine"
    LAB_ORAL = "lab_oral"
    LAB_URINE = "lab_urine"
    BREATH = "breath"


METHOD_LABELS: dict[Method, str] = {
    Method.INSTANT_ORAL: "Instant oral fluid test",
    Method.INSTANT_URINE: "Instant urine test",
    Method.LAB_ORAL: "Oral fluid sample sent to the laboratory",
    Method.LAB_URINE: "Urine sample sent to the laboratory",
    Method.BREATH: "Breath test (alcohol)",
}
INSTANT_METHODS = frozenset({Method.INSTANT_ORAL, Method.INSTANT_URINE, Method.BREATH})
LAB_METHODS = frozenset({Method.LAB_ORAL, Method.LAB_URINE})

# Licence and PSS testing: oral fluid or urine. AP testing: urine or another non-intimate sample, and
# breath tests for alcohol ("recorded like drug tests"). DRR and drug testing requirement samples are
# "as directed": the national kits (oral fluid or urine).
_SAMPLES = frozenset({Method.INSTANT_ORAL, Method.INSTANT_URINE, Method.LAB_ORAL, Method.LAB_URINE})
METHODS: dict[Basis, frozenset[Method]] = {
    Basis.LICENCE: _SAMPLES,
    Basis.PSS: _SAMPLES,
    Basis.DRR: _SAMPLES,
    Basis.DRUG_TESTING_REQUIREMENT: _SAMPLES,
    Basis.APPROVED_PREMISES: _SAMPLES | {Method.BREATH},
}


@dataclass(frozen=True)
class BasisSource:
    """Something on the record that gives a basis: a requirement, a licence condition or an
    approved-premises stay, with the days it is in force (``end`` None: open)."""

    basis: Basis
    start: dt.date
    end: dt.date | None
    source_id: int
    label: str = ""

    def in_force_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def bases_on(sources: Iterable[BasisSource], day: dt.date) -> list[BasisSource]:
    """The sources in force on ``day``, in the order of :class:`Basis` then start date."""
    order = list(Basis)
    return sorted(
        (s for s in sources if s.in_force_on(day)),
        key=lambda s: (order.index(s.basis), s.start, s.source_id),
    )


def substances_for(basis: Basis, on: dt.date, settings: LawSettings = NO_CHANGES) -> frozenset[Substance]:
    """What a basis may test for on the day of the test: licence and PSS testing the specified Class A
    and Class B drugs of that day; a DRR any drug; a drug testing requirement drugs and psychoactive
    substances; approved premises controlled drugs, prescription-only medicines, psychoactive
    substances and (by breath) alcohol."""
    if basis in (Basis.LICENCE, Basis.PSS):
        return specified_drugs(on, settings)
    if basis is Basis.APPROVED_PREMISES:
        return frozenset(Substance)
    return DRUGS


def check_panel(
    *,
    basis: Basis,
    method: Method,
    substances: Iterable[Substance],
    on: dt.date,
    settings: LawSettings = NO_CHANGES,
) -> None:
    """Refuse a method the basis does not allow, an empty panel, a substance the basis may not test
    for, and alcohol other than by breath (or a breath test for anything else). All refusals at once."""
    panel = frozenset(substances)
    errors = RuleErrorCollector()
    if method not in METHODS[basis]:
        errors.add(f"{METHOD_LABELS[method]} is not allowed under this basis", field="method")
    if not panel:
        errors.add("Select the substances tested for", field="substances")
    not_allowed = sorted(panel - substances_for(basis, on, settings))
    if not_allowed:
        names = ", ".join(s.value.replace("_", " ") for s in not_allowed)
        errors.add(f"This basis does not allow testing for {names}", field="substances")
    if method is Method.BREATH and panel - {Substance.ALCOHOL}:
        errors.add("A breath test is for alcohol only", field="substances")
    if Substance.ALCOHOL in panel and method is not Method.BREATH:
        errors.add("Alcohol is tested by breath", field="substances")
    errors.raise_any()

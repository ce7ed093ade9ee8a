"""What on a person's record gives a basis for testing (drug-testing.md § Legal bases): drug
rehabilitation requirements, licence and PSS drug-testing conditions, approved-premises stays; and
the alcohol abstinence requirements whose monitoring days the tests page shows."""

import datetime as dt

from probation.drug_testing.residence import approved_premises_stays
from probation.people.models import Person
from probation.rules.drug_testing.bases import Basis, BasisSource
from probation.rules.sentences.licences import AdditionalConditionCategory
from probation.rules.sentences.requirements import RequirementType
from probation.sentences.models import LicenceCondition, Requirement


def _end(*days: dt.date | None) -> dt.date | None:
    present = [d for d in days if d is not None]
    return min(present) if present else None


def basis_sources(person: Person) -> list[BasisSource]:
    """Every source of a basis the person has had, with the days it is in force (two queries, plus
    one per registered approved-premises lookup)."""
    sources: list[BasisSource] = []
    for req in Requirement.objects.filter(
        sentence__person=person, type=RequirementType.DRUG_REHABILITATION
    ).select_related("sentence"):
        end = _end(req.end_date, req.terminated_on, req.sentence.terminated_on)
        sources.append(
            BasisSource(Basis.DRR, req.start_date, end, req.pk, f"DRR from {req.start_date:%-d %B %Y}")
        )
    for condition in LicenceCondition.objects.filter(
        licence__sentence__person=person, category=AdditionalConditionCategory.DRUG_TESTING
    ).select_related("licence__sentence"):
        licence = condition.licence
        pss = licence.supervision == "post_sentence_supervision"
        end = _end(
            condition.end_date,
            licence.pss_end_date if pss else licence.licence_expiry_date,
            licence.sentence.terminated_on,
        )
        basis = Basis.PSS if pss else Basis.LICENCE
        sources.append(
            BasisSource(
                basis, max(condition.start_date, licence.release_date), end, condition.pk, condition.text[:80]
            )
        )
    sources.extend(approved_premises_stays(person.pk))
    return sources


def source_key(source: BasisSource) -> str:
    return f"{source.basis.value}:{source.source_id}"


def abstinence_requirements(person: Person) -> list[Requirement]:
    """The person's alcohol abstinence and monitoring requirements (AAMR), current first."""
    return list(
        Requirement.objects.filter(
            sentence__person=person, type=RequirementType.ALCOHOL_ABSTINENCE_MONITORING
        ).order_by("terminated_on", "-start_date")
    )


def drr_requirements(person: Person) -> list[Requirement]:
    """The person's current drug rehabilitation requirements (the testing schedule)."""
    return list(
        Requirement.objects.filter(
            sentence__person=person,
            type=RequirementType.DRUG_REHABILITATION,
            terminated_on__isnull=True,
            sentence__terminated_on__isnull=True,
        )
        .select_related("sentence")
        .order_by("start_date", "id")
    )

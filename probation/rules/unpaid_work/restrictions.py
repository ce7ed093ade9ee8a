"""Whether a person may be placed on a project (unpaid-work.md § Assessment and allocation).

- sexual offending or child-risk flags (ARSO, ANSO, RCHD, SOPS and the other child-protection
  registrations) keep a person away from work with or near children or adults at risk;
- exclusion zones and victims' areas: no project in an area the person must not enter;
- supervisor-sex restrictions ("not with a female / male supervisor");
- a female-only group is for women; women may choose a female-only group or an individual placement;
- the placement preference (individual only) is honoured.
Each refusal is a sentence the allocation page shows.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from probation.rules.unpaid_work.credit import ProjectKind

# Registrations that bar work with or near children (sexual offending, risk to children).
CHILD_RISK_REGISTRATIONS = frozenset({"ARSO", "ANSO", "SOPS", "RCHD", "RCPR", "RCCO", "CSEP"})
# Registrations that bar work with adults at risk.
ADULT_RISK_REGISTRATIONS = frozenset({"ARSO", "ANSO", "SOPS", "RVAD"})


class Placement(StrEnum):
    INDIVIDUAL = "individual"
    MIXED = "mixed"
    FEMALE_ONLY = "female_only"


class SupervisorSex(StrEnum):
    ANY = ""
    NOT_FEMALE = "not_female"
    NOT_MALE = "not_male"


@dataclass(frozen=True)
class PersonFit:
    registrations: frozenset[str]
    female: bool
    placement: Placement = Placement.MIXED
    excluded_areas: frozenset[str] = field(default_factory=frozenset)
    supervisor_sex: SupervisorSex = SupervisorSex.ANY


@dataclass(frozen=True)
class ProjectFit:
    kind: ProjectKind
    area: str
    with_children: bool = False
    with_adults_at_risk: bool = False
    female_only: bool = False
    supervisor_sex: str = ""  # "F" / "M" of the session's supervisor, "" unknown


def area_key(area: str) -> str:
    return " ".join(area.upper().split())


def refusals(person: PersonFit, project: ProjectFit) -> list[str]:
    """Every reason this project does not fit this person; empty when it fits."""
    reasons: list[str] = []
    child = sorted(person.registrations & CHILD_RISK_REGISTRATIONS)
    if project.with_children and child:
        reasons.append(
            f"The project works with or near children and the person has {', '.join(child)} registrations"
        )
    adult = sorted(person.registrations & ADULT_RISK_REGISTRATIONS)
    if project.with_adults_at_risk and adult:
        reasons.append(
            f"The project works with adults at risk and the person has {', '.join(adult)} registrations"
        )
    if project.female_only and not person.female:
        reasons.append("The project is a female-only group")
    if area_key(project.area) and area_key(project.area) in {area_key(a) for a in person.excluded_areas}:
        reasons.append(f"The project is in {project.area}, an area the person is excluded from")
    if person.supervisor_sex is SupervisorSex.NOT_FEMALE and project.supervisor_sex == "F":
        reasons.append("The session's supervisor is female and the person must not have a female supervisor")
    if person.supervisor_sex is SupervisorSex.NOT_MALE and project.supervisor_sex == "M":
        reasons.append("The session's supervisor is male and the person must not have a male supervisor")
    if person.placement is Placement.INDIVIDUAL and project.kind is ProjectKind.GROUP:
        reasons.append("The assessment asks for an individual placement, and this is a group project")
    if (
        person.placement is Placement.FEMALE_ONLY
        and project.kind is ProjectKind.GROUP
        and not project.female_only
    ):
        reasons.append("The assessment asks for a female-only group, and this group is mixed")
    return reasons


def suitable(person: PersonFit, projects: Iterable[tuple[object, ProjectFit]]) -> list[object]:
    """The keys of the projects that fit, in the order given."""
    return [key for key, project in projects if not refusals(person, project)]

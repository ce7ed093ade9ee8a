"""Display formatting for people so templates hold no logic."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission
from probation.core.case_sections import case_groups, case_section
from probation.core.clock import age_on, today_uk
from probation.frontend.reversing import fast_reverse
from probation.people.duplicates import PossibleMatch
from probation.people.models import Address, Person
from probation.people.models.person import RoshLevel
from probation.people.policy import ListedPerson, can_change_case, limited_access_message


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    active: bool


@dataclass(frozen=True)
class CaseNavigation:
    """The case's tabs (one per group) and the active group's own sections, when it has several."""

    tabs: list[NavItem]
    sections: list[NavItem]
    group_label: str


def case_sub_navigation(*, user: User, person: Person, active: str) -> CaseNavigation:
    """One tab per group (probation.core.case_sections) with a section the user may see, opening its
    first such section; under the active tab, its sections if there are more than one."""
    tabs: list[NavItem] = []
    sections: list[NavItem] = []
    group_label = ""
    for group, members in case_groups():
        visible = [s for s in members if has_permission(user, s.permission)]
        if not visible:
            continue
        is_active = any(s.key == active for s in visible)
        tabs.append(NavItem(group.label, fast_reverse(visible[0].url_name, person.crn), is_active))
        if is_active and len(visible) > 1:
            group_label = group.label
            sections = [
                NavItem(s.label, fast_reverse(s.url_name, person.crn), s.key == active) for s in visible
            ]
    return CaseNavigation(tabs, sections, group_label)


def section_permission(section: str) -> Permission:
    return case_section(section).permission


@dataclass(frozen=True)
class CaseHeader:
    name: str
    crn: str
    date_of_birth: object
    age: int
    officer: str
    team: str
    can_edit: bool
    can_allocate: bool


def case_header(*, user: User, person: Person) -> CaseHeader:
    return CaseHeader(
        name=person.full_name,
        crn=person.crn,
        date_of_birth=person.date_of_birth,
        age=age_on(person.date_of_birth, today_uk()),
        officer=person.officer.name if person.officer is not None else "Unallocated",
        team=person.team.name if person.team is not None else "",
        can_edit=can_change_case(user, person, Permission.PERSON_EDIT),
        can_allocate=can_change_case(user, person, Permission.CASE_ALLOCATE),
    )


# The colours of the matching RoSH registration tags (risk/registers.py), so a caseload and a case
# header agree; repeated here because people never imports risk.
ROSH_TAG_COLOURS: dict[str, str] = {
    RoshLevel.VERY_HIGH: "red",
    RoshLevel.HIGH: "red",
    RoshLevel.MEDIUM: "orange",
    RoshLevel.LOW: "green",
}


@dataclass(frozen=True)
class PersonRow:
    """A row in a caseload or search result; restricted rows carry only the CRN and a message."""

    crn: str
    restricted: bool
    message: str = ""
    name: str = ""
    date_of_birth: dt.date | None = None  # None only on restricted rows
    officer: str = ""
    location: str = ""
    alias: str = ""
    url: str = ""
    rosh: str = ""  # "" = not assessed
    rosh_css_class: str = ""
    tier: str = ""  # "" = not calculated yet


def person_row(person: ListedPerson, *, alias: str = "") -> PersonRow:
    if person.lao_excluded or person.lao_restricted:
        return PersonRow(crn=person.crn, restricted=True, message=limited_access_message(person))
    main = getattr(person, "main_addresses", None)
    location = _location(main[0]) if main else ""
    return PersonRow(
        crn=person.crn,
        restricted=False,
        name=person.display_name,
        date_of_birth=person.date_of_birth,
        officer=person.officer.name if person.officer is not None else "Unallocated",
        location=location,
        alias=alias,
        url=fast_reverse("people:case-overview", person.crn),
        rosh=person.get_rosh_level_display() if person.rosh_level else "",
        rosh_css_class=f"govuk-tag govuk-tag--{ROSH_TAG_COLOURS.get(person.rosh_level, 'grey')}",
        tier=person.tier,
    )


def _location(address: Address) -> str:
    if address.address_type == "nfa":
        return "No fixed abode"
    return ", ".join(p for p in (address.town_city, address.postcode) if p)


@dataclass(frozen=True)
class DuplicateRow:
    """A possible match shown before a new CRN is issued; a restricted one shows its CRN only."""

    crn: str
    restricted: bool
    message: str = ""
    name: str = ""
    url: str = ""
    date_of_birth: dt.date | None = None
    pnc_number: str = ""
    officer: str = ""
    why: str = ""


def duplicate_rows(matches: list[PossibleMatch]) -> list[DuplicateRow]:
    rows = []
    for match in matches:
        person = match.person
        why = "; ".join(match.reasons)
        why = why[:1].upper() + why[1:]
        if match.restricted:
            rows.append(
                DuplicateRow(crn=person.crn, restricted=True, message=match.restricted_message, why=why)
            )
            continue
        rows.append(
            DuplicateRow(
                crn=person.crn,
                restricted=False,
                name=person.full_name,
                url=fast_reverse("people:case-overview", person.crn),
                date_of_birth=person.date_of_birth,
                pnc_number=person.pnc_number,
                officer=person.officer.name if person.officer is not None else "Unallocated",
                why=why,
            )
        )
    return rows


@dataclass(frozen=True)
class AllocationRow:
    """One period of the allocation history; a change of team shows where the case came from."""

    officer: str
    team: str
    came_from: str  # "Leeds North (Leeds PDU)" when this period moved the case from another team
    started_at: dt.datetime
    ended_at: dt.datetime | None
    reason: str
    allocated_by: str
    decision_reason: str = ""


def _team_text(team: Any) -> str:
    return f"{team.name} ({team.pdu.name})"


def allocation_history_rows(allocations: Iterable[Any]) -> list[AllocationRow]:
    """Newest first, as read (selectors.person_allocation_history); each row compared with the one
    before it in time, so a transfer reads "from-team → to-team" with who and when."""
    periods = list(allocations)
    rows = []
    for index, allocation in enumerate(periods):
        earlier = periods[index + 1] if index + 1 < len(periods) else None
        moved = earlier is not None and earlier.team_id != allocation.team_id
        officer = allocation.officer
        rows.append(
            AllocationRow(
                officer=f"{officer.name} ({officer.grade})" if officer is not None else "Not yet allocated",
                team=_team_text(allocation.team),
                came_from=_team_text(earlier.team) if moved and earlier is not None else "",
                started_at=allocation.started_at,
                ended_at=allocation.ended_at,
                reason=allocation.get_reason_display()
                + (f": {allocation.notes}" if allocation.notes else ""),
                allocated_by=str(allocation.allocated_by) if allocation.allocated_by is not None else "",
                decision_reason=allocation.decision_reason,
            )
        )
    return rows


def allocation_case_summary(person: Any) -> list[tuple[str, str]]:
    """The case's tier and risk, shown above the candidates on the allocate page."""
    rosh = person.get_rosh_level_display() if person.rosh_level else "Not assessed"
    return [
        ("Tier", person.tier or "Not calculated: the case carries no workload points until it has a tier"),
        ("RoSH", rosh),
        ("Current officer", person.officer.name if person.officer is not None else "Unallocated"),
    ]

"""The case navigation: each app registers the section(s) of a case it owns, in a group.

A case page (probation.people.shell) shows one tab per group that has a section the user may see,
and under it one item per visible section of the active group (when the group has more than one),
in ``order``. Thirteen sections as tabs wrapped onto two lines at desktop width; about six groups fit
on one line. The people app cannot name the URLs of the apps above it (pyproject importlinter), so
each app registers its own sections in its ``AppConfig.ready``, as ``core/panels.py`` does for panels.
"""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CaseGroup:
    key: str
    label: str


# The tabs of a case, in order. A group's tab opens its first section the user may see.
CASE_GROUPS: tuple[CaseGroup, ...] = (
    CaseGroup("overview", "Overview"),
    CaseGroup("personal", "Personal details"),
    CaseGroup("sentences", "Sentences"),
    CaseGroup("contacts", "Contacts"),
    CaseGroup("risk", "Risk"),
    CaseGroup("assessments", "Assessments"),
)


@dataclass(frozen=True)
class CaseSection:
    key: str  # what a page names as its ``section`` and the audit row records
    label: str
    url_name: str  # reversed with the CRN
    permission: Any  # accounts.policy.Permission (core imports no app)
    order: int
    group: str = ""  # a CASE_GROUPS key; "" makes the section a tab of its own, after the groups


_registry: dict[str, CaseSection] = {}


def register_case_section(section: CaseSection) -> CaseSection:
    _registry[section.key] = section
    return section


def case_sections() -> list[CaseSection]:
    return sorted(_registry.values(), key=lambda s: s.order)


def case_section(key: str) -> CaseSection:
    return _registry[key]


def case_groups() -> list[tuple[CaseGroup, list[CaseSection]]]:
    """Each group with its sections in order: the declared groups first, then any section registered
    without a group as a group of its own."""
    by_group: dict[str, list[CaseSection]] = {group.key: [] for group in CASE_GROUPS}
    loose: list[tuple[CaseGroup, list[CaseSection]]] = []
    for section in case_sections():
        if section.group in by_group:
            by_group[section.group].append(section)
        else:
            loose.append((CaseGroup(section.key, section.label), [section]))
    return [(group, by_group[group.key]) for group in CASE_GROUPS if by_group[group.key]] + loose

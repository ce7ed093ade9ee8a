"""The case sub-navigation: each app registers the section(s) of a case it owns.

A case page (probation.people.shell) shows one sub-navigation item per section the user may see, in
``order``. The people app cannot name the URLs of the apps above it (pyproject importlinter), so each
app registers its own sections in its ``AppConfig.ready``, as ``core/panels.py`` does for panels.
"""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CaseSection:
    key: str  # what a page names as its ``section`` and the audit row records
    label: str
    url_name: str  # reversed with the CRN
    permission: Any  # accounts.policy.Permission (core imports no app)
    order: int


_registry: dict[str, CaseSection] = {}


def register_case_section(section: CaseSection) -> CaseSection:
    _registry[section.key] = section
    return section


def case_sections() -> list[CaseSection]:
    return sorted(_registry.values(), key=lambda s: s.order)


def case_section(key: str) -> CaseSection:
    return _registry[key]

"""The case tabs: sections registered in a group share its tab; one registered without a group is a
tab of its own after the groups, so a new app's section is never lost from the navigation."""

from probation.core import case_sections
from probation.core.case_sections import CASE_GROUPS, CaseSection, case_groups, register_case_section


def test_sections_are_grouped_into_the_declared_tabs_in_order():
    groups = case_groups()

    assert [group.key for group, _ in groups] == [group.key for group in CASE_GROUPS]
    for _, sections in groups:
        assert [s.order for s in sections] == sorted(s.order for s in sections)


def test_a_section_without_a_group_is_a_tab_of_its_own_after_the_groups():
    section = register_case_section(CaseSection("victims", "Victims", "victims:case", object(), order=1))
    try:
        groups = case_groups()
    finally:
        del case_sections._registry["victims"]

    group, sections = groups[-1]
    assert (group.key, group.label, sections) == ("victims", "Victims", [section])

import pytest

from probation.rules.unpaid_work.credit import ProjectKind
from probation.rules.unpaid_work.restrictions import (
    PersonFit,
    Placement,
    ProjectFit,
    SupervisorSex,
    refusals,
    suitable,
)

MAN = PersonFit(registrations=frozenset(), female=False)
WOMAN = PersonFit(registrations=frozenset(), female=True)
GROUP = ProjectFit(kind=ProjectKind.GROUP, area="Leeds LS1")


@pytest.mark.parametrize(
    ("person", "project", "expected"),
    [
        (MAN, GROUP, []),
        (WOMAN, ProjectFit(kind=ProjectKind.GROUP, area="", female_only=True), []),
        (
            PersonFit(registrations=frozenset({"ARSO"}), female=False),
            ProjectFit(kind=ProjectKind.GROUP, area="", with_children=True),
            ["The project works with or near children and the person has ARSO registrations"],
        ),
        (
            PersonFit(registrations=frozenset({"RCHD", "SOPS", "RMRH"}), female=False),
            ProjectFit(kind=ProjectKind.GROUP, area="", with_children=True),
            ["The project works with or near children and the person has RCHD, SOPS registrations"],
        ),
        (PersonFit(registrations=frozenset({"RCHD"}), female=False), GROUP, []),
        (
            PersonFit(registrations=frozenset({"ANSO"}), female=False),
            ProjectFit(kind=ProjectKind.INDIVIDUAL, area="", with_adults_at_risk=True),
            ["The project works with adults at risk and the person has ANSO registrations"],
        ),
        (
            PersonFit(registrations=frozenset({"RCHD"}), female=False),
            ProjectFit(kind=ProjectKind.INDIVIDUAL, area="", with_adults_at_risk=True),
            [],
        ),
        (
            MAN,
            ProjectFit(kind=ProjectKind.GROUP, area="", female_only=True),
            ["The project is a female-only group"],
        ),
        (
            PersonFit(registrations=frozenset(), female=False, excluded_areas=frozenset({"leeds  ls1"})),
            GROUP,
            ["The project is in Leeds LS1, an area the person is excluded from"],
        ),
        (
            PersonFit(registrations=frozenset(), female=False, supervisor_sex=SupervisorSex.NOT_FEMALE),
            ProjectFit(kind=ProjectKind.GROUP, area="", supervisor_sex="F"),
            ["The session's supervisor is female and the person must not have a female supervisor"],
        ),
        (
            PersonFit(registrations=frozenset(), female=False, supervisor_sex=SupervisorSex.NOT_FEMALE),
            ProjectFit(kind=ProjectKind.GROUP, area="", supervisor_sex="M"),
            [],
        ),
        (
            PersonFit(registrations=frozenset(), female=True, supervisor_sex=SupervisorSex.NOT_MALE),
            ProjectFit(kind=ProjectKind.GROUP, area="", supervisor_sex="M"),
            ["The session's supervisor is male and the person must not have a male supervisor"],
        ),
        (
            PersonFit(registrations=frozenset(), female=True, placement=Placement.INDIVIDUAL),
            GROUP,
            ["The assessment asks for an individual placement, and this is a group project"],
        ),
        (
            PersonFit(registrations=frozenset(), female=True, placement=Placement.FEMALE_ONLY),
            GROUP,
            ["The assessment asks for a female-only group, and this group is mixed"],
        ),
        (
            PersonFit(registrations=frozenset(), female=True, placement=Placement.FEMALE_ONLY),
            ProjectFit(kind=ProjectKind.INDIVIDUAL, area=""),
            [],
        ),
    ],
)
def test_each_restriction_is_refused_with_its_reason(person, project, expected):
    assert refusals(person, project) == expected


def test_every_reason_is_given_at_once():
    person = PersonFit(
        registrations=frozenset({"ARSO"}), female=False, excluded_areas=frozenset({"Leeds LS1"})
    )
    project = ProjectFit(kind=ProjectKind.GROUP, area="Leeds LS1", with_children=True, female_only=True)

    assert len(refusals(person, project)) == 3


def test_suitable_keeps_only_the_projects_that_fit_in_order():
    person = PersonFit(registrations=frozenset({"ARSO"}), female=False)
    projects = [
        ("park", GROUP),
        ("school", ProjectFit(kind=ProjectKind.GROUP, area="", with_children=True)),
        ("shop", ProjectFit(kind=ProjectKind.INDIVIDUAL, area="")),
    ]

    assert suitable(person, projects) == ["park", "shop"]

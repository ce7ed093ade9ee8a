"""A system administrator gives someone an area role with a staff record (its team places them in
their PDU and region), so their figures are scoped from the day the account is made."""

import pytest

from probation.accounts.administration import AccountAdministrationRefused, NewAccount, user_create
from probation.accounts.tests.factories import TeamFactory, UserFactory
from probation.insights.selectors.areas import home_area

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "grade", "level"), [("head_of_pdu", "HPDU", "pdu"), ("regional_lead", "RA", "region")]
)
def test_an_area_role_account_gets_a_staff_record_in_its_area(role, grade, level):
    admin = UserFactory(role="system_admin", staff=None)
    team = TeamFactory()

    user = user_create(
        actor=admin,
        account=NewAccount(
            username=f"new-{role}",
            role=role,
            first_name="A",
            last_name="B",
            email="a@b.example",
            team=team,
            grade=grade,
        ),
    )

    area = home_area(user)
    assert area is not None
    assert area.level == level
    assert area.code == (team.pdu.code if level == "pdu" else team.pdu.region.code)


def test_a_head_of_pdu_must_have_the_head_of_pdu_grade():
    admin = UserFactory(role="system_admin", staff=None)

    with pytest.raises(AccountAdministrationRefused):
        user_create(
            actor=admin,
            account=NewAccount(
                username="wrong",
                role="head_of_pdu",
                first_name="A",
                last_name="B",
                email="a@b.example",
                team=TeamFactory(),
                grade="PO",
            ),
        )

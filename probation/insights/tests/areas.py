"""Users and areas for the page and access tests: region RNE (PDUs PNE1 with team TNE1, PNE2 with
TNE2) and another region ROT (PDU POT, team TOT)."""

from dataclasses import dataclass

from probation.accounts.models import Team, User
from probation.accounts.tests.factories import (
    PDUFactory,
    RegionFactory,
    StaffFactory,
    TeamFactory,
    UserFactory,
)
from probation.insights.tests.world import World, build_world


@dataclass
class Areas:
    world: World
    other_team: Team
    head: User
    other_head: User
    lead: User
    other_lead: User


def build_areas():
    world = build_world()
    other = TeamFactory(
        code="TOT",
        pdu=PDUFactory(code="POT", name="Cornwall", region=RegionFactory(code="ROT", name="South West")),
    )

    def user(name, role, team, grade):
        return UserFactory(username=name, role=role, staff=StaffFactory(team=team, grade=grade))

    return Areas(
        world=world,
        other_team=other,
        head=user("head", "head_of_pdu", world.team, "HPDU"),
        other_head=user("other-head", "head_of_pdu", world.other_team, "HPDU"),
        lead=user("lead", "regional_lead", world.other_team, "RA"),
        other_lead=user("other-lead", "regional_lead", other, "RA"),
    )

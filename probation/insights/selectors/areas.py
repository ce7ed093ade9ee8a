"""Which areas a user may see figures for (the one scope rule of this app): a head of PDU their own
PDU and its teams; a regional lead their region, its PDUs and their teams; nobody else any. An
area out of scope is the same NotFound as one that does not exist. Equality figures are not kept
for teams (too few people to compare), so their pages stop at PDUs."""

from dataclasses import dataclass

from probation.accounts.models import PDU, Region, Role, Team, User
from probation.accounts.policy import Permission, has_permission
from probation.core.errors import NotFound
from probation.insights.models import AreaLevel


@dataclass(frozen=True)
class Area:
    level: str
    code: str
    name: str
    parent: "Area | None" = None

    @property
    def label(self) -> str:
        kind = {"region": "region", "pdu": "PDU", "team": "team"}.get(self.level, "")
        return f"{self.name} ({kind})" if kind else self.name


def _region(region: Region) -> Area:
    return Area(AreaLevel.REGION, region.code, region.name)


def _pdu(pdu: PDU, parent: Area | None = None) -> Area:
    return Area(AreaLevel.PDU, pdu.code, pdu.name, parent or _region(pdu.region))


def _team(team: Team, parent: Area | None = None) -> Area:
    return Area(AreaLevel.TEAM, team.code, team.name, parent or _pdu(team.pdu))


def home_area(user: User) -> Area | None:
    """The area a user's figures start from, or None if they may see none."""
    if not has_permission(user, Permission.INSIGHTS_AREA_VIEW) or user.staff is None:
        return None
    pdu = PDU.objects.select_related("region").get(pk=user.staff.team.pdu_id)
    if user.role == Role.REGIONAL_LEAD:
        return _region(pdu.region)
    if user.role == Role.HEAD_OF_PDU:
        return _pdu(pdu)
    return None


def _visible(home: Area, area: Area) -> bool:
    chain: Area | None = area
    while chain is not None:
        if (chain.level, chain.code) == (home.level, home.code):
            return True
        chain = chain.parent
    return False


def _lookup(level: str, code: str) -> Area | None:
    if level == AreaLevel.REGION:
        region = Region.objects.filter(code=code).first()
        return _region(region) if region else None
    if level == AreaLevel.PDU:
        pdu = PDU.objects.select_related("region").filter(code=code).first()
        return _pdu(pdu) if pdu else None
    if level == AreaLevel.TEAM:
        team = Team.objects.select_related("pdu__region").filter(code=code).first()
        return _team(team) if team else None
    return None


def area_get(*, user: User, level: str, code: str, equality: bool = False) -> Area:
    """An area ``user`` may see figures for (with ``equality``: its equality figures)."""
    home = home_area(user)
    if home is None or (equality and not has_permission(user, Permission.INSIGHTS_EQUALITY_VIEW)):
        raise NotFound(code)
    if equality and level == AreaLevel.TEAM:
        raise NotFound(code)
    area = _lookup(level, code[:8])
    if area is None or not _visible(home, area):
        raise NotFound(code)
    return area


def area_children(area: Area) -> list[Area]:
    """The areas one level down (a region's PDUs, a PDU's teams), by name."""
    if area.level == AreaLevel.REGION:
        return [_pdu(pdu, area) for pdu in PDU.objects.filter(region__code=area.code).order_by("name")]
    if area.level == AreaLevel.PDU:
        return [_team(team, area) for team in Team.objects.filter(pdu__code=area.code).order_by("name")]
    return []


def area_team(area: Area) -> Team:
    """The team of a team area (already checked by ``area_get``)."""
    return Team.objects.select_related("pdu").get(code=area.code)

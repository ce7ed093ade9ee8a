"""Local information demo: the demo logins for the area roles — ``head-pdu``, the head of the demo
team's PDU, and ``regional-lead``, the leadership of its region — and a first run of the nightly
aggregation so their pages have figures (run it after tier_recalculate_all, so the figures count the
tiers). Every figure is made afresh from the demo data (figures of an earlier load would describe
people who no longer exist); running it again adds no second login."""

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import transaction

from probation.accounts.models import Grade, Role, Staff, User
from probation.demo.people.access import DEFAULT_DEMO_PASSWORD
from probation.insights.models import AggregationRun, AreaFigure, EqualityFigure
from probation.insights.services.aggregation import aggregate

DEMO_MANAGER = "spo"
HEAD_LOGIN = "head-pdu"
LEAD_LOGIN = "regional-lead"


class NoDemoTeam(Exception):
    pass


@dataclass
class Result:
    logins: list[str]
    area_rows: int
    equality_rows: int


def _head_of_pdu(manager: User, password: str) -> bool:
    if User.objects.filter(username=HEAD_LOGIN).exists():
        return False
    assert manager.staff is not None
    pdu = manager.staff.team.pdu
    head = Staff.objects.filter(team__pdu=pdu, grade=Grade.HEAD_OF_PDU, active=True).order_by("code").first()
    if head is None:
        head = Staff.objects.create(
            code=f"{pdu.code}HD",
            forename="Hannah",
            surname="Okafor",
            grade=Grade.HEAD_OF_PDU,
            team=manager.staff.team,
        )
    User.objects.update_or_create(
        staff=head,
        defaults={"username": HEAD_LOGIN, "password": password, "role": Role.HEAD_OF_PDU},
    )
    return True


def _regional_lead(manager: User, password: str) -> bool:
    if User.objects.filter(username=LEAD_LOGIN).exists():
        return False
    assert manager.staff is not None
    team = manager.staff.team
    lead = Staff.objects.create(
        code=f"{team.pdu.code}RL", forename="Rowan", surname="Adeyemi", grade=Grade.REGIONAL_ADMIN, team=team
    )
    User.objects.create(
        username=LEAD_LOGIN,
        password=password,
        role=Role.REGIONAL_LEAD,
        staff=lead,
        first_name=lead.forename,
        last_name=lead.surname,
    )
    return True


def generate(*, today: dt.date, log: Callable[[str], object] = print) -> Result:
    manager = User.objects.select_related("staff__team__pdu").filter(username=DEMO_MANAGER).first()
    if manager is None or manager.staff is None:
        raise NoDemoTeam("No demo senior PO: run generate_data --demo-users first")
    password = make_password(os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD)
    made = [login for login, create in ((HEAD_LOGIN, _head_of_pdu), (LEAD_LOGIN, _regional_lead))
            if create(manager, password)]  # fmt: skip
    with transaction.atomic():
        AreaFigure.objects.all().delete()
        EqualityFigure.objects.all().delete()
        AggregationRun.objects.all().delete()
        run = aggregate(as_of=today)
    log(
        f"Local information: logins {', '.join(made) or 'already there'}; "
        f"{run.area_rows} area figures and {run.equality_rows} equality figures as of {run.as_of:%d %B %Y}"
    )
    return Result(made, run.area_rows, run.equality_rows)

"""Demo sign-ins: one per role, all in the same team, plus a partner-agency user and a system admin.

The staff accounts the organisation created are renamed (``po``, ``pso``...) and given the demo
password, so each demo user *is* a real member of the demo team with a real caseload. Demo only: the
password comes from ``DEMO_PASSWORD`` (default ``demo-password-1``).
"""

import datetime as dt
import os
from dataclasses import dataclass
from random import Random

from django.contrib.auth.hashers import make_password
from django.core.management.base import CommandError
from faker import Faker

from probation.accounts.models import Role, User
from probation.demo.people.organisation import Org
from probation.people.models import PartnerShare

DEFAULT_DEMO_PASSWORD = "demo-password-1"  # noqa: S105 - a published demo-only password
PARTNER_SHARES = 5
SHARE_DAYS = 90


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    who: str
    can: str


def _can(org: Org, *, caseload: int, expires: dt.date, restricted: int, shared: int) -> dict[str, str]:
    team = org.demo_team.name
    return {
        "po": f"PO in {team}: {caseload} cases incl. a restricted one they are on the list for; "
        "search, edit, export",
        "pso": "PSO, same team: own caseload; excluded from one of po's cases (search shows it restricted)",
        "spo": f"Senior PO of {team}: team caseloads, allocate, on the restriction list of po's case",
        "admin-case": "Case administrator: add and edit people, allocate cases in the PDU",
        "court": "Court officer: import court lists, match defendants, court duty pages; search, add people",
        "vlo": "Victim liaison officer: search and view cases",
        "ap": "Approved premises staff: search and view cases",
        "partner": f"Police partner: only the {shared} cases shared by po, until {expires:%-d %B %Y}",
        "sysadmin": f"System administrator: audit search, limited-access lists ({restricted} restricted "
        "cases nationally); no case records",
    }


def demo_users_create(
    *,
    rng: Random,
    fake: Faker,
    org: Org,
    demo_cases: list[tuple[int, bool]],
    today: dt.date,
    restricted_total: int,
) -> list[DemoLogin]:
    password = make_password(os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD)
    wanted = [*org.demo, "partner", "sysadmin"]
    clash = list(User.objects.filter(username__in=wanted).values_list("username", flat=True))
    if clash:
        raise CommandError(f"Users {', '.join(clash)} already exist: run with --flush to replace them")
    for username, staff in org.demo.items():
        User.objects.filter(pk=staff.user_id).update(username=username, password=password)
    partner = User.objects.create(
        username="partner",
        role=Role.PARTNER,
        agency="Police",
        password=password,
        first_name=fake.first_name(),
        last_name=fake.last_name(),
        email="partner@police.example",
    )
    User.objects.create(
        username="sysadmin",
        role=Role.SYSTEM_ADMIN,
        password=password,
        first_name=fake.first_name(),
        last_name=fake.last_name(),
        email="sysadmin@openprobation.example",
    )
    open_cases = [person_id for person_id, limited in demo_cases if not limited]
    shared = rng.sample(open_cases, min(PARTNER_SHARES, len(open_cases)))
    expires = today + dt.timedelta(days=SHARE_DAYS)
    PartnerShare.objects.bulk_create(
        PartnerShare(
            person_id=person_id,
            user=partner,
            granted_by_id=org.demo["po"].user_id,
            reason="MAPPA level 2: shared with the police offender manager",
            expires_on=expires,
        )
        for person_id in shared
    )
    can = _can(
        org, caseload=len(demo_cases), expires=expires, restricted=restricted_total, shared=len(shared)
    )
    logins = []
    for username in wanted:
        user = User.objects.select_related("staff__team").get(username=username)
        who = f"{user.staff.name} ({user.staff.get_grade_display()})" if user.staff else user.get_full_name()
        logins.append(DemoLogin(username, user.role, who, can[username]))
    return logins

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.demo.workload.generate import generate
from probation.workload.models import ContractedHours, Reduction

pytestmark = pytest.mark.django_db


def test_reductions_and_a_part_time_contract_for_the_demo_team_once():
    manager = UserFactory(username="spo", role="senior_po", staff=StaffFactory(grade="SPO"))
    officers = [StaffFactory(team=manager.staff.team, grade="PO", code=f"D{n}") for n in range(5)]

    result = generate(today=dt.date(2026, 12, 3), log=lambda _: None)
    again = generate(today=dt.date(2026, 12, 3), log=lambda _: None)

    assert (result.reductions, result.part_time) == (3, 1)
    assert (again.reductions, again.part_time) == (0, 0)
    assert Reduction.objects.get(staff=officers[0]).hours == Decimal("7.4")
    assert ContractedHours.objects.get().staff == officers[3]


def test_the_command_needs_the_demo_users():
    with pytest.raises(CommandError, match="generate_data --demo-users"):
        call_command("generate_workload")

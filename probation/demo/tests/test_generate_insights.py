import datetime as dt

import pytest
from django.core.management import CommandError, call_command

from probation.accounts.models import User
from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.demo.insights.generate import generate
from probation.insights.models import AggregationRun

pytestmark = pytest.mark.django_db


def test_the_area_role_logins_are_made_once_and_the_figures_run_each_time():
    manager = UserFactory(username="spo", role="senior_po", staff=StaffFactory(grade="SPO"))
    head = StaffFactory(team=manager.staff.team, grade="HPDU")
    UserFactory(username="hpdu1", role="head_of_pdu", staff=head)

    result = generate(today=dt.date(2026, 12, 3), log=lambda _: None)
    again = generate(today=dt.date(2026, 12, 3), log=lambda _: None)

    assert result.logins == ["head-pdu", "regional-lead"]
    assert again.logins == []
    assert User.objects.get(username="head-pdu").staff == head
    lead = User.objects.get(username="regional-lead")
    assert (lead.role, lead.staff.team) == ("regional_lead", manager.staff.team)
    assert lead.check_password("demo-password-1")
    assert AggregationRun.objects.count() == 1  # made afresh from the demo data each time


def test_the_command_needs_the_demo_users():
    with pytest.raises(CommandError, match="generate_data --demo-users"):
        call_command("generate_insights")

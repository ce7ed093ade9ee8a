import datetime as dt

import pytest
from django.core.management import CommandError, call_command

from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.contacts.models import Contact
from probation.contacts.times import london_datetime
from probation.demo.unpaid_work.generate import generate
from probation.people.tests.factories import PersonFactory
from probation.sentences.tests.factories import RequirementFactory, SentenceFactory
from probation.unpaid_work.models import Place, Project, Session

pytestmark = pytest.mark.django_db


def test_generated_sessions_move_onto_projects_with_supervisors_out_of_the_officers_diary_once():
    po = UserFactory(username="po", role="practitioner", staff=StaffFactory(grade="PO"))
    person = PersonFactory(officer=po.staff)
    requirement = RequirementFactory(sentence=SentenceFactory(event__person=person))
    for days, credited in ((-14, 420), (-7, 0), (7, 0)):  # minutes (ADR 0048)
        day = dt.date(2026, 12, 3) + dt.timedelta(days=days)
        Contact.objects.create(
            person=person,
            type="unpaid_work_session",
            is_appointment=True,
            starts_at=london_datetime(day, dt.time(9)),
            ends_at=london_datetime(day, dt.time(16)),
            officer=po.staff,
            sentence=requirement.sentence,
            requirement=requirement,
            outcome="ATTC" if credited else "",
            outcome_recorded_at=london_datetime(day, dt.time(17)) if credited else None,
            credited=credited,
            created_by=po,
        )

    result = generate(today=dt.date(2026, 12, 3), log=lambda _: None)
    again = generate(today=dt.date(2026, 12, 3), log=lambda _: None)

    assert (result.projects, result.sessions, result.moved) == (2, 3, 3)
    assert (again.projects, again.moved) == (0, 0)
    assert not Contact.objects.filter(officer=po.staff).exists()
    assert set(Contact.objects.values_list("on_project", flat=True)) == {True}
    assert Place.objects.get(credited_minutes=420).signed_in == dt.time(9)
    assert Session.objects.filter(project__pdu=person.pdu).count() == 3
    assert Project.objects.filter(pdu=person.pdu).count() == 2


def test_the_command_needs_the_demo_users():
    with pytest.raises(CommandError, match="generate_data --demo-users"):
        call_command("generate_unpaid_work")

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from probation.accounts.tests.factories import PDUFactory, StaffFactory
from probation.contacts.models import Contact
from probation.contacts.times import london_datetime
from probation.sentences.models import Requirement
from probation.unpaid_work.models import Allocation, Place, Project, ProjectDay, Session


class ProjectFactory(DjangoModelFactory):
    class Meta:
        model = Project

    pdu = factory.SubFactory(PDUFactory)
    code = factory.Sequence(lambda n: f"UPW{n:04d}")
    name = factory.Sequence(lambda n: f"Park clean-up {n}")
    project_type = "NP1"
    address = "Roundhay Park, Leeds"
    area = "Leeds LS8"
    starts_on = dt.date(2026, 1, 1)


class ProjectDayFactory(DjangoModelFactory):
    class Meta:
        model = ProjectDay

    project = factory.SubFactory(ProjectFactory)
    weekday = 5
    starts_at = dt.time(9)
    ends_at = dt.time(16)
    capacity = 10
    supervisor = factory.SubFactory(StaffFactory)


def session_on(day: ProjectDay, date: dt.date) -> Session:
    return Session.objects.create(day=day, project=day.project, date=date, supervisor=day.supervisor)


def place(session: Session, requirement: Requirement, *, by) -> Place:
    """Book ``requirement``'s person on ``session`` as allocation would (on the project, not the diary)."""
    day = session.day
    allocation = Allocation.objects.create(
        requirement=requirement, day=day, frequency="once", starts_on=session.date, created_by=by
    )
    contact = Contact.objects.create(
        person=requirement.sentence.person,
        type="unpaid_work_session",
        is_appointment=True,
        starts_at=london_datetime(session.date, day.starts_at),
        ends_at=london_datetime(session.date, day.ends_at),
        officer=day.supervisor,
        location=day.project.name,
        sentence=requirement.sentence,
        requirement=requirement,
        on_project=True,
        created_by=by,
    )
    return Place.objects.create(session=session, allocation=allocation, contact=contact)

import factory
from factory.django import DjangoModelFactory

from probation.accounts.models import PDU, Grade, Region, Role, Staff, Team, User


class RegionFactory(DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"R{n % 100:02d}")
    name = factory.Sequence(lambda n: f"Region {n % 100}")


class PDUFactory(DjangoModelFactory):
    class Meta:
        model = PDU

    code = factory.Sequence(lambda n: f"P{n:04d}")
    name = factory.Faker("city", locale="en_GB")
    region = factory.SubFactory(RegionFactory)


class TeamFactory(DjangoModelFactory):
    class Meta:
        model = Team

    code = factory.Sequence(lambda n: f"T{n:05d}")
    name = factory.Sequence(lambda n: f"Offender management team {n}")
    pdu = factory.SubFactory(PDUFactory)


class StaffFactory(DjangoModelFactory):
    class Meta:
        model = Staff

    code = factory.Sequence(lambda n: f"S{n:06d}")
    forename = factory.Faker("first_name", locale="en_GB")
    surname = factory.Faker("last_name", locale="en_GB")
    grade = Grade.PO
    team = factory.SubFactory(TeamFactory)


GRADE_FOR_ROLE = {
    Role.PRACTITIONER: Grade.PO,
    Role.SENIOR_PO: Grade.SPO,
    Role.CASE_ADMIN: Grade.CASE_ADMIN,
    Role.COURT_OFFICER: Grade.COURT_OFFICER,
    Role.VLO: Grade.VLO,
    Role.AP_STAFF: Grade.AP_STAFF,
}


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    role = Role.PRACTITIONER
    password = factory.django.Password("correct-horse-battery")
    staff = factory.LazyAttribute(
        lambda o: StaffFactory(grade=GRADE_FOR_ROLE[o.role]) if o.role in GRADE_FOR_ROLE else None
    )
    agency = factory.LazyAttribute(lambda o: "Police" if o.role == Role.PARTNER else "")

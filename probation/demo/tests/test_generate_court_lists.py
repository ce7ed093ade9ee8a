"""generate_court_lists: courts for the demo court officer's region and lists for the next sitting days,
imported and partly matched through the court services; running it again adds nothing."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from probation.court.models import Court, CourtList, Hearing, HearingCandidate
from probation.demo.court_lists.generate import generate, sitting_days

# generate_data drops and rebuilds indexes: the owner role's rights (ADR 0020).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_owner")]
TODAY = dt.date(
    2026, 12, 24
)  # Christmas Eve: Christmas Day and Boxing Day (Saturday; Monday 28th) are skipped


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker, database_owner):
    """Generated once for the module in a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("generate_data", people=300, seed=7, demo_users=True, stdout=StringIO())
        yield generate(seed=7, days=2, today=TODAY, log=lambda _: None)
        transaction.set_rollback(True)


def test_the_command_needs_a_court_officer():
    with pytest.raises(CommandError, match="No court officer"):
        call_command("generate_court_lists")


def test_sitting_days_are_working_days_after_today():
    assert sitting_days(TODAY, 3) == [dt.date(2026, 12, 29), dt.date(2026, 12, 30), dt.date(2026, 12, 31)]


def test_courts_and_lists_are_made_for_the_demo_officers_region(generated):
    assert generated.days == [dt.date(2026, 12, 29), dt.date(2026, 12, 30)]
    assert Court.objects.count() == generated.courts > 1
    assert set(Court.objects.values_list("kind", flat=True)) == {"magistrates", "crown"}
    # Two sessions a day at each magistrates' court, one at the Crown Court.
    assert CourtList.objects.count() == generated.lists == 2 * (2 * (generated.courts - 1) + 1)
    assert Hearing.objects.count() == generated.hearings > 0


def test_some_defendants_are_matched_by_pnc_and_confirmed_and_some_wait_for_the_officer(generated):
    assert Hearing.objects.filter(match_state="confirmed").count() == generated.confirmed > 0
    assert HearingCandidate.objects.filter(matched_on="name_dob", hearing__match_state="unconfirmed").exists()
    assert Hearing.objects.filter(match_state="unconfirmed", candidates__isnull=True).exists()


def test_running_it_again_adds_nothing(generated):
    hearings = Hearing.objects.count()

    again = generate(seed=7, days=2, today=TODAY, log=lambda _: None)

    assert (again.lists, again.hearings) == (0, 0)
    assert Hearing.objects.count() == hearings


def test_flushing_the_demo_data_clears_the_courts_and_their_lists_too(generated):
    from probation.demo.people.bulk import flush_generated_data

    flush_generated_data()

    assert (Court.objects.count(), CourtList.objects.count(), Hearing.objects.count()) == (0, 0, 0)

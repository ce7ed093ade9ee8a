"""generate_court_lists: courts for the demo court officer's region and lists for the next sitting days,
imported and partly matched through the court services; running it again adds nothing."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from probation.core.clock import today_uk
from probation.court.models import Court, CourtList, Hearing, HearingCandidate, Outcome, ResultStatus
from probation.demo.court_lists.generate import generate, past_sitting_days, sitting_days
from probation.demo.court_lists.reports import FORCED, REPORTS_PER_PERSON_A_YEAR
from probation.people.models import Person
from probation.reports.models import Report, ReportRequest, ReportStatus, ReportType, RequestStatus
from probation.sentences.models import Event

# generate_data drops and rebuilds indexes: the owner role's rights (ADR 0020).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_owner")]
CHRISTMAS_EVE = dt.date(2026, 12, 24)  # Christmas Day and Boxing Day (Saturday; Monday 28th) are skipped
# The generator's past days are resulted through the services, which refuse sentences in the future:
# the module generates around the real today.
TODAY = today_uk()


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker, database_owner):
    """Generated once for the module in a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("generate_data", people=300, seed=7, demo_users=True, stdout=StringIO())
        yield generate(seed=7, days=2, past_days=2, today=TODAY, log=lambda _: None)
        transaction.set_rollback(True)


def test_the_command_needs_a_court_officer():
    with pytest.raises(CommandError, match="No court officer"):
        call_command("generate_court_lists")


def test_sitting_days_are_working_days_after_today():
    assert sitting_days(CHRISTMAS_EVE, 3) == [
        dt.date(2026, 12, 29),
        dt.date(2026, 12, 30),
        dt.date(2026, 12, 31),
    ]


def test_past_sitting_days_are_the_working_days_before_today():
    assert past_sitting_days(dt.date(2026, 12, 29), 2) == [dt.date(2026, 12, 23), dt.date(2026, 12, 24)]


def test_every_pdu_has_a_magistrates_court_and_lists_are_made_for_the_demo_officers_region(generated):
    from probation.accounts.models import PDU, Region

    assert generated.days == sitting_days(TODAY, 2)
    assert generated.past_days == past_sitting_days(TODAY, 2)
    assert Court.objects.filter(kind="magistrates").count() == PDU.objects.count()
    assert Court.objects.filter(kind="crown").count() >= Region.objects.count()
    listed = Court.objects.filter(lists__isnull=False).distinct()
    crown = listed.filter(kind="crown").count()
    # Two sessions a day at each magistrates' court, one at a Crown Court; four sitting days.
    assert CourtList.objects.count() == generated.lists == 4 * (2 * (generated.list_courts - crown) + crown)
    assert Hearing.objects.count() == generated.hearings > 0


def test_hearings_already_heard_are_resulted_through_the_services(generated):
    past = Hearing.objects.filter(court_list__sitting_date__lt=TODAY, match_state="confirmed")
    resulted = past.filter(result_status=ResultStatus.RESULTED)
    assert resulted.count() == generated.resulted > 0
    sentenced = resulted.filter(outcome=Outcome.PROBATION_SENTENCE)
    assert sentenced.exists()
    assert Event.objects.filter(pk__in=sentenced.values("result_event")).count() == sentenced.count()
    assert ReportRequest.objects.filter(
        hearing__in=resulted.filter(outcome=Outcome.REPORT_REQUESTED)
    ).exists()
    assert not Hearing.objects.filter(court_list__sitting_date__gt=TODAY, result_status=ResultStatus.RESULTED)


def test_report_requests_and_reports_come_in_every_state_and_type_at_the_national_rate(generated):
    bulk = ReportRequest.objects.filter(hearing__isnull=True)
    assert bulk.count() == generated.reports.requests
    assert abs(bulk.count() - Person.objects.count() * REPORTS_PER_PERSON_A_YEAR) <= len(FORCED) + 5
    assert set(bulk.values_list("status", flat=True)) == set(RequestStatus.values)
    assert set(bulk.values_list("type_requested", flat=True)) == set(ReportType.values)
    assert set(Report.objects.values_list("status", flat=True)) == set(ReportStatus.values)
    assert Report.objects.count() == generated.reports.reports
    done = bulk.filter(status__in=[RequestStatus.COMPLETED, RequestStatus.CLOSED])
    assert not done.filter(completed_on__isnull=True).exists()
    assert not bulk.filter(status=RequestStatus.REQUESTED, author__isnull=False).exists()


def test_some_defendants_are_matched_by_pnc_and_confirmed_and_some_wait_for_the_officer(generated):
    assert Hearing.objects.filter(match_state="confirmed").count() == generated.confirmed > 0
    assert HearingCandidate.objects.filter(matched_on="name_dob", hearing__match_state="unconfirmed").exists()
    assert Hearing.objects.filter(match_state="unconfirmed", candidates__isnull=True).exists()


def test_running_it_again_adds_nothing(generated):
    hearings = Hearing.objects.count()

    requests = ReportRequest.objects.count()

    again = generate(seed=7, days=2, past_days=2, today=TODAY, log=lambda _: None)

    assert (again.lists, again.hearings, again.reports.requests) == (0, 0, 0)
    assert (Hearing.objects.count(), ReportRequest.objects.count()) == (hearings, requests)


def test_flushing_the_demo_data_clears_the_courts_and_their_lists_too(generated):
    from probation.demo.people.bulk import flush_generated_data

    flush_generated_data()

    assert (Court.objects.count(), CourtList.objects.count(), Hearing.objects.count()) == (0, 0, 0)
    assert (ReportRequest.objects.count(), Report.objects.count()) == (0, 0)

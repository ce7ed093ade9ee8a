"""What the officer sees: the tests page (list, trend, chart and its table, DRR schedule, alcohol
monitoring days), recording through the form, a presumptive result awaiting confirmation, the
laboratory result, the decision (on My work until made), bad input and stale forms."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.drug_testing.models import DrugTest
from probation.drug_testing.tests.factories import basis_key, confirm, drr_case, hours_ago, record
from probation.sentences.models import Requirement

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(officer_user):
    return drr_case(officer_user)


def _form(case, **fields):
    day = fields.pop("day", hours_ago())
    return {
        "submission_key": "0f8fad5b-d9cb-469f-a165-70867728950e",
        "basis": basis_key(case),
        "method": "instant_oral",
        "substances": ["cocaine", "heroin"],
        "taken_on_0": day.day,
        "taken_on_1": day.month,
        "taken_on_2": day.year,
        "taken_time": day.strftime("%H:%M"),
        "sample": "tested",
        "no_medication": "on",
        "result_cocaine": "non_negative",
        "result_heroin": "negative",
    } | fields


def test_the_tests_page_shows_tests_trend_chart_table_schedule_and_monitoring_days(
    client, officer_user, case
):
    record(officer_user, case)
    confirm(officer_user, record(officer_user, case, results={"cocaine": "non_negative"}))
    sentence = Requirement.objects.get(type="drug_rehabilitation").sentence
    start = dt.date.today() - dt.timedelta(days=9)
    Requirement.objects.create(
        sentence=sentence,
        type="alcohol_abstinence_monitoring",
        start_date=start,
        end_date=start + dt.timedelta(days=89),
    )
    client.force_login(officer_user)

    page = client.get(reverse("drug_testing:tests", args=[case.crn])).content.decode()

    assert "Confirmed positive" in page
    assert "Decision needed" in page
    assert "<svg" in page
    assert 'role="img"' in page
    assert "Tests by month" in page
    assert "DRR testing schedule" in page
    assert "<strong>10</strong> of 90 days monitored, 80 remaining" in page
    assert "Record a test" in page


def test_recording_a_positive_instant_test_shows_it_awaiting_confirmation(client, officer_user, case):
    client.force_login(officer_user)

    response = client.post(reverse("drug_testing:test-record", args=[case.crn]), _form(case), follow=True)

    page = response.content.decode()
    assert "Presumptive positive: awaiting confirmation" in page
    assert "Awaiting confirmation" in page
    assert "Record a decision" not in page
    assert DrugTest.objects.get().contact.outcome == "TUKN"


def test_posting_the_form_twice_records_one_test(client, officer_user, case):
    client.force_login(officer_user)
    url = reverse("drug_testing:test-record", args=[case.crn])

    first = client.post(url, _form(case))
    second = client.post(url, _form(case))

    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert DrugTest.objects.count() == 1


def test_bad_input_shows_every_error_and_records_nothing(client, officer_user, case):
    client.force_login(officer_user)
    tomorrow = hours_ago(-30)

    response = client.post(
        reverse("drug_testing:test-record", args=[case.crn]),
        _form(case, day=tomorrow, no_medication="", result_heroin="", result_cannabis="negative"),
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "The date and time taken must be in the past" in page
    assert "Record the medication declared, or that none was declared" in page
    assert "Cannabis was not tested for" in page
    assert not DrugTest.objects.exists()


def test_the_lab_confirms_then_the_officer_decides_and_my_work_clears(client, officer_user, case):
    test = record(officer_user, case, results={"cocaine": "non_negative"})
    client.force_login(officer_user)
    today = dt.date.today()
    lab = {
        "version": test.version,
        "lab_reference": "LAB-77",
        **{f"{name}_{i}": v for name in ("dispatched_on", "received_on", "result_on") for i, v in enumerate((today.day, today.month, today.year))},
        "confirmation_cocaine": "non_negative",
    }  # fmt: skip

    saved = client.post(reverse("drug_testing:test-lab-result", args=[case.crn, test.pk]), lab)
    test_page = client.get(reverse("drug_testing:test", args=[case.crn, test.pk])).content.decode()
    work_before = client.get(reverse("worklists:mine")).content.decode()
    decided = client.post(
        reverse("drug_testing:test-decide", args=[case.crn, test.pk]),
        {"version": test.version + 1, "decision": "treatment", "notes": "Refer to the drug service"},
    )
    work_after = client.get(reverse("worklists:mine")).content.decode()

    assert saved.status_code == 302
    assert "Confirmed positive" in test_page
    assert "Record a decision" in test_page
    assert "1 positive test awaiting your decision" in work_before
    assert decided.status_code == 302
    assert "No drug test decisions waiting." in work_after
    assert DrugTest.objects.get().decision == "treatment"


def test_a_stale_lab_form_is_told_it_changed_in_another_window(client, officer_user, case):
    test = record(officer_user, case, results={"cocaine": "non_negative"})
    confirm(officer_user, test)
    client.force_login(officer_user)

    response = client.post(
        reverse("drug_testing:test-lab-result", args=[case.crn, test.pk]),
        {"version": test.version, "confirmation_cocaine": "negative"},
    )

    assert response.status_code == 409
    assert "changed in another window" in response.content.decode()
    assert DrugTest.objects.get().state == "confirmed_positive"


@pytest.mark.parametrize("tests", [1, 6])
def test_the_tests_page_query_count_is_constant(
    client, officer_user, case, django_assert_max_num_queries, tests
):
    for _ in range(tests):
        record(officer_user, case, results={"cocaine": "non_negative"})
    client.force_login(officer_user)

    with django_assert_max_num_queries(16):
        response = client.get(reverse("drug_testing:tests", args=[case.crn]))

    assert response.content.decode().count("Presumptive positive") == tests

"""Items 5 and 6: ETE time credited up to the share of the order and refused beyond it with the reason;
the earned reduction on the requirement's progress (both sides of its commencement) and lost on an
unacceptable outcome; the court's extensions of the 12 months with history, used by the at-risk list."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from probation.contacts.models import Contact
from probation.core.clock import today_uk
from probation.core.errors import ServiceError
from probation.people.tests.factories import PersonFactory
from probation.rules.unpaid_work.incentive import IncentiveStatus
from probation.sentences.models import Requirement
from probation.sentences.tests.factories import RequirementFactory, SentenceFactory
from probation.unpaid_work.models import DeadlineExtension, EteCredit
from probation.unpaid_work.selectors.allocation import requirement_summary
from probation.unpaid_work.services.progress import EteRequest, ete_credit_record, extension_record
from probation.unpaid_work.services.sheets import SheetRow, session_sheet_save
from probation.unpaid_work.tests.factories import place

pytestmark = pytest.mark.django_db


def _order(officer, *, made: dt.date, ordered: int = 100, done: int = 0):
    person = PersonFactory(officer=officer)
    sentence = SentenceFactory(event__person=person, event__conviction_date=made)
    return RequirementFactory(sentence=sentence, ordered=ordered, done=done)


def _page(client, requirement):
    person = requirement.sentence.person
    return client.get(reverse("sentences:sentence-detail", args=[person.crn, requirement.sentence_id]))


def _ete(actor, requirement, minutes, when=None):
    return ete_credit_record(
        actor=actor,
        crn=requirement.sentence.person.crn,
        requirement_id=requirement.pk,
        request=EteRequest(date=when or today_uk(), minutes=minutes, activity="Functional Skills maths"),
    )


def _key(page: str) -> str:
    found = re.search(r'name="submission_key" value="([0-9a-f-]{36})"', page)
    assert found is not None
    return found[1]


def test_staff_credit_ete_hours_which_count_towards_the_order_and_show_on_its_progress(
    client, upw_staff, officer_user
):
    requirement = _order(officer_user.staff, made=today_uk() - dt.timedelta(days=60))
    url = reverse("unpaid_work:ete-create", args=[requirement.sentence.person.crn, requirement.pk])
    client.force_login(upw_staff)
    day = today_uk()
    data = {
        "date_0": day.day,
        "date_1": day.month,
        "date_2": day.year,
        "activity": "CSCS card course",
        "hours": "10",
        "minutes": "30",
        "submission_key": _key(client.get(url).content.decode()),
    }

    first = client.post(url, data)
    again = client.post(url, data)  # a double-click credits once

    assert first.status_code == 302
    assert again["Location"] == first["Location"]
    requirement.refresh_from_db()
    assert (requirement.done, requirement.done_part_minutes) == (10, 30)
    credit = EteCredit.objects.get()
    assert (credit.minutes, credit.contact.credited, credit.contact.on_project) == (630, 630, True)
    client.force_login(officer_user)
    page = _page(client, requirement).content.decode()
    assert "10h 30m credited of up to 30h; 19h 30m left" in page


def test_ete_beyond_the_share_is_refused_with_the_reason_and_nothing_changes(client, upw_staff, officer_user):
    requirement = _order(officer_user.staff, made=today_uk() - dt.timedelta(days=60))
    _ete(upw_staff, requirement, 25 * 60)

    with pytest.raises(
        ServiceError, match=r"ETE is capped at 30 % of the order \(1800 minutes\); 300 minutes"
    ):
        _ete(upw_staff, requirement, 6 * 60)

    requirement.refresh_from_db()
    assert (requirement.done, EteCredit.objects.count(), Contact.objects.count()) == (25, 1, 1)


def test_the_ete_form_shows_every_reason_at_once(client, upw_staff, officer_user):
    requirement = _order(officer_user.staff, made=today_uk() - dt.timedelta(days=60), ordered=40)
    url = reverse("unpaid_work:ete-create", args=[requirement.sentence.person.crn, requirement.pk])
    client.force_login(upw_staff)
    future = today_uk() + dt.timedelta(days=3)

    response = client.post(
        url,
        {
            "date_0": future.day,
            "date_1": future.month,
            "date_2": future.year,
            "activity": "Course",
            "hours": "20",
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "The date must be today or in the past" in page
    assert "ETE is capped at 30 % of the order (720 minutes)" in page
    assert not EteCredit.objects.exists()


def test_an_order_made_before_the_2026_ete_share_needs_an_ete_need(upw_staff, officer_user):
    requirement = _order(officer_user.staff, made=dt.date(2025, 12, 1))

    with pytest.raises(
        ServiceError, match="ETE hours need an assessed education, training or employment need"
    ):
        _ete(upw_staff, requirement, 60)


def test_earned_reduction_after_commencement_grows_then_is_lost_on_an_unacceptable_outcome(
    client, upw_staff, supervisor, session, officer_user
):
    requirement = _order(officer_user.staff, made=today_uk() - dt.timedelta(days=60), done=0)
    _ete(upw_staff, requirement, 30 * 60)  # 30 h of 100: 5 h past the 25 h threshold
    summary = requirement_summary(requirement=Requirement.objects.get(pk=requirement.pk))
    assert (summary.reduction.status, summary.reduction.discount) == (IncentiveStatus.QUALIFYING, 150)
    client.force_login(officer_user)
    assert "Qualifying: 2h 30m off now, 25h expected" in _page(client, requirement).content.decode()

    booked = place(session, requirement, by=supervisor)
    session_sheet_save(
        actor=supervisor,
        session_id=session.pk,
        expected_version=session.version,
        rows=[SheetRow(place_id=booked.pk, outcome="UAAB")],
    )

    summary = requirement_summary(requirement=Requirement.objects.get(pk=requirement.pk))
    assert summary.reduction.status is IncentiveStatus.DISQUALIFIED
    assert summary.reduction.projected == summary.reduction.discount
    assert "Disqualified: lost after an unacceptable outcome" in _page(client, requirement).content.decode()


def test_earned_reduction_before_commencement_does_not_apply(client, upw_staff, officer_user):
    requirement = _order(officer_user.staff, made=dt.date(2026, 3, 21), ordered=100)
    Requirement.objects.filter(pk=requirement.pk).update(done=60)

    summary = requirement_summary(requirement=Requirement.objects.get(pk=requirement.pk))

    assert (summary.reduction.status, summary.reduction.discount) == (IncentiveStatus.INELIGIBLE, 0)
    on_the_day = _order(officer_user.staff, made=dt.date(2026, 3, 22))
    assert requirement_summary(requirement=on_the_day).reduction.status is IncentiveStatus.ELIGIBLE


def _extend(actor, requirement, granted_on, new_deadline):
    return extension_record(
        actor=actor,
        crn=requirement.sentence.person.crn,
        requirement_id=requirement.pk,
        granted_on=granted_on,
        new_deadline=new_deadline,
        court="Leeds Magistrates' Court",
    )


def test_extensions_are_kept_as_history_and_the_latest_deadline_is_in_force(client, upw_staff, officer_user):
    made = today_uk() - dt.timedelta(days=400)
    requirement = _order(officer_user.staff, made=made, done=50)
    first = today_uk() + dt.timedelta(days=60)
    second = today_uk() + dt.timedelta(days=120)

    _extend(upw_staff, requirement, today_uk() - dt.timedelta(days=10), first)
    _extend(upw_staff, requirement, today_uk(), second)

    assert list(DeadlineExtension.objects.values_list("new_deadline", flat=True)) == [first, second]
    assert requirement_summary(requirement=requirement).deadline == second
    client.force_login(officer_user)
    page = _page(client, requirement).content.decode()
    assert "(extended by the court)" in page
    assert page.count("by Leeds Magistrates") == 2


def test_an_extension_that_does_not_extend_is_refused_with_every_reason(client, upw_staff, officer_user):
    made = today_uk() - dt.timedelta(days=60)
    requirement = _order(officer_user.staff, made=made)
    url = reverse("unpaid_work:extension-create", args=[requirement.sentence.person.crn, requirement.pk])
    client.force_login(upw_staff)
    early, future = made + dt.timedelta(days=100), today_uk() + dt.timedelta(days=5)

    response = client.post(
        url,
        {
            "granted_on_0": future.day,
            "granted_on_1": future.month,
            "granted_on_2": future.year,
            "new_deadline_0": early.day,
            "new_deadline_1": early.month,
            "new_deadline_2": early.year,
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "The date the court granted it must be today or in the past" in page
    assert "The new deadline must be after the current deadline" in page
    assert not DeadlineExtension.objects.exists()

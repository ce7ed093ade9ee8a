"""What users see: requesting a review, writing the PAROM1 (pre-fill, autosave, conflicts), signing,
the disclosable PDF (with planted sensitive material kept out), the hearing and governors' reports."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from probation.mappa.models import MappaMeeting
from probation.parole.models import GovernorReport, ParoleReview
from probation.parole.tests.factories import governor_report, lifer, parole_review
from probation.risk.models import RiskManagementPlan, RoshAssessment

pytestmark = pytest.mark.django_db


def _dates(prefix, day):
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def test_recording_a_request_shows_the_due_date_and_opens_the_report(client, case, officer_user):
    custody = lifer(case)
    client.force_login(officer_user)
    data = {"custody": custody.pk, "author": officer_user.pk, **_dates("target_on", dt.date(2027, 6, 1))}

    response = client.post(reverse("parole:review-request", args=[case.crn]), data, follow=True)
    again = client.post(reverse("parole:review-request", args=[case.crn]), data)

    ParoleReview.objects.get()
    assert again.status_code == 302
    page = response.content.decode()
    assert "28 January 2027" in page  # due: 8 weeks from the late request
    assert "Life sentence" in page  # pre-filled from the custody record


def test_a_request_with_every_field_wrong_shows_every_error(client, case, officer_user):
    lifer(case)
    client.force_login(officer_user)
    response = client.post(reverse("parole:review-request", args=[case.crn]), {"target_on_0": "40"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose the sentence under review" in page
    assert "Choose the report" in page
    assert not ParoleReview.objects.exists()


def test_a_person_without_a_parole_sentence_is_told_so(client, case, officer_user):
    client.force_login(officer_user)
    page = client.get(reverse("parole:review-request", args=[case.crn])).content.decode()
    assert "no sentence in custody that the Parole Board decides release for" in page


def test_autosave_saves_and_refuses_a_stale_version(client, case, officer_user):
    review = parole_review(case, author=officer_user)
    client.force_login(officer_user)
    url = reverse("parole:review-autosave", args=[case.crn, review.pk])

    saved = client.post(url, {"version": 1, "current_risk": "Typed words"}).json()
    stale = client.post(url, {"version": 1, "current_risk": "Other window"})

    assert saved["saved"] is True
    assert saved["version"] == 2
    assert stale.status_code == 409
    assert "changed in another window" in stale.json()["message"]
    assert ParoleReview.objects.get().current_risk == "Typed words"


def test_save_draft_shows_a_conflict(client, case, officer_user):
    review = parole_review(case, author=officer_user, version=3)
    client.force_login(officer_user)
    response = client.post(
        reverse("parole:review", args=[case.crn, review.pk]), {"version": 2, "current_risk": "x"}
    )
    assert response.status_code == 409
    assert "changed in another window" in response.content.decode()


def test_signing_refuses_without_the_vlo_date_then_signs(client, case, officer_user):
    review = parole_review(case, author=officer_user)
    client.force_login(officer_user)
    url = reverse("parole:review-sign", args=[case.crn, review.pk])
    refused = client.post(url, {"version": 1}).content.decode()
    assert "Enter the date the victim liaison officer was contacted for this hearing" in refused
    ParoleReview.objects.filter(pk=review.pk).update(
        vlo_contacted_on=dt.date(2026, 12, 2),
        recommendation="release",
        recommendation_reasons="Reasons",
        pom_view="agrees",
        risk_management_plan="Plan",
    )

    assert client.post(url, {"version": 1}).status_code == 302
    assert ParoleReview.objects.get().status == "signed"
    page = client.get(reverse("parole:review", args=[case.crn, review.pk])).content.decode()
    assert "cannot be changed" in page


def _pdf_text(response) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_the_disclosable_pdf_never_holds_victim_details_mappa_minutes_or_the_annex(
    client, case, officer_user
):
    """Planted: a victim's name and address (in RoSH evidence and the risk plan's victim safety
    planning, and in a victim record), MAPPA minutes and decisions, and the annex's own text."""
    from probation.victims.tests.factories import SchemeCaseFactory, VictimFactory

    VictimFactory(
        scheme_case=SchemeCaseFactory(person=case), forename="Plantedvictim", address="99 Secret Lane"
    )
    RoshAssessment.objects.create(
        person=case,
        assessed_on=dt.date(2026, 6, 1),
        assessor=officer_user.staff,
        assessed_by=officer_user,
        children_community="low",
        public_community="high",
        known_adult_community="very_high",
        staff_community="low",
        overall_level="very_high",
        nature_of_risk="Violence",
        who_is_at_risk="Plantedvictim at 99 Secret Lane",
    )
    RiskManagementPlan.objects.create(
        person=case,
        supervision="Weekly",
        monitoring_and_control="Curfew",
        interventions_and_treatment="Kaizen",
        victim_safety_planning="Plantedvictim lives at 99 Secret Lane",
        contingency_plan="Recall",
        next_review_on=dt.date(2027, 1, 1),
        created_by=officer_user,
    )
    MappaMeeting.objects.create(
        person=case,
        held_on=dt.date(2026, 10, 1),
        level="M2",
        chair="DI Smith",
        agencies=["police"],
        minutes="Plantedminutes intelligence",
        decisions="Planteddecision",
        next_review_on=dt.date(2027, 1, 1),
        recorded_by=officer_user,
    )
    custody = lifer(case)
    client.force_login(officer_user)
    client.post(
        reverse("parole:review-request", args=[case.crn]),
        {"custody": custody.pk, "author": officer_user.pk, **_dates("target_on", dt.date(2027, 6, 1))},
    )
    review = ParoleReview.objects.get()
    ParoleReview.objects.filter(pk=review.pk).update(
        annex="Plantedannex police intelligence", current_risk="Disclosable words"
    )

    response = client.get(reverse("parole:review-pdf", args=[case.crn, review.pk]))

    text = _pdf_text(response)
    assert response["Content-Type"] == "application/pdf"
    assert "Disclosable words" in text
    assert "Kaizen" in text  # the risk plan was pre-filled
    for planted in ("Plantedvictim", "Secret Lane", "Plantedminutes", "Planteddecision", "Plantedannex"):
        assert planted not in text


def test_the_hearing_and_decision_show_the_reconsideration_window(client, case, officer_user):
    review = parole_review(
        case,
        author=officer_user,
        status="signed",
        signed_by=officer_user,
        signed_at=dt.datetime(2026, 12, 2, 10, tzinfo=dt.UTC),
        vlo_contacted_on=dt.date(2026, 12, 2),
    )
    client.force_login(officer_user)
    data = {
        "version": 1,
        "hearing_type": "oral",
        "decision": "no_release",
        **_dates("hearing_on", dt.date(2026, 12, 2)),
        **_dates("decided_on", dt.date(2026, 12, 3)),
    }
    response = client.post(reverse("parole:review-hearing", args=[case.crn, review.pk]), data, follow=True)
    page = response.content.decode()
    assert "No release on 3 December 2026" in page
    assert "Until 24 December 2026 (open)" in page


def test_a_governor_report_for_hdc_is_refused_without_an_hdced(client, case, officer_user):
    custody = lifer(case)
    client.force_login(officer_user)
    data = {
        "custody": custody.pk,
        "kind": "hdc",
        "author": officer_user.pk,
        **_dates("requested_on", dt.date(2026, 12, 1)),
    }
    page = client.post(reverse("parole:governor-request", args=[case.crn]), data).content.decode()
    assert "Home detention curfew is not available for this sentence" in page
    assert not GovernorReport.objects.exists()


def test_a_governor_report_is_requested_written_and_sent(client, case, officer_user):
    custody = lifer(case)
    client.force_login(officer_user)
    data = {
        "custody": custody.pk,
        "kind": "rotl",
        "author": officer_user.pk,
        **_dates("requested_on", dt.date(2026, 12, 1)),
    }
    client.post(reverse("parole:governor-request", args=[case.crn]), data)
    report = GovernorReport.objects.get()
    assert report.due_on == dt.date(2026, 12, 15)
    url = reverse("parole:governor-report", args=[case.crn, report.pk])

    refused = client.post(url, {"version": 1, "send": "on"}).content.decode()
    assert "Enter the date the victim liaison officer was consulted" in refused
    assert "Give your view of the risk" in refused
    sent = client.post(
        url,
        {
            "version": 1,
            "send": "on",
            "risk_view": "Low in the community",
            "recommendation": "support",
            "reasons": "Progress",
            **_dates("vlo_consulted_on", dt.date(2026, 12, 2)),
        },
        follow=True,
    ).content.decode()

    assert "Sent to the governor" in sent
    assert GovernorReport.objects.get().status == "sent"


def test_the_case_page_lists_reviews_and_governor_reports(
    client, case, officer_user, django_assert_max_num_queries
):
    custody = lifer(case)
    parole_review(case, author=officer_user, custody=custody)
    governor_report(case, author=officer_user, custody=custody)
    client.force_login(officer_user)
    page = client.get(reverse("parole:case", args=[case.crn])).content.decode()
    assert "Review for 1 June 2027" in page
    assert "Release on temporary licence (ROTL)" in page

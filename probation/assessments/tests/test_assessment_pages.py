"""Assessment pages: the forms, the GOV.UK error summary, conflicts, locking and query counts."""

import re

import pytest
from django.db import connection
from django.urls import reverse

from probation.assessments.models import Assessment, AssessmentChange
from probation.assessments.tests.factories import AssessmentFactory, CompletedAssessmentFactory
from probation.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(case):
    return AssessmentFactory(person=case)


@pytest.fixture
def signed_in(client, officer_user):
    client.force_login(officer_user)
    return client


def _section(draft, key="accommodation"):
    return reverse("assessments:section", args=[draft.person.crn, draft.pk, key])


def test_section_page_asks_each_question_with_tiering_answers_and_unknown(signed_in, draft):
    page = signed_in.get(_section(draft, "drug_misuse")).content.decode()

    assert "Has the person ever injected drugs?" in page
    values = re.findall(
        r'name="ever_injected"\s+class="govuk-radios__input"\s+id="[^"]*"\s+value="([^"]*)"', page
    )
    assert values == ["never", "previously", "currently", "unknown"]
    labels = re.findall(r'for="id_ever_injected_\d">\s*([^<]*?)\s*<', page)
    assert labels == ["Never", "Previously", "Currently", "Unknown"]


def test_saving_a_section_returns_to_the_task_list(signed_in, draft):
    response = signed_in.post(_section(draft), {"suitability": "some", "version": "1"})

    assert response["Location"] == reverse("assessments:detail", args=[draft.person.crn, draft.pk])
    page = signed_in.get(response["Location"]).content.decode()
    assert "govuk-task-list" in page
    assert "In progress" in page


def test_a_bad_answer_shows_the_error_summary_and_writes_nothing(signed_in, draft):
    response = signed_in.post(_section(draft), {"suitability": "yes", "version": "1"})

    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert "Select an answer for: Suitability of accommodation" in response.content.decode()
    assert (Assessment.objects.get().version, AssessmentChange.objects.count()) == (1, 0)


def test_a_stale_save_answers_409_and_shows_what_changed(signed_in, draft, spo_user, client):
    signed_in.post(_section(draft), {"suitability": "significant", "version": "1"})

    response = signed_in.post(_section(draft), {"suitability": "none", "version": "1"})

    assert response.status_code == 409
    page = response.content.decode()
    assert "Your changes were not saved" in page
    assert "Accommodation: Suitability of accommodation" in page
    assert "Significant problems" in page


def test_completing_with_no_answers_shows_the_error_summary(signed_in, draft):
    response = signed_in.post(
        reverse("assessments:complete", args=[draft.person.crn, draft.pk]), {"version": "1"}
    )

    assert response.status_code == 200
    assert "Answer at least one question in a need section" in response.content.decode()
    assert Assessment.objects.get().status == "draft"


def test_check_answers_shows_severity_and_completing_locks(signed_in, case):
    draft = AssessmentFactory(person=case, answers={"attitudes": {"pro_criminal_attitudes": "significant"}})
    url = reverse("assessments:complete", args=[case.crn, draft.pk])

    assert "Standard need" in signed_in.get(url).content.decode()
    response = signed_in.post(url, {"version": "1"})

    detail = reverse("assessments:detail", args=[case.crn, draft.pk])
    assert response["Location"] == detail
    page = signed_in.get(detail).content.decode()
    assert "Standard need" in page
    assert "Section not assessed" in page
    assert signed_in.get(_section(draft))["Location"] == detail
    assert signed_in.post(_section(draft), {"suitability": "some", "version": "2"}).status_code == 200
    assert Assessment.objects.get().answers == {"attitudes": {"pro_criminal_attitudes": "significant"}}


def test_womens_factors_page_is_only_for_female_persons(signed_in, draft, officer_user):
    assert signed_in.get(_section(draft, "womens_factors")).status_code == 404
    female = AssessmentFactory(person=PersonFactory(officer=officer_user.staff, gender="F"))
    assert signed_in.get(_section(female, "womens_factors")).status_code == 200
    assert (
        "Women&#x27;s factors"
        in signed_in.get(reverse("assessments:detail", args=[female.person.crn, female.pk])).content.decode()
    )


def test_start_page_offers_to_copy_the_last_completed_assessment(signed_in, case):
    CompletedAssessmentFactory(person=case, answers={"accommodation": {"suitability": "some"}})
    url = reverse("assessments:start", args=[case.crn])

    assert "Start from the answers of the last completed assessment" in signed_in.get(url).content.decode()
    assert "Select how you want to start" in signed_in.post(url, {}).content.decode()
    response = signed_in.post(url, {"copy_latest": "yes"})

    started = Assessment.objects.drafts().get()
    assert response["Location"] == reverse("assessments:detail", args=[case.crn, started.pk])
    assert started.answers == {"accommodation": {"suitability": "some"}}
    assert signed_in.get(url)["Location"] == response["Location"]


def _page_queries() -> int:
    """Session, user, person, aliases, addresses, assessments, the audit (savepoint, chain head, entry,
    release), registrations: 11, plus PostgreSQL's advisory lock on the audit chain (ADR 0020)."""
    return 12 if connection.vendor == "postgresql" else 11


def test_list_page_query_count_does_not_grow_with_history(signed_in, case, django_assert_num_queries):
    url = reverse("assessments:list", args=[case.crn])
    CompletedAssessmentFactory(person=case)
    signed_in.get(url)
    with django_assert_num_queries(_page_queries()) as few:
        signed_in.get(url)
    CompletedAssessmentFactory.create_batch(5, person=case)
    AssessmentFactory(person=case)
    with django_assert_num_queries(len(few.captured_queries)):
        page = signed_in.get(url).content.decode()
    assert page.count("Completed</strong>") == 6
    assert "Continue the assessment in progress" in page


def test_detail_page_query_count(signed_in, case, django_assert_num_queries):
    done = CompletedAssessmentFactory(person=case, answers={"attitudes": {"pro_criminal_attitudes": "some"}})
    url = reverse("assessments:detail", args=[case.crn, done.pk])
    signed_in.get(url)
    with django_assert_num_queries(_page_queries()):
        signed_in.get(url)


@pytest.mark.parametrize(
    ("key", "names"),
    [
        ("thinking_behaviour", ["impulsivity", "temper_control"]),
        ("relationships", ["relationship_with_partner"]),
    ],
)
def test_section_page_asks_the_predictor_answers_of_a_man(signed_in, draft, key, names):
    page = signed_in.get(_section(draft, key)).content.decode()

    for name in names:
        values = re.findall(
            rf'name="{name}"\s+class="govuk-radios__input"\s+id="[^"]*"\s+value="([^"]*)"', page
        )
        assert values == ["none", "some", "significant", "unknown"]
    assert page.count("Used by the reoffending predictors. It does not change this section") == len(names)
    if key == "relationships":
        assert "Current relationship with partner" in page


def test_saving_predictor_answers_from_the_page_stores_them(signed_in, draft):
    response = signed_in.post(
        _section(draft, "thinking_behaviour"),
        {"impulsivity": "some", "temper_control": "significant", "version": "1"},
    )
    assert response.status_code == 302
    signed_in.post(_section(draft, "relationships"), {"relationship_with_partner": "none", "version": "2"})

    assert Assessment.objects.get().answers == {
        "thinking_behaviour": {"impulsivity": "some", "temper_control": "significant"},
        "relationships": {"relationship_with_partner": "none"},
    }
    check_answers = signed_in.get(reverse("assessments:complete", args=[draft.person.crn, draft.pk]))
    page = check_answers.content.decode()
    assert "Temper control" in page
    assert "Significant problems" in page
    assert "Current relationship with partner" in page


def test_completed_assessment_view_shows_the_predictor_answers(signed_in, case):
    done = CompletedAssessmentFactory(
        person=case,
        answers={
            "thinking_behaviour": {"impulsivity": "significant"},
            "relationships": {"relationship_with_partner": "some"},
        },
    )

    page = signed_in.get(reverse("assessments:detail", args=[case.crn, done.pk])).content.decode()

    assert re.search(r"Impulsivity</dt>\s*<dd[^>]*>Significant problems<", page)
    assert re.search(r"Current relationship with partner</dt>\s*<dd[^>]*>Some problems<", page)


def test_a_bad_predictor_answer_shows_the_error_summary(signed_in, draft):
    response = signed_in.post(
        _section(draft, "relationships"), {"relationship_with_partner": "yes", "version": "1"}
    )

    assert response.status_code == 200
    assert "Select an answer for: Current relationship with partner" in response.content.decode()
    assert (Assessment.objects.get().version, AssessmentChange.objects.count()) == (1, 0)

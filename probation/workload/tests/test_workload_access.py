"""Who may open the workload pages: officers their own workload; senior POs their team's, and only
they change reductions and hours. Anyone else, and any officer out of scope, gets the page a missing
officer gets; refused changes change nothing."""

import pytest
from django.urls import reverse

from probation.accounts.tests.factories import StaffFactory, TeamFactory, UserFactory
from probation.people.tests.access import assert_sent_to_sign_in, body
from probation.workload.models import ContractedHours, Reduction
from probation.workload.tests.helpers import reduce

pytestmark = pytest.mark.django_db
MATRIX_URLS = [
    "workload:mine",
    "workload:team",
    "workload:officer",
    "workload:reduction-create",
    "workload:reduction-end",
    "workload:hours",
]


def _urls(officer, reduction):
    code = officer.code
    return {
        "workload:team": reverse("workload:team"),
        "workload:officer": reverse("workload:officer", args=[code]),
        "workload:reduction-create": reverse("workload:reduction-create", args=[code]),
        "workload:reduction-end": reverse("workload:reduction-end", args=[code, reduction.pk]),
        "workload:hours": reverse("workload:hours", args=[code]),
    }


@pytest.fixture
def reduction(spo_user, officer_user):
    return reduce(officer_user.staff, "3", by=spo_user)


def test_anonymous_users_are_sent_to_sign_in(client, officer_user, reduction):
    for url in [reverse("workload:mine"), *_urls(officer_user.staff, reduction).values()]:
        assert_sent_to_sign_in(client.get(url))


def test_the_officers_senior_po_may_open_every_page(client, spo_user, officer_user, reduction):
    client.force_login(spo_user)
    got = {name: client.get(url).status_code for name, url in _urls(officer_user.staff, reduction).items()}
    assert set(got.values()) == {200}


@pytest.mark.parametrize(
    ("role", "grade"),
    [
        ("practitioner", "PO"),
        ("practitioner", "PSO"),
        ("case_admin", "CA"),
        ("court_officer", "CO"),
        ("vlo", "VLO"),
        ("ap_staff", "AP"),
        ("partner", None),
        ("system_admin", None),
    ],
)
def test_other_roles_see_none_of_a_colleagues_workload(client, team, officer_user, reduction, role, grade):
    staff = StaffFactory(team=team, grade=grade) if grade else None
    client.force_login(UserFactory(username=f"u-{role}-{grade}", role=role, staff=staff))
    missing = client.get(reverse("workload:officer", args=["NOSUCH"]))

    for url in _urls(officer_user.staff, reduction).values():
        response = client.get(url)
        assert response.status_code == 404
        assert body(response) == body(missing)


def test_another_teams_senior_po_gets_the_missing_page_and_changes_nothing(client, officer_user, reduction):
    other = UserFactory(
        username="other-spo", role="senior_po", staff=StaffFactory(team=TeamFactory(), grade="SPO")
    )
    client.force_login(other)
    missing = client.get(reverse("workload:officer", args=["NOSUCH"]))
    urls = _urls(officer_user.staff, reduction)

    for name in ("workload:officer", "workload:reduction-create", "workload:reduction-end", "workload:hours"):
        assert body(client.get(urls[name])) == body(missing), name
    client.post(urls["workload:hours"], {"hours": "20"})
    client.post(urls["workload:reduction-end"], {"ends_on_0": "1", "ends_on_1": "1", "ends_on_2": "2027"})
    client.post(
        urls["workload:reduction-create"],
        {"reason": "pqip", "hours": "5", "starts_on_0": "1", "starts_on_1": "1", "starts_on_2": "2027"},
    )

    assert not ContractedHours.objects.exists()
    assert list(Reduction.objects.values_list("pk", "ends_on")) == [(reduction.pk, None)]
    rows = client.get(urls["workload:team"]).context["rows"]
    assert officer_user.staff.name not in [row.name for row in rows]


def test_a_reduction_of_another_officer_is_not_found_under_this_one(
    client, spo_user, officer_user, reduction
):
    colleague = StaffFactory(team=officer_user.staff.team)
    client.force_login(spo_user)
    url = reverse("workload:reduction-end", args=[colleague.code, reduction.pk])
    assert client.get(url).status_code == 404


def test_an_officer_may_open_only_their_own_workload(client, officer_user, spo_user):
    client.force_login(officer_user)
    assert client.get(reverse("workload:mine"))["Location"] == reverse(
        "workload:officer", args=[officer_user.staff.code]
    )
    assert client.get(reverse("workload:officer", args=[officer_user.staff.code])).status_code == 200
    assert client.get(reverse("workload:officer", args=[spo_user.staff.code])).status_code == 404
    assert client.get(reverse("workload:team")).status_code == 404

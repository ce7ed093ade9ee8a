"""Who may open the local information pages: a head of PDU their own PDU and its teams; a regional
lead their region, its PDUs and teams; nobody else any (officers, senior POs, partners, system
administrators). Everything refused is the page a missing area gets, and is audited as a refusal.
Equality pages stop at PDUs."""

import pytest
from django.urls import reverse

from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.audit.models import AuditEvent
from probation.insights.services.aggregation import aggregate
from probation.insights.tests.areas import build_areas
from probation.insights.tests.world import AS_OF
from probation.people.tests.access import assert_sent_to_sign_in, body

pytestmark = pytest.mark.django_db
MATRIX_URLS = [
    "insights:index",
    "insights:area",
    "insights:topic",
    "insights:topic-csv",
    "insights:equality",
    "insights:team-workload",
]
AREAS = {
    "region RNE": ("region", "RNE"),
    "region ROT": ("region", "ROT"),
    "pdu PNE1": ("pdu", "PNE1"),
    "pdu PNE2": ("pdu", "PNE2"),
    "pdu POT": ("pdu", "POT"),
    "team TNE1": ("team", "TNE1"),
    "team TNE2": ("team", "TNE2"),
    "team TOT": ("team", "TOT"),
}


def _urls(level, code):
    urls = {
        "area": reverse("insights:area", args=[level, code]),
        "topic": reverse("insights:topic", args=[level, code, "needs"]),
        "csv": reverse("insights:topic-csv", args=[level, code, "needs"]),
    }
    if level == "team":
        urls["workload"] = reverse("insights:team-workload", args=[code])
    else:
        urls["equality"] = reverse("insights:equality", args=[level, code, "breach"])
    return urls


@pytest.fixture
def areas():
    found = build_areas()
    aggregate(as_of=AS_OF)
    return found


ALLOWED = {
    "head": {"pdu PNE1", "team TNE1"},
    "lead": {"region RNE", "pdu PNE1", "pdu PNE2", "team TNE1", "team TNE2"},
    "other_head": {"pdu PNE2", "team TNE2"},
    "other_lead": {"region ROT", "pdu POT", "team TOT"},
}


@pytest.mark.parametrize("who", list(ALLOWED))
def test_area_roles_open_their_own_area_and_nothing_else(client, areas, who):
    client.force_login(getattr(areas, who))
    missing = client.get(reverse("insights:area", args=["pdu", "NOSUCH"]))

    for name, (level, code) in AREAS.items():
        for page, url in _urls(level, code).items():
            response = client.get(url)
            if name in ALLOWED[who]:
                assert response.status_code == 200, (who, name, page)
            else:
                assert response.status_code == 404, (who, name, page)
                assert body(response) == body(missing), (who, name, page)


@pytest.mark.parametrize(
    ("role", "grade"),
    [
        ("practitioner", "PO"),
        ("senior_po", "SPO"),
        ("case_admin", "CA"),
        ("vlo", "VLO"),
        ("partner", None),
        ("system_admin", None),
    ],
)
def test_other_roles_open_no_area_page(client, areas, role, grade):
    staff = StaffFactory(team=areas.world.team, grade=grade) if grade else None
    client.force_login(UserFactory(username=f"u-{role}", role=role, staff=staff))
    missing = client.get(reverse("insights:area", args=["pdu", "NOSUCH"]))

    assert client.get(reverse("insights:index")).status_code == 404
    for level, code in AREAS.values():
        for url in _urls(level, code).values():
            response = client.get(url)
            assert response.status_code == 404
            assert body(response) == body(missing)


def test_a_head_of_pdu_without_a_staff_record_sees_nothing(client, areas):
    client.force_login(UserFactory(username="no-staff", role="head_of_pdu", staff=None))

    assert client.get(reverse("insights:index")).status_code == 404
    assert client.get(reverse("insights:area", args=["pdu", "PNE1"])).status_code == 404


def test_anonymous_users_are_sent_to_sign_in(client, areas):
    assert_sent_to_sign_in(client.get(reverse("insights:index")))
    for url in _urls("pdu", "PNE1").values():
        assert_sent_to_sign_in(client.get(url))


def test_equality_pages_are_not_kept_for_teams(client, areas):
    client.force_login(areas.lead)

    assert client.get(reverse("insights:equality", args=["team", "TNE1", "breach"])).status_code == 404
    assert (
        client.get(reverse("insights:equality", args=["pdu", "PNE1", "no-such-outcome"])).status_code == 404
    )


def test_the_index_opens_each_roles_own_area(client, areas):
    client.force_login(areas.head)
    assert client.get(reverse("insights:index"))["Location"] == reverse("insights:area", args=["pdu", "PNE1"])
    client.force_login(areas.lead)
    assert client.get(reverse("insights:index"))["Location"] == reverse(
        "insights:area", args=["region", "RNE"]
    )


def test_a_refusal_is_audited_and_a_download_is_audited_as_an_export(client, areas):
    client.force_login(areas.head)

    client.get(reverse("insights:topic-csv", args=["pdu", "PNE2", "needs"]))
    client.get(reverse("insights:topic-csv", args=["pdu", "PNE1", "needs"]))

    exports = AuditEvent.objects.filter(action="export", object_type="insights")
    assert [e.object_id for e in exports] == ["pdu:PNE1:needs"]
    refused = AuditEvent.objects.get(user=areas.head, action="refused")
    assert refused.detail["ids"] == {"level": "pdu", "code": "PNE2", "topic": "needs"}

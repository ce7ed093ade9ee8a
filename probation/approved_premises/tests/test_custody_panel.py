"""The approved-premises panel on the custody prisoner page: shown when the release plan needs a
referral, with the person's latest application and booking, a link to apply while none is under way,
and the ids it showed in the page's audit row."""

import pytest
from django.urls import reverse

from probation.approved_premises.models import Application
from probation.approved_premises.tests.helpers import complete_application, licence_case
from probation.audit.models import AuditEvent
from probation.custody.tests.factories import custody_record

pytestmark = pytest.mark.django_db


def _page(client, user, person):
    client.force_login(user)
    return client.get(reverse("custody:overview", args=[person.crn])).content.decode()


def test_a_prisoner_needing_a_place_gets_a_link_to_apply_then_the_applications_status(client, officer_user):
    person = licence_case(officer_user)
    custody_record(person, ap_referral_needed=True)
    apply = reverse("approved_premises:application-start", args=[person.crn])

    page = _page(client, officer_user, person)
    assert "there is no application yet" in page
    assert apply in page

    application = complete_application(officer_user, person)
    page = _page(client, officer_user, person)
    assert "Latest application" in page
    assert "In progress" in page
    assert apply not in page
    viewed = AuditEvent.objects.filter(crn=person.crn, action="view").order_by("-seq").first()
    assert viewed is not None
    assert viewed.detail.get("ap_applications") == [application.pk]


def test_no_panel_when_the_plan_needs_no_referral(client, officer_user):
    person = licence_case(officer_user)
    custody_record(person, ap_referral_needed=False)
    assert "Apply for an approved premises place" not in _page(client, officer_user, person)
    assert not Application.objects.exists()

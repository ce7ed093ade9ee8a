"""The commissioned-services demo data: providers, the provider sign-in, referrals in every state with
the demo PO's cases sent to the demo provider, and nothing added on a second run."""

import datetime as dt

import pytest

from probation.accounts.tests.factories import UserFactory
from probation.demo.referrals.generate import generate
from probation.people.tests.factories import PersonFactory
from probation.referrals.models import ActionPlan, Referral, ReferralSession
from probation.referrals.selectors.provider import provider_referrals
from probation.rules.referrals.progress import Status
from probation.sentences.tests.factories import RequirementFactory, SentenceFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 3)


def test_referrals_in_every_state_and_the_provider_sees_the_demo_pos(officer_user):
    officer_user.username = "po"
    officer_user.save()
    other = UserFactory(role="practitioner", staff__team=officer_user.staff.team)
    for officer in (officer_user, other):
        for _ in range(10):
            sentence = SentenceFactory(
                event__person=PersonFactory(officer=officer.staff), event__conviction_date=dt.date(2026, 6, 1)
            )
            RequirementFactory(sentence=sentence, type="rehabilitation_activity", ordered=20)

    result = generate(today=TODAY, log=lambda _: None)

    assert result.referrals >= 10
    assert set(Referral.objects.values_list("status", flat=True)) == {s.value for s in Status}
    from probation.accounts.models import User

    provider = User.objects.get(username="provider")
    assert provider_referrals(user=provider).count() >= 10
    assert ActionPlan.objects.exists()
    assert ReferralSession.objects.exists()
    assert generate(today=TODAY, log=lambda _: None).referrals == 0

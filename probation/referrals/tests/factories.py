"""Providers, provider staff and referrals in each state, for the referrals tests."""

import datetime as dt
import uuid
from typing import cast

import factory
from factory.django import DjangoModelFactory

from probation.accounts.models import Role, User
from probation.accounts.tests.factories import UserFactory
from probation.core.clock import now, today_uk
from probation.people.tests.factories import PersonFactory
from probation.referrals.models import ActionPlan, Provider, ProviderStaff, Referral, ReferralCategory
from probation.sentences.tests.factories import RequirementFactory, SentenceFactory


class ProviderFactory(DjangoModelFactory):
    class Meta:
        model = Provider

    name = factory.Sequence(lambda n: f"Housing Partners {n}")
    region = factory.SubFactory("probation.accounts.tests.factories.RegionFactory")
    contract_type = "ACC"


def provider_user(provider: Provider, **fields: object):
    user = cast(User, UserFactory(role=Role.PROVIDER, staff=None, **fields))
    ProviderStaff.objects.create(user=user, provider=provider)
    return user


def rar_requirement(officer, *, ordered: int = 20, done: int = 0):
    person = PersonFactory(officer=officer)
    sentence = SentenceFactory(
        event__person=person, event__conviction_date=today_uk() - dt.timedelta(days=90)
    )
    return RequirementFactory(sentence=sentence, type="rehabilitation_activity", ordered=ordered, done=done)


def referral(requirement, provider: Provider, *, by, status: str = "sent", maximum_days: int = 5, **fields):
    sent_on = fields.pop("sent_on", today_uk() - dt.timedelta(days=20))
    made = Referral.objects.create(
        person=requirement.sentence.person,
        sentence=requirement.sentence,
        requirement=requirement,
        provider=provider,
        contract_type=provider.contract_type,
        catalogue_key="crs_catalogue",
        practitioner=by,
        form_token=uuid.uuid4().hex,
        sent_at=now() - dt.timedelta(days=20),
        sent_on=sent_on,
        maximum_days=maximum_days,
        complete_by=today_uk() + dt.timedelta(days=90),
        risk_information="Low risk to staff; meet in the office.",
        status=status,
        assessed_on=sent_on + dt.timedelta(days=3) if status != "sent" else None,
        **fields,
    )
    ReferralCategory.objects.create(
        referral=made,
        category="accommodation",
        complexity="medium",
        outcomes=["accommodation_1", "accommodation_2"],
    )
    if status in ("plan_submitted", "in_progress"):
        ActionPlan.objects.create(
            referral=made,
            number=1,
            activities="Weekly housing support sessions",
            sessions_planned=6,
            submitted_by=by,
            submitted_at=now(),
            submitted_on=today_uk(),
            approved_by=by if status == "in_progress" else None,
            approved_at=now() if status == "in_progress" else None,
        )
    return made

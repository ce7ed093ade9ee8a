"""A high-RoSH licence case and the steps of an application, shared by the app's tests."""

import datetime as dt
from typing import Any

from probation.approved_premises.models import Application
from probation.approved_premises.services.applications import (
    application_save_draft,
    application_start,
    application_submit,
)
from probation.core.clock import today_uk
from probation.people.tests.factories import PersonFactory
from probation.risk.models import RoshAssessment
from probation.sentences.tests.factories import EventOffenceFactory, LicenceFactory


def licence_case(officer_user: Any, *, tier: str = "B2", rosh: str = "high", **kw: Any) -> Any:
    """A person on licence with a high RoSH assessment, managed by ``officer_user``."""
    person: Any = PersonFactory(officer=officer_user.staff, tier=tier, rosh_level=rosh, **kw)
    licence: Any = LicenceFactory(sentence__event__person=person, sentence__person=person)
    EventOffenceFactory(event=licence.sentence.event, description="Wounding with intent", ho_code="00501")
    RoshAssessment.objects.create(
        person=person,
        assessed_on=dt.date(2026, 5, 1),
        assessor=officer_user.staff,
        assessed_by=officer_user,
        children_community="low",
        public_community=rosh,
        known_adult_community="medium",
        staff_community="low",
        overall_level=rosh,
        nature_of_risk="Serious violence when intoxicated",
        who_is_at_risk="Former partner",
    )
    return person


COMPLETE = {
    "ap_type": "standard",
    "legal_basis": "standard_determinate",
    "release_type": "licence",
    "purposes": ["public_protection"],
    "move_on_plan": "Supported housing in the home area",
    "declaration": True,
}


def complete_application(
    officer_user: Any, person: Any, *, days_to_arrival: int = 60, **answers: Any
) -> Application:
    application = application_start(actor=officer_user, person=person)
    data = COMPLETE | {"arrival_on": today_uk() + dt.timedelta(days=days_to_arrival)} | answers
    return application_save_draft(
        actor=officer_user, application_id=application.pk, expected_version=application.version, data=data
    ).application


def submitted_application(officer_user: Any, person: Any, **kw: Any) -> Application:
    application = complete_application(officer_user, person, **kw)
    return application_submit(
        actor=officer_user, application_id=application.pk, expected_version=application.version
    )

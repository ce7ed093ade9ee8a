"""A small world for the aggregation tests: one region with two PDUs, a team in each, and cases with
sentences, appointments, breaches, recalls, assessments and equality information."""

import datetime as dt
from dataclasses import dataclass

from probation.accounts.models import PDU, Region, Team
from probation.accounts.tests.factories import (
    PDUFactory,
    RegionFactory,
    StaffFactory,
    TeamFactory,
    UserFactory,
)
from probation.assessments.tests.factories import CompletedAssessmentFactory
from probation.contacts.tests.factories import ContactFactory
from probation.enforcement.models import Breach, Recall
from probation.people.tests.factories import PersonFactory
from probation.sentences.tests.factories import (
    EventOffenceFactory,
    LicenceFactory,
    RequirementFactory,
    SentenceFactory,
)

AS_OF = dt.date(2026, 12, 3)
MAY = dt.datetime(2026, 5, 12, 10, 0, tzinfo=dt.UTC)


@dataclass
class World:
    region: Region
    pdu: PDU
    other_pdu: PDU
    team: Team
    other_team: Team


def build_world():
    region = RegionFactory(code="RNE", name="North East")
    pdu = PDUFactory(code="PNE1", name="Tyneside", region=region)
    other_pdu = PDUFactory(code="PNE2", name="Durham", region=region)
    return World(
        region, pdu, other_pdu, TeamFactory(code="TNE1", pdu=pdu), TeamFactory(code="TNE2", pdu=other_pdu)
    )


def case(team, *, tier="B2", sentence_date=dt.date(2026, 3, 2), **person):
    officer = StaffFactory(team=team)
    who = PersonFactory(officer=officer, tier=tier, **person)
    sentence = SentenceFactory(event__person=who, event__conviction_date=sentence_date)
    EventOffenceFactory(event=sentence.event, ho_code="10400")  # assault: violence against the person
    return sentence


def attend(sentence, outcome, when=MAY):
    ContactFactory(sentence=sentence, outcome=outcome, starts_at=when)


def breach(sentence, *, on, status="initiated", ended_on=None):
    return Breach.objects.create(
        sentence=sentence,
        person=sentence.person,
        status=status,
        initiated_on=on,
        initiated_by=UserFactory(),
        ended_on=ended_on,
    )


def licence_case(team, *, recalled_on=None, further_offence=False, **person):
    who = PersonFactory(officer=StaffFactory(team=team), **person)
    licence = LicenceFactory(sentence__event__person=who)
    if recalled_on:
        Recall.objects.create(
            sentence=licence.sentence,
            licence=licence,
            person=who,
            status="recall_decided",
            started_by=UserFactory(),
            started_on=recalled_on,
            decision="recall",
            recall_type="standard",
            decided_on=recalled_on,
            charged_with_new_offence=further_offence,
        )
    return licence


def with_unpaid_work(sentence):
    RequirementFactory(sentence=sentence)


def assessed(person, answers, completed=MAY):
    CompletedAssessmentFactory(person=person, answers=answers, started_at=completed, completed_at=completed)

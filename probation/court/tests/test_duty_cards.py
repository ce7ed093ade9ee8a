"""``{% duty_card %}`` renders exactly what the court duty page's card template rendered before it
(issue 11 performance: the cards are built in Python), for every kind of card."""

import datetime as dt

import pytest
from django.template import Context, Template

from probation.accounts.models import User
from probation.court.models import Hearing, Outcome, PreparationStatus, ResultStatus
from probation.court.presenters.duty import NOT_MATCHED, PREPARATION_TAGS, DutyCard, OrderLine
from probation.court.templatetags.duty_cards import duty_card
from probation.risk.presenters.tags import Tag

# The loop body of court/duty.html as it was, the reference for the markup (with the previous reports
# listed, as the page now does, where it said "No previous reports" for everyone).
REFERENCE = Template(
    "{% load components govuk %}"
    + """
<div class="govuk-summary-card" id="hearing-{{ card.hearing.pk }}">
  <div class="govuk-summary-card__title-wrapper">
    <h2 class="govuk-summary-card__title">{% if card.hearing.hearing_time %}{{ card.hearing.hearing_time|time:"H:i" }} {% endif %}{{ card.session }}{% if card.hearing.room %}, room {{ card.hearing.room }}{% endif %}, listing {{ card.hearing.listing_number }}: {{ card.hearing.defendant_name }}</h2>
    {% if can_prepare %}
    <ul class="govuk-summary-card__actions">
      <li class="govuk-summary-card__action"><a class="govuk-link" href="{% url 'court:hearing-preparation' card.hearing.pk %}">Change preparation<span class="govuk-visually-hidden"> for listing {{ card.hearing.listing_number }}</span></a></li>
      {% if card.on_record %}<li class="govuk-summary-card__action"><a class="govuk-link" href="{% url 'reports:request-create' card.crn %}?hearing={{ card.hearing.pk }}">Request a report<span class="govuk-visually-hidden"> for listing {{ card.hearing.listing_number }}</span></a></li>{% endif %}
      {% if can_result %}<li class="govuk-summary-card__action"><a class="govuk-link" href="{% url 'court:hearing-result' card.hearing.pk %}">Result<span class="govuk-visually-hidden"> listing {{ card.hearing.listing_number }}</span></a></li>{% endif %}
    </ul>
    {% endif %}
  </div>
  <div class="govuk-summary-card__content">
    {% summary_list %}
      {% summary_row no_actions=True %}{% summary_key %}Probation status{% endsummary_key %}{% summary_value %}{% status_tag card.tag.label card.tag.colour %}{% if card.crn %}<br>{% if card.on_record %}<a class="govuk-link" href="{% url 'people:case-overview' card.crn %}">{{ card.crn }}</a>{% else %}{{ card.crn }}{% endif %}{% endif %}{% if card.restricted_message %}<br>{{ card.restricted_message }}{% endif %}{% endsummary_value %}{% endsummary_row %}
      {% if card.on_record %}
      {% summary_row no_actions=True %}{% summary_key %}Responsible officer{% endsummary_key %}{% summary_value %}{{ card.officer|default:"Not allocated" }}{% endsummary_value %}{% endsummary_row %}
      {% summary_row no_actions=True %}{% summary_key %}Current orders{% endsummary_key %}{% summary_value %}{% if card.orders %}<ul class="govuk-list">{% for order in card.orders %}<li>{{ order.label }} of {{ order.sentence_date|govuk_date }}{% if order.compliance %}: {% if order.red %}<strong class="govuk-!-font-weight-bold">{{ order.compliance }}</strong>{% else %}{{ order.compliance }}{% endif %}{% endif %}</li>{% endfor %}</ul>{% else %}None{% endif %}{% endsummary_value %}{% endsummary_row %}
      {% summary_row no_actions=True %}{% summary_key %}RoSH{% endsummary_key %}{% summary_value %}{% if card.rosh %}{% status_tag card.rosh.label card.rosh.colour %}{% else %}Not assessed{% endif %}{% endsummary_value %}{% endsummary_row %}
      {% summary_row no_actions=True %}{% summary_key %}Risk flags{% endsummary_key %}{% summary_value %}{% for flag in card.flags %}{% status_tag flag.label flag.colour %} {% empty %}None{% endfor %}{% endsummary_value %}{% endsummary_row %}
      {% summary_row no_actions=True %}{% summary_key %}Previous reports{% endsummary_key %}{% summary_value %}{% if card.previous_reports %}<ul class="govuk-list">{% for line in card.previous_reports %}<li>{{ line }}</li>{% endfor %}</ul>{% else %}No previous reports{% endif %}{% endsummary_value %}{% endsummary_row %}
      {% endif %}
      {% summary_row no_actions=True %}{% summary_key %}Offences{% endsummary_key %}{% summary_value %}<ul class="govuk-list">{% for offence in card.hearing.offences %}<li>{{ offence.code }}: {{ offence.wording }}</li>{% endfor %}</ul>{% endsummary_value %}{% endsummary_row %}
      {% summary_row no_actions=True %}{% summary_key %}Plea{% endsummary_key %}{% summary_value %}{{ card.hearing.get_plea_display }}{% endsummary_value %}{% endsummary_row %}
      {% summary_row no_actions=True %}{% summary_key %}Preparation{% endsummary_key %}{% summary_value %}{% status_tag card.preparation.label card.preparation.colour %}{% if card.hearing.preparation_notes %}<p class="govuk-body">{{ card.hearing.preparation_notes|linebreaksbr }}</p>{% endif %}{% endsummary_value %}{% endsummary_row %}
      {% summary_row no_actions=True %}{% summary_key %}Result{% endsummary_key %}{% summary_value %}{{ card.hearing.get_result_status_display }}{% if card.hearing.outcome %}: {{ card.hearing.get_outcome_display }}{% endif %}{% if card.hearing.result_assigned_to %}<br>Assigned to {{ card.hearing.result_assigned_to }}{% endif %}{% endsummary_value %}{% endsummary_row %}
    {% endsummary_list %}
  </div>
</div>
"""
)


def _hearing(pk: int, **fields: object) -> Hearing:
    return Hearing(pk=pk, listing_number=pk, forenames="Seán <i>", surname="O'Connor & Co", **fields)


def _cards() -> list[DutyCard]:
    assignee = User(username="court2", first_name="Ann", last_name="Lee <b>")
    return [
        DutyCard(hearing=_hearing(1), session="Morning", tag=NOT_MATCHED),
        DutyCard(
            hearing=_hearing(
                2,
                room="1 & 2",
                hearing_time=dt.time(9, 5),
                offences=[{"code": "TH68010", "wording": 'Stole <a> "bike" & ran'}],
                plea="guilty",
                preparation_status="in_progress",
                preparation_notes="Line one <x>\nLine two & three\n\nNew paragraph",
                result_status=ResultStatus.RESULTED,
                outcome=Outcome.REPORT_REQUESTED,
                result_assigned_to=assignee,
            ),
            session="Afternoon",
            tag=Tag("Current", "green"),
            crn="A000002",
            officer="Smith, Jo <officer>",
            rosh=Tag("High", "red"),
            flags=[
                Tag("MAPPA level 2", "purple"),
                Tag("Domestic <abuse>", "red"),
                Tag("Plain", ""),
                Tag("Full", "govuk-tag--orange"),
                Tag("Whole", "govuk-tag govuk-tag--pink"),
            ],
            orders=[
                OrderLine("Community order", dt.date(2026, 1, 5), "2 failures to comply <warn>", True),
                OrderLine("Suspended sentence order", dt.date(2025, 3, 1), "Compliant", False),
                OrderLine("Licence", dt.date(2024, 6, 30), "", False),
            ],
            on_record=True,
            previous_reports=["Short format, completed 3 March 2026 (Leeds <Magistrates’> Court)", "Oral"],
            preparation=PREPARATION_TAGS[PreparationStatus.IN_PROGRESS],
        ),
        DutyCard(
            hearing=_hearing(3, result_status=ResultStatus.IN_PROGRESS),
            session="All day",
            tag=Tag("Restricted", "grey"),
            crn="A000003",
            restricted_message="You are excluded <from> this case & more",
        ),
        DutyCard(
            hearing=_hearing(4, offences=[{"code": "A", "wording": ""}, {"code": "B", "wording": "x"}]),
            session="Morning",
            tag=Tag("Previously known", "blue"),
            crn="A000004",
            on_record=True,
        ),
    ]


@pytest.mark.parametrize(("can_prepare", "can_result"), [(True, True), (True, False), (False, False)])
@pytest.mark.parametrize("index", range(4))
def test_duty_card_renders_exactly_what_the_template_rendered(index, can_prepare, can_result):
    card = _cards()[index]
    context = {"card": card, "can_prepare": can_prepare, "can_result": can_result}
    assert str(duty_card(card, can_prepare, can_result)) == REFERENCE.render(Context(context))

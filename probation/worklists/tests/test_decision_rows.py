"""``{% decision_rows %}`` renders exactly what the included template it replaced rendered (issue 10
performance: the decisions page's rows are built in Python), for every kind of row."""

import datetime as dt

import pytest
from django.template import Context, Template

from probation.worklists.decisions.presenters import EMERGENCY, DecisionRow, DecisionSection
from probation.worklists.presenters import OVERDUE
from probation.worklists.templatetags.decision_rows import decision_rows

# worklists/_decision_rows.html as it was, the reference for the markup.
TEMPLATE = Template(
    """{% if section.rows %}
<ul class="govuk-list">
{% for row in section.rows %}
  <li class="govuk-!-margin-bottom-4">
  {% if row.restricted %}
    <p class="govuk-body govuk-!-margin-bottom-1">{% status_tag "Restricted" "grey" %} {{ row.crn }}</p>
    {% if row.message %}<p class="govuk-body-s govuk-!-margin-bottom-0">{{ row.message }}</p>{% endif %}
  {% else %}
    <h3 class="govuk-heading-s govuk-!-margin-bottom-1"><a class="govuk-link" href="{{ row.action_url }}">{{ row.action_text }}<span class="govuk-visually-hidden"> for {{ row.name }} ({{ row.crn }})</span></a></h3>
    <p class="govuk-body govuk-!-margin-bottom-1"><a class="govuk-link" href="{{ row.case_url }}">{{ row.name }}</a> ({{ row.crn }}){% if row.tag %} {% status_tag row.tag.label row.tag.css_class %}{% endif %}</p>
    <p class="govuk-body-s govuk-!-margin-bottom-0">{{ row.what }}{% if row.team %}. Team: {{ row.team }}{% endif %}</p>
    <p class="govuk-body-s govuk-!-margin-bottom-0">{{ section.date_heading }}: {{ row.on|govuk_date|default:"not recorded" }}{% if row.waiting_days is not None %} ({{ row.waiting_days }} day{{ row.waiting_days|pluralize }}){% endif %}</p>
    {% if row.extra_url %}<p class="govuk-body-s govuk-!-margin-bottom-0"><a class="govuk-link" href="{{ row.extra_url }}">{{ row.extra_text }}<span class="govuk-visually-hidden"> for {{ row.name }} ({{ row.crn }})</span></a></p>{% endif %}
  {% endif %}
  </li>
{% endfor %}
</ul>
{% else %}
<p class="govuk-body">Nothing waiting.</p>
{% endif %}
"""
)

ROWS = [
    DecisionRow(crn="", restricted=True),
    DecisionRow(crn="A000001", restricted=True, message="You can't see this <case> & why"),
    DecisionRow(
        crn="A000002",
        restricted=False,
        name="O'CONNOR, Seán <b>",
        case_url="/cases/A000002/",
        what="Officer recommends: revoke & recall",
        on=dt.date(2026, 1, 5),
        tag=EMERGENCY,
        action_url="/cases/A000002/recalls/3/decide?x=1&y=2",
        action_text="Decide on the recall",
        extra_url="/cases/A000002/pack.pdf",
        extra_text="Read the breach pack (PDF)",
        team='Team "A"',
        waiting_days=1,
    ),
    DecisionRow(crn="A000003", restricted=False, name="SMITH, Jo", case_url="/c/", what="New case", on=None),
    DecisionRow(
        crn="A000004",
        restricted=False,
        name="LEE, Al",
        what="x",
        on=dt.date(2026, 12, 1),
        tag=OVERDUE,
        waiting_days=0,
    ),
    DecisionRow(crn="A000005", restricted=False, name="LEE, Bo", what="y", waiting_days=12),
]


@pytest.mark.parametrize("rows", [[], ROWS[:1], ROWS[1:2], ROWS[2:3], ROWS, ROWS[::-1]])
@pytest.mark.parametrize("heading", ["Since", "Review <was> due"])
def test_same_markup_as_the_template(rows: list[DecisionRow], heading: str) -> None:
    section = DecisionSection("recalls", "Recalls", heading, len(rows), rows)

    assert decision_rows(section) == TEMPLATE.render(Context({"section": section}))

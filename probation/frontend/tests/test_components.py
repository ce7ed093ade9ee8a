"""Each component renders the GOV.UK markup (compared with whitespace between elements removed)."""

import datetime as dt
import re
from types import SimpleNamespace

from django.template import Context, Template

CHANGED_AT = dt.datetime(2026, 1, 5, 14, 15, tzinfo=dt.UTC)


def _render(source: str, **context: object) -> str:
    html = Template(source).render(Context(context))
    return re.sub(r">\s+<", "><", html.strip())


def test_a_table_has_its_caption_head_and_rows():
    html = _render(
        '{% table caption="Events" caption_size="m" %}{% table_head "Event" "Hours" numeric="Hours" %}'
        "{% tbody %}{% for e in events %}{% row %}{% cell header=True %}{{ e.0 }}{% endcell %}"
        "{% cell numeric=True %}{{ e.1 }}{% endcell %}{% endrow %}{% endfor %}{% endtbody %}{% endtable %}",
        events=[("Theft", 40), ("<Burglary>", 8)],
    )

    assert html == (
        '<table class="govuk-table app-table--stacked">'
        '<caption class="govuk-table__caption govuk-table__caption--m">Events</caption>'
        '<thead class="govuk-table__head"><tr class="govuk-table__row">'
        '<th scope="col" class="govuk-table__header">Event</th>'
        '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Hours</th></tr></thead>'
        '<tbody class="govuk-table__body">'
        '<tr class="govuk-table__row"><th scope="row" class="govuk-table__header" data-label="Event">Theft</th>'
        '<td class="govuk-table__cell govuk-table__cell--numeric" data-label="Hours">40</td></tr>'
        '<tr class="govuk-table__row"><th scope="row" class="govuk-table__header" data-label="Event">&lt;Burglary&gt;</th>'
        '<td class="govuk-table__cell govuk-table__cell--numeric" data-label="Hours">8</td></tr></tbody></table>'
    )


def test_on_a_phone_each_cell_is_labelled_with_its_column_heading():
    html = _render(
        "{% table %}{% thead %}{% row %}{% header_cell %}Name &amp; CRN{% endheader_cell %}"
        '{% header_cell %}Due{% endheader_cell %}{% header_cell %}<span class="govuk-visually-hidden">Link</span>'
        "{% endheader_cell %}{% endrow %}{% endthead %}"
        '{% tbody %}{% row %}{% cell %}A "B"{% endcell %}{% cell %}Today{% endcell %}{% cell %}<a href="/">Open</a>'
        '{% endcell %}{% endrow %}{% row %}{% cell colspan="3" %}Nothing else{% endcell %}{% endrow %}'
        "{% endtbody %}{% endtable %}"
    )

    assert '<td class="govuk-table__cell" data-label="Name &amp; CRN">A "B"</td>' in html
    assert '<td class="govuk-table__cell" data-label="Due">Today</td>' in html
    assert '<td class="govuk-table__cell"><a href="/">Open</a></td>' in html  # a heading only heard
    assert '<td class="govuk-table__cell" colspan="3">Nothing else</td>' in html


def test_a_table_can_keep_its_columns_on_a_phone():
    html = _render(
        "{% table stacked=False %}{% thead %}{% row %}{% header_cell %}Name{% endheader_cell %}{% endrow %}"
        "{% endthead %}{% tbody %}{% row %}{% cell %}A{% endcell %}{% endrow %}{% endtbody %}{% endtable %}"
    )

    assert html.startswith('<table class="govuk-table">')
    assert "data-label" not in html


def test_a_sortable_header_cell_carries_aria_sort():
    html = _render('{% header_cell aria_sort="ascending" %}<a href="?sort=name">Name</a>{% endheader_cell %}')

    assert (
        html
        == '<th scope="col" class="govuk-table__header" aria-sort="ascending"><a href="?sort=name">Name</a></th>'
    )


def test_a_summary_list_row_has_a_change_link_naming_what_it_changes():
    html = _render(
        "{% summary_list %}{% summary_row %}{% summary_key %}Type{% endsummary_key %}"
        "{% summary_value %}{{ value }}{% endsummary_value %}"
        '{% summary_actions %}{% summary_action url hidden="type of registration" %}{% endsummary_actions %}'
        "{% endsummary_row %}{% summary_row no_actions=True %}{% summary_key %}Reviewed{% endsummary_key %}"
        "{% summary_value %}Never{% endsummary_value %}{% endsummary_row %}{% endsummary_list %}",
        url="/change?a=1&b=2",
        value="MAPPA <level 2>",
    )

    assert html == (
        '<dl class="govuk-summary-list"><div class="govuk-summary-list__row">'
        '<dt class="govuk-summary-list__key">Type</dt><dd class="govuk-summary-list__value">MAPPA &lt;level 2&gt;</dd>'
        '<dd class="govuk-summary-list__actions"><a class="govuk-link" href="/change?a=1&amp;b=2">Change'
        '<span class="govuk-visually-hidden"> type of registration</span></a></dd></div>'
        '<div class="govuk-summary-list__row govuk-summary-list__row--no-actions">'
        '<dt class="govuk-summary-list__key">Reviewed</dt><dd class="govuk-summary-list__value">Never</dd></div></dl>'
    )


def test_summary_rows_from_data():
    html = _render("{% summary_rows rows %}", rows=[("CRN", "A000001"), ("Tier", "B2")])

    assert html == (
        '<dl class="govuk-summary-list">'
        '<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">CRN</dt>'
        '<dd class="govuk-summary-list__value">A000001</dd></div>'
        '<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Tier</dt>'
        '<dd class="govuk-summary-list__value">B2</dd></div></dl>'
    )


def test_the_conflict_summary_says_what_changed_who_changed_it_and_when():
    conflict = SimpleNamespace(
        message="Someone else changed this record.",
        changes=[
            SimpleNamespace(label="Telephone", theirs="0113 496 0000", by="Ruth Griffiths", at=CHANGED_AT)
        ],
    )

    html = _render('{% conflict_summary conflict title="Your action was not saved" %}', conflict=conflict)

    assert html == (
        '<div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert">'
        '<h2 class="govuk-error-summary__title">Your action was not saved</h2>'
        '<div class="govuk-error-summary__body"><p class="govuk-body">Someone else changed this record.</p>'
        '<table class="govuk-table app-table--stacked">'
        '<caption class="govuk-table__caption govuk-table__caption--s">What changed</caption>'
        '<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Field</th>'
        '<th scope="col" class="govuk-table__header">Now</th><th scope="col" class="govuk-table__header">Changed by</th>'
        '</tr></thead><tbody class="govuk-table__body"><tr class="govuk-table__row">'
        '<td class="govuk-table__cell" data-label="Field">Telephone</td>'
        '<td class="govuk-table__cell" data-label="Now">0113 496 0000</td>'
        '<td class="govuk-table__cell" data-label="Changed by">Ruth Griffiths, 5 January 2026 at 2:15pm</td>'
        "</tr></tbody></table>"
        "</div></div></div>"
    )


def test_the_conflict_summary_defaults_to_your_changes_were_not_saved():
    html = _render("{% conflict_summary conflict %}", conflict=SimpleNamespace(message="m", changes=[]))

    assert '<h2 class="govuk-error-summary__title">Your changes were not saved</h2>' in html


def test_a_status_tag_takes_a_colour_or_a_whole_class():
    assert (
        _render('{% status_tag "Overdue" "red" %}')
        == '<strong class="govuk-tag govuk-tag--red">Overdue</strong>'
    )
    assert _render("{% status_tag label css %}", label="Done", css="govuk-tag govuk-tag--green") == (
        '<strong class="govuk-tag govuk-tag--green">Done</strong>'
    )
    assert (
        _render("{% status_tag 3 'govuk-tag--blue' %}")
        == '<strong class="govuk-tag govuk-tag--blue">3</strong>'
    )


def test_a_panel_has_its_title_and_body():
    html = _render('{% panel "Breach sent" "Reference B1" %}')

    assert html == (
        '<div class="govuk-panel govuk-panel--confirmation"><h1 class="govuk-panel__title">Breach sent</h1>'
        '<div class="govuk-panel__body">Reference B1</div></div>'
    )

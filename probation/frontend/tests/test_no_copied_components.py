"""Templates are built from the components in ``frontend/templatetags/components.py``: no template
copies the GOV.UK table, summary list or tag markup, so a change to a component reaches every page."""

from pathlib import Path

import pytest

import probation

TEMPLATES = sorted(Path(probation.__file__).parent.glob("*/templates/**/*.html"))


@pytest.mark.parametrize("markup", ["govuk-table", "govuk-summary-list", 'class="govuk-tag'])
def test_no_template_copies_component_markup(markup):
    copies = [str(path) for path in TEMPLATES if markup in path.read_text()]

    assert copies == []

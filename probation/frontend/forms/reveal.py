"""Radios that reveal the questions of the option chosen (GOV.UK conditional reveal, issue 10 item 8).

The markup is crispy-forms-gds's ``ConditionalRadios``; only the module that starts it differs
(``app-reveal-radios`` in application.js, not GOV.UK Frontend's Radios, which sets ``aria-expanded``
on each radio and axe reports it, ADR 0008). Without JavaScript every question shows, so the server
must ignore the answers to options not chosen: ``RevealForm.clean`` does that.
"""

import re
from typing import Any, cast

from crispy_forms_gds.layout import ConditionalQuestion, ConditionalRadios
from django.utils.safestring import mark_safe


class RevealRadios(ConditionalRadios):
    def get_template_name(self, template_pack: str) -> str:
        return "frontend/forms/reveal_radios_group.html"

    def render(self, *args: Any, **kwargs: Any) -> str:
        """crispy-forms-gds numbers these radios from 0, and gives every radio ``aria-controls``: one
        with nothing to reveal would point at an element that does not exist, so it loses it."""
        html = str(super().render(*args, **kwargs))
        # Number the radios from 1, as crispy-forms-gds's plain radios and its error summary link do.
        name = cast(str, self.field)

        def from_one(m: re.Match[str]) -> str:
            return f'{m.group(1)}="id_{name}_{int(m.group(2)) + 1}"'

        html = re.sub(rf'\b(id|for)="id_{re.escape(name)}_(\d+)"', from_one, html)
        present = set(re.findall(r'\sid="([^"]+)"', html))
        return mark_safe(  # noqa: S308 - crispy's own rendered, escaped output
            _CONTROLS.sub(lambda m: m.group(0) if m.group(1) in present else "", html)
        )


_CONTROLS = re.compile(r'\s*aria-controls="([^"]+)"')


def reveal_radios(field: str, choices: list[tuple[str, str]], revealed: dict[str, list[Any]]) -> RevealRadios:
    """Radios for ``choices`` (value, label); the layout objects in ``revealed[value]`` show under it."""
    return RevealRadios(
        field,
        *(
            ConditionalQuestion(label, *revealed[value]) if revealed.get(value) else label
            for value, label in choices
        ),
    )

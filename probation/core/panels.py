"""Panels that a higher app contributes to a lower app's page, without the lower app importing it.

The sentence page (probation.sentences) shows the compliance summary, enforcement actions, breaches
and recalls, which belong to probation.enforcement above it in the layering (pyproject
importlinter). The higher app registers a panel builder in its ``AppConfig.ready``; the page asks
for the panels of its slot and includes each one's template with its context, in registration order.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Panel:
    template: str
    context: dict[str, Any] = field(default_factory=dict)


PanelBuilder = Callable[..., Panel | None]
_registry: dict[str, list[PanelBuilder]] = {}


def register_panel(slot: str, builder: PanelBuilder) -> PanelBuilder:
    builders = _registry.setdefault(slot, [])
    if builder not in builders:
        builders.append(builder)
    return builder


def panels_for(slot: str, **kwargs: Any) -> list[Panel]:
    """Each registered builder is called with the page's keyword arguments; None means "nothing to show"."""
    return [panel for builder in _registry.get(slot, ()) if (panel := builder(**kwargs)) is not None]

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
_registry: dict[str, list[tuple[int, PanelBuilder]]] = {}


def register_panel(slot: str, builder: PanelBuilder, *, order: int = 0) -> PanelBuilder:
    """``order`` places the panel on a page filled by several apps (lowest first; equal orders keep
    the order of registration, which follows INSTALLED_APPS)."""
    builders = _registry.setdefault(slot, [])
    if all(existing is not builder for _, existing in builders):
        builders.append((order, builder))
        builders.sort(key=lambda entry: entry[0])
    return builder


def panels_for(slot: str, **kwargs: Any) -> list[Panel]:
    """Each registered builder is called with the page's keyword arguments; None means "nothing to show"."""
    return [panel for _, builder in _registry.get(slot, ()) if (panel := builder(**kwargs)) is not None]

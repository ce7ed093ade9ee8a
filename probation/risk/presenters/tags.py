"""Tags: a GOV.UK tag's words and colour, and the risk flags of the case header (most serious first)."""

from collections.abc import Iterable
from dataclasses import dataclass

from probation.risk.models import Registration
from probation.risk.registers import DISPLAY_ORDER, RegisterType


@dataclass(frozen=True)
class Tag:
    label: str
    colour: str

    @property
    def css_class(self) -> str:
        return f"govuk-tag govuk-tag--{self.colour}"


def _number(code: str) -> str:
    return code.removeprefix("M")


def flag_label(register: RegisterType, *, category: str, level: str) -> str:
    """The tag text: the type, with MAPPA's level and category ("MAPPA level 2, category 1")."""
    if register.has_category_and_level and category and level:
        return f"{register.description} level {_number(level)}, category {_number(category)}"
    return register.description


def flag_tag(registration: Registration) -> Tag:
    register = registration.register
    label = flag_label(register, category=registration.category, level=registration.level)
    return Tag(label=label, colour=register.tag_colour)


def flag_tags(registrations: Iterable[Registration]) -> list[Tag]:
    """Most serious first (the order of the register table), then oldest first."""
    ordered = sorted(registrations, key=lambda r: (DISPLAY_ORDER[r.register_type], r.registered_on, r.pk))
    return [flag_tag(r) for r in ordered]

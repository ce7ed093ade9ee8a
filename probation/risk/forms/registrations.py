"""Registration forms: shape only. The rules (dates, MAPPA category and level, one active
registration per type, RoSH exclusivity) are the service's, and come back as field errors.

Adding takes two pages (type, then details) rather than one page with MAPPA's category and level
revealed under its radio: GOV.UK Frontend's conditional reveal puts ``aria-expanded`` on a radio,
which axe reports as a WCAG failure, and the second page asks only what the chosen type needs."""

from typing import Any

from crispy_forms.utils import TEMPLATE_PACK
from crispy_forms_gds.layout import Field
from django import forms
from django.template.loader import render_to_string

from probation.core.errors import ServiceError
from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.risk.registers import (
    MAPPA_CATEGORY_CHOICES,
    MAPPA_LEVEL_CHOICES,
    REGISTER_TYPES,
    FlagGroup,
    RegisterType,
    register_types_by_group,
)
from probation.risk.services.registrations import registration_add_errors, registration_deregister_errors

GROUP_HINTS = {
    FlagGroup.ROSH: "A person has one RoSH registration at a time: adding one ends the current one.",
    FlagGroup.PUBLIC_PROTECTION: "For MAPPA you will be asked for the category and level next.",
}


class GroupedRadios:
    """One GOV.UK radios question shown in headed groups (49 register types are too many for one
    undivided list). Radios are numbered from 1 as crispy-forms-gds numbers them, so its error
    summary link (``#id_<field>_1``) lands on the first one."""

    template = "risk/registrations/_grouped_radios.html"

    def __init__(self, field: str) -> None:
        self.field = field

    def render(
        self, form: forms.Form, context: Any, template_pack: str = TEMPLATE_PACK, **kwargs: Any
    ) -> str:
        bound = form[self.field]
        current = str(bound.value() or "")
        groups = []
        position = 0
        for group, registers in register_types_by_group():
            items = []
            for register in registers:
                position += 1
                items.append(
                    {
                        "value": register.code,
                        "label": f"{register.description} ({register.code})",
                        "id": f"{bound.auto_id}_{position}",
                        "checked": register.code == current,
                    }
                )
            groups.append({"heading": group.value, "hint": GROUP_HINTS.get(group, ""), "items": items})
        return render_to_string(self.template, {"field": bound, "groups": groups, "form_show_errors": True})


def category_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="MAPPA category",
        choices=[("", "Select a category"), *MAPPA_CATEGORY_CHOICES],
        required=False,
    )


def level_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="MAPPA level",
        choices=[("", "Select a level"), *MAPPA_LEVEL_CHOICES],
        required=False,
    )


def notes_field() -> forms.CharField:
    return forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)


class RegistrationTypeForm(GovukForm):
    """Adding, step 1: which register. Step 2 asks only what that register needs."""

    submit_label = "Continue"
    register_type = forms.ChoiceField(
        label="Type of registration",
        choices=[(r.code, r.description) for r in REGISTER_TYPES],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the type of registration",
            "invalid_choice": "Select the type of registration",
        },
    )

    def layout_fields(self) -> list[object]:
        return [GroupedRadios("register_type")]


class RegistrationAddForm(GovukForm):
    """Adding, step 2: the date and notes, and for MAPPA its category and level."""

    submit_label = "Add registration"
    category = category_field()
    level = level_field()
    registered_on = date_field("Registration date", help_text="For example, 27 3 2026")
    notes = notes_field()

    def __init__(self, *args: Any, register: RegisterType, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.register = register
        if not register.has_category_and_level:
            del self.fields["category"]
            del self.fields["level"]

    def rule_errors(self, data: dict[str, Any]) -> tuple[ServiceError, ...]:
        return registration_add_errors(
            self.register,
            registered_on=data.get("registered_on"),
            category=data.get("category", ""),
            level=data.get("level", ""),
        )

    def layout_fields(self) -> list[object]:
        selects = [Field.select(name) for name in ("category", "level") if name in self.fields]
        return [*selects, Field("registered_on"), Field.textarea("notes")]


class RegistrationReviewForm(GovukForm):
    submit_label = "Record review"
    reviewed_on = date_field("Review date", help_text="For example, 27 3 2026")
    notes = notes_field()
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [Field("reviewed_on"), Field.textarea("notes"), "version"]


class RegistrationUpdateForm(GovukForm):
    """Notes, and for MAPPA the category and level (the only types that have them)."""

    category = category_field()
    level = level_field()
    notes = notes_field()
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, with_category_and_level: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not with_category_and_level:
            del self.fields["category"]
            del self.fields["level"]

    def layout_fields(self) -> list[object]:
        selects = [Field.select(name) for name in ("category", "level") if name in self.fields]
        return [*selects, Field.textarea("notes"), "version"]


class RegistrationDeregisterForm(GovukForm):
    submit_label = "Deregister"
    deregistered_on = date_field("Deregistration date", help_text="For example, 27 3 2026")
    reason = forms.CharField(
        label="Reason for deregistering",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the reason for deregistering"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def rule_errors(self, data: dict[str, Any]) -> tuple[ServiceError, ...]:
        return registration_deregister_errors(
            deregistered_on=data.get("deregistered_on"), reason=data.get("reason")
        )

    def layout_fields(self) -> list[object]:
        return [Field("deregistered_on"), Field.textarea("reason"), "version"]

from crispy_forms_gds.layout import Field, Fieldset, Fluid, Size
from django import forms

from probation.frontend.forms import GovukForm
from probation.frontend.forms.dates import date_field
from probation.people.models import AddressStatus, AddressType


class AddressForm(GovukForm):
    status = forms.ChoiceField(
        label="Address status",
        choices=AddressStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the address status"},
    )
    address_type = forms.ChoiceField(
        label="Type of address",
        choices=AddressType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the type of address"},
    )
    building_name = forms.CharField(max_length=100, required=False)
    address_number = forms.CharField(label="House number", max_length=20, required=False)
    street_name = forms.CharField(label="Street", max_length=100, required=False)
    district = forms.CharField(max_length=100, required=False)
    town_city = forms.CharField(label="Town or city", max_length=100, required=False)
    county = forms.CharField(max_length=100, required=False)
    postcode = forms.CharField(max_length=8, required=False)
    telephone = forms.CharField(max_length=20, required=False)
    start_date = date_field("Start date")
    end_date = date_field(
        "End date", required=False, help_text="Only for a previous address. For example, 27 3 2024"
    )
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def clean_postcode(self) -> str:
        return " ".join(self.cleaned_data["postcode"].upper().split())

    def layout_fields(self) -> list[object]:
        return [
            Field.radios("status"),
            Field.radios("address_type"),
            Fieldset(
                Field.text("building_name", field_width=Fluid.TWO_THIRDS),
                Field.text("address_number", field_width=5),
                Field.text("street_name", field_width=Fluid.TWO_THIRDS),
                Field.text("district", field_width=Fluid.TWO_THIRDS),
                Field.text("town_city", field_width=Fluid.TWO_THIRDS),
                Field.text("county", field_width=Fluid.TWO_THIRDS),
                Field.text("postcode", field_width=10),
                Field.text("telephone", field_width=20),
                legend="Address (leave blank for no fixed abode)",
                legend_size=Size.MEDIUM,
            ),
            Field("start_date"),
            Field("end_date"),
            Field.textarea("notes"),
        ]


class AddressEditForm(AddressForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    def layout_fields(self) -> list[object]:
        return [*super().layout_fields(), "version"]

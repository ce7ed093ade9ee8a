"""The criminal history the predictors need that the case record does not hold (issue 4 item 1).

Events on this system give the current offence, convictions on record and their dates; this record
adds what happened before them (sanctions elsewhere, an earlier first sanction), the sexual and
violent history counts OSP/DC, OSP/IIC, OVP and SNSV read, and the offence-analysis answers
(predictors.md § OVP, § OSP/DC, § SNSV dynamic terms) the needs assessment does not ask (ADR 0011,
"Not yet asked"). One row per person, versioned (ADR 0005): each save writes a PersonChange row, so
its history is kept. A yes/no left blank means "not recorded" — a missing input, never "no".
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from probation.core.models import VersionedModel
from probation.people.models import Person

# The previous-conviction flags of the SNSV dynamic variant (predictors.md § SNSV), with the labels
# staff see; the field names are the calculator's input names.
PREVIOUS_CONVICTION_FLAGS: dict[str, str] = {
    "previous_homicide": "Homicide",
    "previous_wounding_or_gbh": "Wounding or GBH",
    "previous_kidnapping": "Kidnapping",
    "previous_firearms": "Firearms",
    "previous_robbery": "Robbery",
    "previous_aggravated_burglary": "Aggravated burglary",
    "previous_weapon": "Weapon",
    "previous_criminal_damage": "Criminal damage",
    "previous_arson": "Arson",
}
SEXUAL_COUNT_FIELDS = (
    "contact_adult_sanctions",
    "contact_child_sanctions",
    "non_contact_sanctions",
    "indecent_image_sanctions",
)


def _yes_no(label: str) -> models.BooleanField:
    return models.BooleanField(label, null=True, blank=True)


class CriminalHistory(VersionedModel):
    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="criminal_history")
    previous_sanctions = models.PositiveSmallIntegerField(
        "Previous sanctions not recorded as events on this system", default=0
    )
    previous_violent_sanctions = models.PositiveSmallIntegerField("Of those, violent sanctions", default=0)
    first_sanction_date = models.DateField("Date of first sanction", null=True, blank=True)
    # Sexual sanction counts are of the whole history, events on this record included: the offence
    # code alone cannot tell contact from non-contact offending or an adult from a child victim.
    contact_adult_sanctions = models.PositiveSmallIntegerField(
        "Contact sexual sanctions against adults", default=0
    )
    contact_child_sanctions = models.PositiveSmallIntegerField(
        "Contact sexual sanctions against children", default=0
    )
    non_contact_sanctions = models.PositiveSmallIntegerField(
        "Non-contact sexual sanctions (not indecent images)", default=0
    )
    indecent_image_sanctions = models.PositiveSmallIntegerField("Indecent image sanctions", default=0)
    last_sexual_sanction_date = models.DateField("Date of last sexual sanction", null=True, blank=True)
    most_recent_sexual_offence_date = models.DateField(
        "Date of most recent sexual offence", null=True, blank=True
    )
    current_offence_against_stranger = _yes_no("Current offence against a stranger")
    weapon_in_offence = _yes_no("Weapon carried or used in the current offence")
    does_not_recognise_impact_of_offending = _yes_no("Does not recognise the impact of offending on others")
    domestic_abuse_perpetrator_against_partner = _yes_no("Perpetrator of domestic abuse against a partner")
    previous_homicide = _yes_no("Previous conviction: homicide")
    previous_wounding_or_gbh = _yes_no("Previous conviction: wounding or GBH")
    previous_kidnapping = _yes_no("Previous conviction: kidnapping")
    previous_firearms = _yes_no("Previous conviction: firearms")
    previous_robbery = _yes_no("Previous conviction: robbery")
    previous_aggravated_burglary = _yes_no("Previous conviction: aggravated burglary")
    previous_weapon = _yes_no("Previous conviction: weapon")
    previous_criminal_damage = _yes_no("Previous conviction: criminal damage")
    previous_arson = _yes_no("Previous conviction: arson")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name_plural = "criminal histories"
        constraints = [
            models.CheckConstraint(
                condition=Q(previous_violent_sanctions__lte=F("previous_sanctions")),
                name="criminalhistory_violent_within_previous",
            ),
        ]

    def __str__(self) -> str:
        return f"Criminal history of {self.person_id}"

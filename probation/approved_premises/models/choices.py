"""Choices of the approved premises records, worded as approved-premises.md words them."""

from django.db import models


class ApType(models.TextChoices):
    STANDARD = "standard", "Standard"
    PIPE = "pipe", "Psychologically informed planned environment (PIPE)"
    ESAP = "esap", "Enhanced security (ESAP)"
    RFAP = "rfap", "Recovery focused (RFAP)"
    MENTAL_HEALTH = "mental_health", "Specialist mental health"


class PremisesSex(models.TextChoices):
    MEN = "M", "Men"
    WOMEN = "F", "Women"


class PremisesCharacteristic(models.TextChoices):
    SEMI_SPECIALIST_MH = "semi_specialist_mh", "Semi-specialist mental health"
    CATERED = "catered", "Catered"
    EXPLOITATION = "vulnerable_exploitation", "Suitable for people vulnerable to exploitation"
    ADULT_SEXUAL = "adult_sexual_offences", "Accepts adult sexual offences"
    CHILD_SEXUAL = "child_sexual_offences", "Accepts child sexual offences"
    NON_SEXUAL_CHILD = "non_sexual_child_offences", "Accepts non-sexual offences against children"
    HATE = "hate_offences", "Accepts hate-based offences"
    LIFT = "lift", "Lift"
    HEARING_LOOP = "hearing_loop", "Hearing loop"
    BRAILLE = "braille", "Braille signage"
    TACTILE = "tactile_flooring", "Tactile flooring"


class RoomCharacteristic(models.TextChoices):
    SINGLE = "single", "Single room"
    EN_SUITE = "en_suite", "En-suite"
    STEP_FREE = "step_free", "Step-free"
    WHEELCHAIR = "wheelchair", "Wheelchair accessible"
    SEXUAL_OFFENCES = "sexual_offences", "Suitable for a person with sexual offences"
    ARSON = "arson", "Designated arson room"
    WIDE_DOORS = "wide_doors", "Wide doors"
    GROUND_FLOOR = "ground_floor", "Ground floor"


class OutOfServiceReason(models.TextChoices):
    PLANNED_WORKS = "planned_works", "Planned facilities works"
    UNPLANNED_WORKS = "unplanned_works", "Unplanned facilities works"
    DAMAGE = "damage", "Damage by resident"
    FLOOD_FIRE = "flood_fire", "Flood or fire"
    REFURBISHMENT = "refurbishment", "Refurbishment"
    INCIDENT = "incident", "Incident"
    STAFF_SHORTAGE = "staff_shortage", "Staff shortage"
    SINGLE_OCCUPANCY_RISK = "single_occupancy_risk", "Double room with single occupancy (risk)"
    SINGLE_OCCUPANCY_OTHER = "single_occupancy_other", "Double room with single occupancy (other)"
    CLOSURE = "closure", "AP closure or operational reduction"
    ON_HOLD = "bed_on_hold", "Bed on hold"


class Qualification(models.TextChoices):
    EMERGENCY = "emergency", "Emergency and short notice"
    PIPE = "pipe", "PIPE"
    ESAP = "esap", "ESAP"
    RFAP = "rfap", "Recovery focused"
    MENTAL_HEALTH = "mental_health", "Mental health specialist"
    LAO = "lao", "Limited access cases (LAO)"


class NoticeReason(models.TextChoices):
    """The reasons an emergency or short-notice application gives (probation.rules: NOTICE_REASONS)."""

    RISK_ESCALATED = "risk_escalated", "Risk escalated"
    PLAN_BROKE_DOWN = "plan_broke_down", "Release or risk management plan broke down"
    FURTHER_OFFENCE = "further_offence", "Further offence"
    ALTERNATIVE_TO_RECALL = "alternative_to_recall", "Alternative to recall"
    PAROLE_DECISION = "parole_decision", "Parole Board or PPCS decision"
    SHORT_SENTENCE = "sentence_under_12_months", "Sentence under 12 months"
    ON_BAIL = "on_bail", "On bail"
    OTHER = "other", "Other"


class NoticeType(models.TextChoices):
    STANDARD = "standard", "Standard"
    SHORT_NOTICE = "short_notice", "Short notice"
    EMERGENCY = "emergency", "Emergency"


class LegalBasis(models.TextChoices):
    SDS = "standard_determinate", "Standard determinate sentence"
    EDS = "extended_determinate", "Extended determinate sentence"
    LIFE = "life", "Life sentence"
    IPP = "ipp", "Imprisonment for public protection (IPP)"
    COMMUNITY = "community_order", "Community order or suspended sentence order"
    BAIL = "bail_placement", "Bail placement or pre-sentence"
    MAPPA = "non_statutory_mappa", "Non-statutory MAPPA case"


class ReleaseType(models.TextChoices):
    LICENCE = "licence", "Licence"
    HDC = "hdc", "Home detention curfew (HDC)"
    ROTL = "rotl", "Release on temporary licence (ROTL)"
    PAROLE = "parole", "Parole-directed licence"
    RE_RELEASE = "re_release", "Re-release after standard or fixed-term recall"
    EXTENDED = "extended_licence", "Extended-sentence licence"
    PSS = "pss", "Post-sentence supervision (PSS)"
    COMMUNITY = "community", "Not a release: community or bail"


class Purpose(models.TextChoices):
    PUBLIC_PROTECTION = "public_protection", "Public protection"
    PREVENT_CONTACT = "prevent_contact", "Prevent contact with known people or victims"
    READJUSTMENT = "readjustment", "Readjustment after custody"
    DRUG_ALCOHOL = "drug_alcohol", "Drug or alcohol monitoring"
    RISK_FACTORS = "risk_factors", "Monitoring of risk factors"
    OTHER = "other", "Other"


class StatedRosh(models.TextChoices):
    VERY_HIGH = "very_high", "Very high"
    HIGH = "high", "High"
    MEDIUM_COMPLEX = "medium_complex", "Medium with complex needs"


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", "In progress"
    EXPIRED = "expired", "Expired"
    SUBMITTED = "submitted", "Awaiting assessment"
    INFO_REQUESTED = "info_requested", "Further information requested"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Withdrawn"


class RejectionReason(models.TextChoices):
    ACCOMMODATION_ONLY = "accommodation_only", "Accommodation need only"
    NEEDS_NOT_MET = "needs_not_met", "Needs cannot be met"
    SUPERVISION_TOO_SHORT = "supervision_too_short", "Supervision period too short"
    NOT_NECESSARY = "not_necessary", "Not necessary or proportionate"
    MANAGEABLE = "manageable_elsewhere", "Risk manageable another way"
    MOVE_ON = "move_on_plan", "Insufficient move-on or contingency plan"
    INFO_NOT_PROVIDED = "info_not_provided", "Information not provided"
    POOR_QUALITY = "poor_quality", "Information of poor quality"
    INACCURATE = "inaccurate", "Information inaccurate"
    RISK_COMMUNITY = "risk_community", "Risk to the community"
    RISK_RESIDENTS = "risk_residents", "Risk to others in the AP"
    RISK_STAFF = "risk_staff", "Risk to staff"
    RISK_SELF = "risk_self", "Risk to self"
    WITHDRAWN = "withdrawn", "Withdrawn by the practitioner"


class PlacementStatus(models.TextChoices):
    AWAITING_MATCH = "awaiting_match", "Awaiting match"
    BOOKED = "booked", "Booked"
    WITHDRAWN = "withdrawn", "Withdrawn"


class BookingStatus(models.TextChoices):
    UPCOMING = "upcoming", "Upcoming"
    ARRIVED = "arrived", "Arrived"
    DEPARTED = "departed", "Departed"
    NOT_ARRIVED = "not_arrived", "Not arrived"
    CANCELLED = "cancelled", "Cancelled"


class CancellationReason(models.TextChoices):
    PRACTITIONER = "practitioner_requested", "Practitioner requested it"
    DEPRIORITISED = "deprioritised", "Person deprioritised at this AP"
    APPEAL = "ap_appealed", "AP has appealed"
    ALTERNATIVE = "alternative_ap", "Alternative AP needed"
    OTHER = "other", "Other"


class NonArrivalReason(models.TextChoices):
    """With their nDelius codes (approved-premises.md § Stay)."""

    FAILED_TO_ARRIVE = "A", "Failed to arrive as planned (A)"
    PAROLE_NOT_GRANTED = "4I", "Parole release not granted (4I)"
    ARRESTED = "1H", "Arrested, in custody or recalled (1H)"
    HOSPITAL = "H", "Admitted to hospital (H)"
    OTHER = "D", "Other (D)"


class DepartureReason(models.TextChoices):
    """With their nDelius codes; the breach or recall reasons reach the officer (approved-premises.md)."""

    PLANNED_MOVE_ON = "O", "Planned move-on (O)"
    BED_WITHDRAWN = "X", "Bed withdrawn (X)"
    HOSPITAL = "Q", "Admitted to hospital (Q)"
    DIED = "P", "Died (P)"
    ARRESTED = "H", "Arrested, remanded or sentenced (H)"
    EXPIRED = "N", "Order or licence expired (N)"
    END_OF_ROTL = "V", "End of ROTL (V)"
    ABSCONDED = "A", "Breach or recall: absconded (A)"
    BEHAVIOUR = "D", "Breach or recall: behaviour or increasing risk in the AP (D)"
    CURFEW = "F", "Breach or recall: curfew (F)"
    CONDITION = "E", "Breach or recall: order, licence or bail condition (E)"
    DRUGS = "C", "Breach or recall: positive drug test or use (C)"
    ALCOHOL = "PAT", "Breach or recall: positive alcohol test or use (PAT)"


class MoveOnCategory(models.TextChoices):
    TEMPORARY = "MC05", "B&B or temporary (MC05)"
    CUSTODY = "MC19", "Custody (MC19)"
    DEPORTED = "MC10", "Deported or detention (MC10)"
    FAMILY = "MC07", "Family, partner or other (MC07)"
    SOCIAL_RENTED = "MC02", "Local authority or housing association rented (MC02)"
    NO_FIXED_ABODE = "MC14", "No fixed abode (MC14)"
    OWNER_OCCUPIED = "MC08", "Owner occupied (MC08)"
    PRIVATE_RENTED = "MC04", "Private rented (MC04)"
    SUPPORTED = "MC06", "Supported housing (MC06)"
    OTHER_AP = "other_ap", "Transferred to a different AP"
    CAS2 = "cas2", "CAS2"
    CAS3 = "cas3", "CAS3"


class TransferKind(models.TextChoices):
    PLANNED = "planned", "Planned transfer"
    EMERGENCY = "emergency", "Emergency transfer"


class TransferReason(models.TextChoices):
    """The planned transfer reasons of approved-premises.md § Stay; an emergency transfer gives one too."""

    NO_CAPACITY_HERE = "no_capacity_here", "Extending the stay with no capacity here"
    PRIORITISATION = "prioritisation", "Placement prioritisation"
    RESETTLEMENT = "resettlement_area", "Nearer the resettlement area"
    STAFF_CONFLICT = "staff_conflict", "Conflict with staff"
    COMMUNITY_ISSUE = "community_issue", "Local community issue"
    RISK_TO_RESIDENT = "risk_to_resident", "Risk to a resident"
    PUBLIC_PROTECTION = "public_protection", "Public protection"
    CLOSURE = "ap_closure", "AP closure"
    OTHER = "other", "Other"


class ChangeKind(models.TextChoices):
    """What a row of a booking's history records."""

    DATES = "dates", "Dates changed"
    EXTENSION = "extension", "Extension requested"
    TRANSFER_OUT = "transfer_out", "Transferred out"
    TRANSFER_IN = "transfer_in", "Transferred in"
    CANCELLED = "cancelled", "Cancelled"


class ExtensionDecision(models.TextChoices):
    PENDING = "", "Awaiting approval"
    APPROVED = "approved", "Approved"
    REFUSED = "refused", "Refused"

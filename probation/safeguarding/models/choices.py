"""The fixed lists a safeguarding record chooses from, stored by code (issue 4 item 9)."""

from django.db import models

# reference-data.md § Registrations: the child safeguarding flags a check or referral may explain.
CHILD_REGISTER_CODES = ("RCPR", "RCCO", "RCHD")


class CheckMethod(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone"
    PORTAL = "portal", "Online portal"
    LETTER = "letter", "Letter"


class CheckOutcome(models.TextChoices):
    AWAITING = "awaiting", "Awaiting response"
    NO_TRACE = "no_trace", "No trace"
    KNOWN_NOT_OPEN = "known_not_open", "Known – no current involvement"
    CHILD_IN_NEED = "child_in_need", "Open – child in need"
    CHILD_PROTECTION = "child_protection", "Open – child protection plan"
    LOOKED_AFTER = "looked_after", "Looked-after child"


RESPONSE_OUTCOMES = [(code, label) for code, label in CheckOutcome.choices if code != CheckOutcome.AWAITING]


class ReferredTo(models.TextChoices):
    CHILDRENS_SERVICES = "childrens_services", "Local authority children's services"
    MASH = "mash", "Multi-agency safeguarding hub (MASH)"
    POLICE = "police", "Police"
    OTHER = "other", "Other"


class Urgency(models.TextChoices):
    IMMEDIATE = "immediate", "Immediate – a child is at risk of significant harm now"
    URGENT = "urgent", "Urgent – a decision is needed within one working day"
    ROUTINE = "routine", "Routine"


class ReferralOutcome(models.TextChoices):
    NO_FURTHER_ACTION = "nfa", "No further action"
    ADVICE = "advice", "Advice or information given"
    EARLY_HELP = "early_help", "Early help"
    CHILD_IN_NEED = "section_17", "Child in need assessment (section 17)"
    CHILD_PROTECTION = "section_47", "Child protection enquiry (section 47)"
    POLICE = "police", "Police investigation"
    OTHER = "other", "Other"

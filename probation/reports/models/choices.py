"""Choices of the pre-sentence report records (court-reports.md § Report types, § Request record)."""

from django.db import models


class ReportType(models.TextChoices):
    """The four report types; nDelius codes in brackets (court-reports.md § Report types)."""

    ORAL = "oral", "Oral"  # CJO
    SHORT_FORMAT = "short_format", "Short format"  # CJF (fast delivery, written)
    STANDARD = "standard", "Standard delivery"  # CJS
    ADDENDUM = "addendum", "Addendum"  # PSA


class RemandStatus(models.TextChoices):
    UNCONDITIONAL_BAIL = "unconditional_bail", "Unconditional bail"
    CONDITIONAL_BAIL = "conditional_bail", "Conditional bail"
    CUSTODY = "custody", "Remanded in custody"
    NOT_REMANDED = "not_remanded", "Not remanded (summons)"


class AssessmentAskedFor(models.TextChoices):
    """Assessments the court asked for with the report (court-reports.md § Request record)."""

    UNPAID_WORK = "unpaid_work", "Unpaid work suitability"
    DRR = "drr", "Drug rehabilitation requirement (DRR)"
    ATR = "atr", "Alcohol treatment requirement (ATR)"
    MHTR = "mhtr", "Mental health treatment requirement (MHTR)"
    DANGEROUSNESS = "dangerousness", "Dangerousness"


class SentencingPurpose(models.TextChoices):
    """Sentencing Act 2020 s.57: the purposes the proposal serves."""

    PUNISHMENT = "punishment", "Punishment"
    REDUCTION_OF_CRIME = "reduction_of_crime", "Reduction of crime"
    REHABILITATION = "rehabilitation", "Reform and rehabilitation"
    PUBLIC_PROTECTION = "public_protection", "Protection of the public"
    REPARATION = "reparation", "Reparation"


class RequestStatus(models.TextChoices):
    """Requested (no author) → allocated → completed (report locked and sent) → closed (the case was
    resulted); withdrawn when the court no longer needs it."""

    REQUESTED = "requested", "Awaiting allocation"
    ALLOCATED = "allocated", "Allocated"
    COMPLETED = "completed", "Completed"
    CLOSED = "closed", "Closed"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ReportStatus(models.TextChoices):
    """Draft → signed (by the author) → locked (final; the PDF is the court's copy). A report that
    needs a countersignature (a dangerousness report names its reviewing senior PO; a trainee's report)
    is locked only once countersigned."""

    DRAFT = "draft", "Draft"
    SIGNED = "signed", "Signed, awaiting countersignature"
    LOCKED = "locked", "Locked"


class ReportLanguage(models.TextChoices):
    ENGLISH = "en", "English"
    WELSH = "cy", "Welsh"


class ReportSource(models.TextChoices):
    """Sources of information (court-reports.md § Content 2; at least one)."""

    INTERVIEW = "interview", "Interview"
    SERVICE_RECORDS = "service_records", "Service records"
    CPS_SUMMARY = "cps_summary", "CPS summary"
    PREVIOUS_OASYS = "previous_oasys", "Previous OASys"
    PREVIOUS_CONVICTIONS = "previous_convictions", "Previous convictions"
    VICTIM_STATEMENT = "victim_statement", "Victim statement"
    SAFEGUARDING_CHECKS = "safeguarding_checks", "Safeguarding checks"
    POLICE_CALL_OUTS = "police_call_outs", "Police / domestic abuse call-outs"
    SENTENCING_GUIDELINES = "sentencing_guidelines", "Sentencing guidelines"
    EQUALITY_FORM = "equality_form", "Equality information form"
    OTHER = "other", "Other"


class CustodyPosition(models.TextChoices):
    """court-reports.md § Content 6: custody possible or expected (then its impact is required),
    below the custody threshold, or the court said custody is not considered."""

    POSSIBLE = "possible", "Custody possible or expected"
    BELOW_THRESHOLD = "below_threshold", "Below the custody threshold"
    NOT_CONSIDERED = "not_considered", "The court said custody is not being considered"

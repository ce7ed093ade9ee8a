"""Reference pools for the synthetic case history: offences, contact types, outcomes, requirement
details and short case-note texts. Weights are plausible shapes, not official statistics.

Notes never carry a name, address or anything that could identify a real person.
"""

import bisect
import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from functools import cache
from random import Random

from probation.rules.contacts.outcomes import ContactTypeCode as C
from probation.rules.contacts.outcomes import OutcomeCode as O
from probation.rules.offences.descriptions import offence_label
from probation.rules.predictors.offences import NEED_DETAILS_OF_EXACT_OFFENCE, offence_weightings


class Weighted:
    """A fixed weighted choice, drawn with one ``random()`` call and a bisect."""

    def __init__(self, weights: Mapping) -> None:
        # Enum members become their plain values: rows must carry str, not StrEnum (a database
        # adapter may write an enum by name).
        self.values = [w.value if isinstance(w, Enum) else w for w in weights]
        self.cumulative = list(itertools.accumulate(weights.values()))
        self.total = self.cumulative[-1]

    def pick(self, rng: Random):
        return self.values[bisect.bisect(self.cumulative, rng.random() * self.total)]


# Share of main offences by OGRS3 category (roughly the shape of the probation caseload).
OFFENCE_CATEGORIES = Weighted(
    {
        "Violence": 28,
        "Theft (non-motor)": 11,
        "Drug possession/supply": 11,
        "Public order": 8,
        "Other motoring": 6,
        "Drink driving and related offences": 6,
        "Burglary (domestic)": 4,
        "Burglary (other)": 2,
        "Fraud and forgery": 5,
        "Criminal damage": 5,
        "Sexual (not against child)": 2,
        "Sexual (against child)": 2,
        "Robbery": 2,
        "Handling stolen goods": 2,
        "Absconding or bail offences": 2,
        "Drug import/export/production": 1.5,
        "Taking & driving away and related offences": 1.5,
        "Theft from vehicles": 1,
        "Other offence": 3,
    }
)


@dataclass(frozen=True)
class OffenceRef:
    ho_code: str
    description: str


@cache
def offences_by_category() -> dict[str, list[OffenceRef]]:
    """Usable codes (exact offences, not general categories) by OGRS3 category, each with its
    official description (probation.rules.offences), as probation.sentences.offences records it."""
    found: dict[str, list[OffenceRef]] = defaultdict(list)
    for code, row in sorted(offence_weightings().items()):
        if row.error == NEED_DETAILS_OF_EXACT_OFFENCE or not row.ogrs3_category:
            continue
        found[row.ogrs3_category].append(OffenceRef(code, offence_label(code)))
    return dict(found)


def offence_pick(rng: Random, category: str | None = None) -> tuple[str, OffenceRef]:
    pool = offences_by_category()
    category = category or OFFENCE_CATEGORIES.pick(rng)
    if category not in pool:
        category = "Violence"
    return category, rng.choice(pool[category])


# Attendance contacts by sentence stage; record-only contacts are drawn separately.
ORDER_APPOINTMENTS = {
    C.PLANNED_OFFICE_VISIT: 52,
    C.PLANNED_TELEPHONE_CONTACT: 14,
    C.PLANNED_VIDEO_CONTACT: 3,
    C.HOME_VISIT: 5,
    C.DOORSTEP_CONTACT: 1,
    C.DRUG_TEST: 3,
    C.ALCOHOL_DRUG_KEY_WORKER_SESSION: 2,
}
LICENCE_APPOINTMENTS = {
    C.PLANNED_OFFICE_VISIT: 50,
    C.PLANNED_TELEPHONE_CONTACT: 12,
    C.PLANNED_VIDEO_CONTACT: 3,
    C.HOME_VISIT: 9,
    C.DOORSTEP_CONTACT: 2,
    C.DRUG_TEST: 6,
    C.ALCOHOL_DRUG_KEY_WORKER_SESSION: 2,
}
RECORDS = Weighted(
    {
        C.CASE_NOTE: 45,
        C.PARTNER_AGENCY_EMAIL: 14,
        C.PARTNER_AGENCY_PHONE_CALL: 14,
        C.PARTNER_AGENCY_LETTER: 5,
        C.MANAGEMENT_OVERSIGHT: 7,
        C.SYSTEM_EVENT: 15,
    }
)
RECORD_SHARE = 0.36  # of the general (non-requirement) contacts

# Outcomes of an appointment the person kept or had an acceptable reason to miss.
ACCEPTABLE = Weighted(
    {
        O.ATTC: 880,
        O.ATSS: 4,
        O.AFDA: 5,
        O.AAME: 28,
        O.AAEM: 10,
        O.AAFC: 9,
        O.AAHO: 4,
        O.AACL: 5,
        O.AARE: 1,
        O.AARC: 2,
        O.AASD: 6,
        O.AAAA: 4,
        O.CO05: 8,
        O.RSOF: 20,
        O.RSSR: 14,
    }
)
UNACCEPTABLE = Weighted({O.UAAB: 55, O.AFTC: 12, O.ATSH: 5, O.ATFI: 8, O.UBHV: 5})
DRUG_TEST = Weighted({O.TCLN: 80, O.TNTD: 4, O.AAME: 2, O.RSSR: 2})
DRUG_TEST_FAILURES = Weighted({O.TDRT: 60, O.TADM: 30, O.TRFS: 8, O.UAAB: 12})
RESCHEDULED = frozenset({"RSOF", "RSSR"})

APPOINTMENT_MINUTES = {
    C.PLANNED_OFFICE_VISIT: 45,
    C.PLANNED_TELEPHONE_CONTACT: 20,
    C.PLANNED_VIDEO_CONTACT: 30,
    C.HOME_VISIT: 45,
    C.DOORSTEP_CONTACT: 15,
    C.INITIAL_APPOINTMENT: 60,
    C.DRUG_TEST: 20,
    C.COURT_REVIEW: 60,
    C.ALCOHOL_DRUG_KEY_WORKER_SESSION: 60,
    C.PROGRAMME_SESSION: 150,
    C.UNPAID_WORK_SESSION: 420,
    C.APPROVED_PREMISES_KEY_WORKER_SESSION: 45,
}
# Local start times (hour, minute): office hours in half-hour slots; unpaid work starts early.
SLOTS = [dt.timedelta(hours=h, minutes=m) for h in range(9, 17) for m in (0, 30)]
UPW_SLOTS = [dt.timedelta(hours=8, minutes=30), dt.timedelta(hours=9)]
RECORD_SLOTS = [dt.timedelta(hours=h, minutes=m) for h in range(8, 19) for m in (0, 15, 30, 45)]

NOTES: dict[str, tuple[str, ...]] = {
    "attended": (
        "Reviewed progress against the sentence plan; next appointment confirmed.",
        "Discussed accommodation and employment; no new concerns raised.",
        "Attended on time. Worked through the thinking-skills exercise set last session.",
        "Reported stable situation at home. Reminded of the reporting instructions.",
        "Discussed triggers and coping strategies; agreed actions for the coming fortnight.",
        "Completed the session. Engaged well and asked about the remaining hours.",
        "Progress on the drug and alcohol referral reviewed; appointment with the service booked.",
        "Reviewed the risk management plan. No change to the assessed level of risk.",
    ),
    "absent": (
        "Did not attend. Telephone and text reminder unanswered.",
        "Failed to attend; no contact made before the appointment time.",
        "Arrived late and left before the session started.",
        "Sent home from the session after refusing to follow the supervisor's instructions.",
    ),
    "acceptable": (
        "Rang before the appointment to explain the absence; evidence to follow.",
        "Absence accepted on the evidence provided.",
        "Appointment moved at the person's request; new date agreed.",
        "Appointment moved by the service; person informed by telephone.",
    ),
    "record": (
        "Information exchanged with the partner agency about current engagement.",
        "Case reviewed; contact level to stay as it is for now.",
        "Letter sent confirming the next appointments.",
        "Update received from the accommodation provider.",
        "Management oversight: plan reviewed, actions agreed with the practitioner.",
        "Record updated after the three-way meeting.",
        "Referral made to the employment, training and education service.",
    ),
    "sensitive": (
        "Disclosed health information; details held in the partner agency report.",
        "Safeguarding information shared by children's services; see their record.",
        "Information received from the police under the information-sharing agreement.",
    ),
}
CANCEL_REASONS = ("Officer unavailable", "Office closed", "Clashes with a court date", "Booked in error")

# Requirements on orders: chance each is made, and the amounts the court usually orders.
REQUIREMENT_CHANCE = {
    "unpaid_work": 0.45,
    "rehabilitation_activity": 0.6,
    "accredited_programme": 0.1,
    "curfew": 0.12,
    "exclusion": 0.05,
    "prohibited_activity": 0.04,
    "drug_rehabilitation": 0.07,
    "alcohol_treatment": 0.05,
    "alcohol_abstinence_monitoring": 0.04,
    "mental_health_treatment": 0.04,
    "residence": 0.03,
    "foreign_travel_prohibition": 0.01,
    "attendance_centre": 0.01,
    "electronic_monitoring": 0.02,
}
UPW_HOURS = Weighted({40: 6, 60: 10, 80: 14, 100: 14, 120: 12, 150: 10, 180: 8, 200: 8, 240: 5, 300: 3})
RAR_DAYS = Weighted({5: 6, 10: 16, 15: 14, 20: 16, 25: 10, 30: 12, 40: 8, 50: 4, 60: 3})
PROGRAMMES = (
    ("Thinking Skills Programme", 19),
    ("Building Better Relationships", 24),
    ("Resolve", 24),
    ("Horizon", 19),
    ("Becoming New Me+", 19),
)
PROHIBITED = (
    "Not to attend any licensed premises in the town centre",
    "Not to take part in any football-related activity on match days",
    "Not to use any social media platform",
    "Not to contact the victim directly or indirectly",
)

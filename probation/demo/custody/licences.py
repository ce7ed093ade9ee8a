"""Licence demo data (issue 14 item 5): licences in every state.

- *In progress*: most prisoners releasing within 12 weeks have a draft licence with a few additional
  conditions, some still without their justification (the licence page says so; release is refused).
- *Active*, *inactive* and *recalled*: people already on licence (a sentences ``Licence`` released on or
  before today) get a custody record released on that date and an activated licence pointing at it —
  recalled when a recall was decided on the sentence, inactive when the licence has expired.
Bulk-written; running it again adds nothing for sentences that already have a custody record."""

import datetime as dt
import random
from collections.abc import Sequence

from django.db.models import Exists, OuterRef

from probation.accounts.models import Role, User
from probation.custody.models import CustodyLicence, CustodyRecord, DraftCondition, LicenceStatus
from probation.custody.services.key_dates import calculate
from probation.enforcement.models import Recall
from probation.rules.custody.licence import standard_conditions_on
from probation.rules.law.dated import LawNotRecorded, LawSettings
from probation.sentences.models import Licence

RELEASED_SAMPLE = 400  # people on licence given a custody record and an activated licence
DRAFT_SHARE = 0.7
CONDITIONS = (
    ("freedom_of_movement", "Not to enter the area marked on the attached map without prior approval.", True),
    ("contact_with_a_person", "Not to approach or communicate with the victim or their family.", True),
    ("curfew", "Be at the approved address between 7pm and 7am every night.", False),
    ("drugs_alcohol", "Attend appointments for drug testing as directed.", False),
    ("programmes", "Attend and take part in the Building Choices programme.", False),
    ("reporting", "Report to the police station as directed by the supervising officer.", False),
)
JUSTIFICATIONS = (
    "The offence was against a known victim who lives in this area; the zone protects them and is drawn "
    "wide so their home cannot be identified.",
    "Offending happened at night under the influence of alcohol; the curfew is the least restrictive way "
    "to manage that risk.",
    "Needed to manage the risk of serious harm assessed as high; reviewed at the first supervision.",
)
DECIDED = ("recall_decided", "returned_to_custody", "re_released", "licence_ended_in_custody")


def _actor() -> User | None:
    return (
        User.objects.filter(role=Role.PRACTITIONER).order_by("pk").first()
        or User.objects.order_by("pk").first()
    )


def _conditions(rng: random.Random, licence: CustodyLicence, *, draft: bool) -> list[DraftCondition]:
    chosen = rng.sample(CONDITIONS, rng.choice((0, 1, 2, 2, 3)))
    return [
        DraftCondition(
            licence=licence,
            category=category,
            text=text,
            justification="" if draft and rng.random() < 0.25 else rng.choice(JUSTIFICATIONS),
            victim_related=victim,
            ordinal=i,
        )
        for i, (category, text, victim) in enumerate(chosen, start=1)
    ]


def draft_licences(rng: random.Random, records: Sequence[CustodyRecord], today: dt.date) -> tuple[int, int]:
    """Draft licences for records releasing within 12 weeks (records already saved)."""
    actor = _actor()
    if actor is None:
        return 0, 0
    soon = [
        r
        for r in records
        if r.release_date
        and today <= r.release_date <= today + dt.timedelta(days=84)
        and rng.random() < DRAFT_SHARE
    ]
    licences = CustodyLicence.objects.bulk_create(
        [CustodyLicence(custody=r, created_by=actor) for r in soon], batch_size=2000
    )
    conditions = [c for licence in licences for c in _conditions(rng, licence, draft=True)]
    DraftCondition.objects.bulk_create(conditions, batch_size=5000)
    return len(licences), len(conditions)


def _status(licence: Licence, recalled: set[int], today: dt.date) -> str:
    if licence.sentence_id in recalled:
        return LicenceStatus.RECALLED
    if licence.licence_expiry_date and licence.licence_expiry_date < today:
        return LicenceStatus.INACTIVE
    return LicenceStatus.ACTIVE


def released_licences(
    rng: random.Random, today: dt.date, settings: LawSettings, make_record
) -> dict[str, int]:
    """Custody records and activated licences for a sample of people already on licence."""
    actor = _actor()
    if actor is None:
        return {}
    licences = list(
        Licence.objects.filter(release_date__lte=today, sentence__custodial_months__isnull=False)
        .filter(~Exists(CustodyRecord.objects.filter(sentence=OuterRef("sentence_id"))))
        .select_related("sentence__person")
        .order_by("id")[:RELEASED_SAMPLE]
    )
    recalled = set(
        Recall.objects.filter(
            sentence_id__in=[lc.sentence_id for lc in licences], status__in=DECIDED
        ).values_list("sentence_id", flat=True)
    )
    records = []
    for licence in licences:
        record = make_record(rng, licence.sentence, today)
        calculate(record, licence.sentence, settings=settings, today=today)
        record.released_on = licence.release_date
        records.append(record)
    CustodyRecord.objects.bulk_create(records, batch_size=2000)
    drafts, counts = [], {s.value: 0 for s in LicenceStatus}
    for record, licence in zip(records, licences, strict=True):
        try:
            key = standard_conditions_on(licence.release_date, settings).key
        except LawNotRecorded:
            key = ""
        status = _status(licence, recalled, today)
        counts[status] += 1
        drafts.append(
            CustodyLicence(
                custody=record,
                status=status,
                standard_key=key,
                licence=licence,
                released_on=licence.release_date,
                created_by=actor,
                activated_by=actor,
            )
        )
    created = CustodyLicence.objects.bulk_create(drafts, batch_size=2000)
    DraftCondition.objects.bulk_create(
        [c for lc in created for c in _conditions(rng, lc, draft=False)], batch_size=5000
    )
    return counts

"""Custody demo data: every person on a current custodial sentence who has not been released yet gets
a custody record (release inputs from the sentence, the proposed key dates and handover worked out by
the rules), some with the prison's dates or confirmed dates, and the ones releasing within 12 weeks a
pre-release plan in every state (an address or not, pathways in progress). Nationally about 80,000 of
250,000 people are prisoners with probation involvement; the share here follows the case history.

Bulk-written (one calculation per record in memory, then bulk_create), so 3,000 people take seconds.
Running it again adds nothing for sentences that already have a record."""

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Exists, OuterRef, Q

from probation.custody.models import CustodyRecord, DatesStatus, Pathway, PathwayStatus, ResettlementPathway
from probation.custody.services.key_dates import calculate
from probation.demo.custody.licences import draft_licences, released_licences
from probation.sentences.law import law_settings
from probation.sentences.models import Licence, Sentence

PRISONS = ("HMP Leeds", "HMP Wakefield", "HMP Manchester", "HMP Birmingham", "HMP Pentonville", "HMP Cardiff")
POMS = ("Ann Baxter", "Ravi Patel", "Jo Green", "Sam Okafor", "Lee Wong")
ADDRESSES = (
    "12 Mill Lane, Leeds LS9 8AB",
    "4 Park Road, Bradford BD5 0QT",
    "Flat 2, 30 King Street, Wakefield",
)
TYPES = (("sds", 0.86), ("eds", 0.06), ("sopc", 0.03), ("life", 0.04), ("ipp", 0.01))
FLAGS = ("violent", "sexual", "domestic_abuse", "sds_plus_listed", "progression_serious")


@dataclass
class Result:
    records: int = 0
    plans: int = 0
    pathways: int = 0
    drafts: int = 0
    licences: dict[str, int] | None = None


def _type(rng: random.Random, sentence: Sentence) -> str:
    if sentence.sentence_date < dt.date(2012, 12, 3):
        return "sds"
    roll, total = rng.random(), 0.0
    for name, share in TYPES:
        total += share
        if roll < total:
            return "sds" if name == "ipp" else name
    return "sds"


def _record(rng: random.Random, sentence: Sentence, today: dt.date) -> CustodyRecord:
    kind = _type(rng, sentence)
    months = max(sentence.custodial_months or 12, 12)
    age = max(18, (sentence.sentence_date - sentence.person.date_of_birth).days // 365)
    record = CustodyRecord(
        person_id=sentence.person_id,
        sentence=sentence,
        release_type=kind,
        term_months=months if kind != "life" else max(months, 120),
        extension_months=rng.choice((24, 36, 48)) if kind == "eds" else 0,
        age_at_sentence=age,
        offence_flags=[f for f in FLAGS if rng.random() < 0.08],
        remand_days=rng.choice((0, 0, 0, 14, 45, 90)),
        tagged_bail_days=rng.choice((0, 0, 0, 0, 10)),
        prison=rng.choice(PRISONS),
        pom_name=rng.choice(POMS),
        enhanced_resourcing=rng.choice((True, False, False, None)),
        early_allocation=rng.random() < 0.03,
    )
    return record


def _plan(rng: random.Random, record: CustodyRecord, today: dt.date) -> None:
    if rng.random() < 0.6:
        record.release_address = rng.choice(ADDRESSES)
        record.release_night = "release_address"
    elif rng.random() < 0.3:
        record.release_night = "cas3"
    if rng.random() < 0.5:
        record.dates_status = DatesStatus.CONFIRMED


def generate(*, today: dt.date, seed: int = 14, log: Callable[[str], object] = print) -> Result:
    rng = random.Random(seed)  # noqa: S311 - demo data, not security
    settings = law_settings()
    released = Licence.objects.filter(sentence=OuterRef("pk"), release_date__lte=today)
    sentences = list(
        Sentence.objects.filter(type="custodial", terminated_on__isnull=True)
        .filter(~Exists(released), ~Exists(CustodyRecord.objects.filter(sentence=OuterRef("pk"))))
        .filter(Q(custodial_months__isnull=False))
        .select_related("person")
        .only("id", "person_id", "sentence_date", "start_date", "custodial_months", "person__date_of_birth")
        .order_by("id")
    )
    result = Result()
    records = []
    for sentence in sentences:
        record = _record(rng, sentence, today)
        calculate(record, sentence, settings=settings, today=today)
        if record.release_date and today <= record.release_date <= today + dt.timedelta(days=84):
            _plan(rng, record, today)
            result.plans += 1
        records.append(record)
    with transaction.atomic():
        CustodyRecord.objects.bulk_create(records, batch_size=2000)
        pathways = [
            ResettlementPathway(custody=r, pathway=p, status=rng.choice(PathwayStatus.values))
            for r in records
            if r.release_night
            for p in Pathway.values
        ]
        ResettlementPathway.objects.bulk_create(pathways, batch_size=5000)
        result.drafts, conditions = draft_licences(rng, records, today)
        result.licences = released_licences(rng, today, settings, _record)
    result.records, result.pathways = len(records), len(pathways)
    log(
        f"{result.records} custody records ({result.plans} releasing within 12 weeks), "
        f"{result.pathways} pathways; {result.drafts} licences in progress ({conditions} conditions), "
        f"released: {result.licences}"
    )
    return result

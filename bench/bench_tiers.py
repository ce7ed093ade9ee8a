"""Time the national tier recalculation (``manage.py tier_recalculate_all``) on a loaded database.

Issue 4 item 7's target: all 250,000 people in 30 s or less on PostgreSQL. The generated data has no
registrations or assessments, so ``--seed-inputs`` first adds some (about 30% of people get a RoSH
registration, 5% MAPPA, 15% a complexity factor, 1% unsupervised, 20% a completed needs assessment;
registration dates spread over three years, so few people share identical inputs), then times:

1. the first run, which stores a calculation for every person and sets every ``Person.tier``;
2. a second run, which must write nothing (idempotent): the steady-state cost of a nightly run.

    DATABASE_URL=postgres://postgres@127.0.0.1:55432/openprobation_bench \\
        .venv/bin/python bench/bench_tiers.py --seed-inputs

With ``--seed-inputs`` it also replaces every event, sentence, requirement, licence, breach and recall
(and, by cascade, contacts) with a national mix: 85% of people have a current sentence (55% an order
with one to three requirements drawn from every type, 20% custodial with a licence, 10% post-sentence
supervision or a suspended order), 40% also have one to two past sentences, 3% a breach and 2% a
recall referred in the last two years, with every status.

The database must be migrated; **it replaces every stored tier** (and, with ``--seed-inputs``, every
registration, assessment and sentence record). Results go to ``bench/results/tiers-<timestamp>.json``.
"""

import argparse
import datetime as dt
import json
import os
import platform
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402

from probation.accounts.models import Staff, User  # noqa: E402
from probation.assessments.models import Assessment, AssessmentStatus  # noqa: E402
from probation.core.clock import today_uk  # noqa: E402
from probation.enforcement.models import Breach, Recall  # noqa: E402
from probation.people.models import Person  # noqa: E402
from probation.risk.models import Registration  # noqa: E402
from probation.rules.enforcement.transitions import BreachStatus, RecallStatus  # noqa: E402
from probation.rules.sentences.requirements import RequirementType  # noqa: E402
from probation.sentences.models import Event, Licence, Requirement, Sentence  # noqa: E402
from probation.tiers.models import TierCalculation  # noqa: E402
from probation.tiers.services.bulk import DEFAULT_BATCH_SIZE, tier_recalculate_all  # noqa: E402

TARGET_SECONDS = 30.0
START = dt.date(2023, 1, 1)
ANSWERS = ("none", "some", "significant")


_SQLITE_INPUT_TABLES = (
    "safeguarding_childrenservicescheck",
    "safeguarding_safeguardingreferral",
    "risk_registrationreview",
    "risk_registration",
    "assessments_assessmentchange",
    "assessments_assessment",
)


def _date(rng: random.Random) -> dt.date:
    return START + dt.timedelta(days=rng.randrange(3 * 365))


def seed_inputs(seed: int) -> dict[str, int]:
    """Replace registrations and assessments with a synthetic national mix (see the module doc)."""
    rng = random.Random(seed)
    staff = Staff.objects.order_by("pk").first()
    user = User.objects.order_by("pk").first()
    registrations: list[Registration] = []
    assessments: list[Assessment] = []
    now = dt.datetime.now(dt.UTC)
    for person_id in Person.objects.order_by("pk").values_list("pk", flat=True).iterator(chunk_size=10_000):
        roll = rng.random()

        def add(code: str, person_id: int = person_id, **extra: str) -> None:
            registrations.append(
                Registration(
                    person_id=person_id,
                    register_type=code,
                    registered_on=_date(rng),
                    registering_officer=staff,
                    **extra,
                )
            )

        if roll < 0.30:
            add(rng.choice(("RLRH", "RMRH", "RMRH", "RHRH", "RVHR")))
        if rng.random() < 0.05:
            add("MAPP", category=rng.choice(("M1", "M2", "M3")), level=rng.choice(("M1", "M1", "M2", "M3")))
        if rng.random() < 0.15:
            add(rng.choice(("RMDO", "ALSH", "RVLN", "RCCO", "STRG")))
        if rng.random() < 0.01:
            add("PRC")
        if rng.random() < 0.20:
            answers = {
                "accommodation": {"suitability": rng.choice(ANSWERS), "permanence": rng.choice(ANSWERS)},
                "thinking_behaviour": {"problem_solving": rng.choice(ANSWERS)},
                "womens_factors": {"parenting_responsibilities": rng.choice(("yes", "no"))},
            }
            assessments.append(
                Assessment(
                    person_id=person_id,
                    status=AssessmentStatus.COMPLETED,
                    answers=answers,
                    started_by=user,
                    started_at=now,
                    completed_by=user,
                    completed_at=now,
                )
            )
    with transaction.atomic():
        with connection.cursor() as cursor:  # generated data has no reviews or changes; no cascade walk
            if connection.vendor == "postgresql":
                cursor.execute(
                    "TRUNCATE risk_registrationreview, risk_registration, assessments_assessmentchange, "
                    "assessments_assessment CASCADE"  # and safeguarding checks linked to registrations
                )
            else:  # SQLite (a quick local profile): the cascade done by hand
                for table in _SQLITE_INPUT_TABLES:
                    cursor.execute(f"DELETE FROM {table}")  # noqa: S608 (constant table names)
        Registration.objects.bulk_create(registrations, batch_size=5000)
        Assessment.objects.bulk_create(assessments, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"registrations": len(registrations), "assessments": len(assessments)}


def _sentence(rng: random.Random, person_id: int, number: int, user: User, sentence_type: str, past: bool):
    sentence_date = _date(rng)
    event = Event(
        person_id=person_id,
        number=number,
        conviction_date=sentence_date,
        court="Bench Court",
        created_by=user,
    )
    sentence = Sentence(
        person_id=person_id,
        type=sentence_type,
        sentence_date=sentence_date,
        start_date=sentence_date,
        length_months=12,
        custodial_months=12 if sentence_type in ("custodial", "suspended_sentence_order") else None,
        terminated_on=sentence_date + dt.timedelta(days=rng.randrange(30, 365)) if past else None,
        termination_reason="completed" if past else "",
    )
    return event, sentence


def seed_sentences(seed: int) -> dict[str, int]:
    """Replace sentence and enforcement records with a national mix (see the module doc)."""
    rng = random.Random(seed + 1)
    user = User.objects.order_by("pk").first()
    pairs: list[
        tuple[Event, Sentence, list[str], str]
    ] = []  # event, sentence, requirement types, enforcement
    requirement_types = [t.value for t in RequirementType]
    for person_id in Person.objects.order_by("pk").values_list("pk", flat=True).iterator(chunk_size=10_000):
        number = 0
        for _ in range(rng.choice((1, 1, 2)) if rng.random() < 0.4 else 0):
            number += 1
            pairs.append((*_sentence(rng, person_id, number, user, "community_order", past=True), [], ""))
        roll = rng.random()
        if roll < 0.85:
            number += 1
            if roll < 0.55:
                kind = "community_order"
                types = rng.sample(requirement_types, rng.choice((1, 1, 2, 3)))
            elif roll < 0.75:
                kind, types = "custodial", []
            else:
                kind = rng.choice(("post_sentence_supervision", "suspended_sentence_order"))
                types = rng.sample(requirement_types, 1) if kind == "suspended_sentence_order" else []
            enforcement = ""
            if kind != "custodial" and rng.random() < 0.035:
                enforcement = "breach"
            elif kind == "custodial" and rng.random() < 0.1:
                enforcement = "recall"
            pairs.append((*_sentence(rng, person_id, number, user, kind, past=False), types, enforcement))
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE sentences_event CASCADE")
        events = Event.objects.bulk_create([p[0] for p in pairs], batch_size=5000)
        for event, (_, sentence, _, _) in zip(events, pairs, strict=True):
            sentence.event_id = event.pk
        sentences = Sentence.objects.bulk_create([p[1] for p in pairs], batch_size=5000)
        requirements = [
            Requirement(
                sentence_id=sentence.pk,
                type=t,
                ordered={"unpaid_work": 100, "curfew": 8}.get(t, 10) if t not in _NO_AMOUNT else None,
                start_date=sentence.start_date,
                terminated_on=sentence.start_date + dt.timedelta(days=60) if rng.random() < 0.1 else None,
            )
            for sentence, (_, _, types, _) in zip(sentences, pairs, strict=True)
            for t in types
        ]
        for requirement in requirements:
            requirement.termination_reason = "completed" if requirement.terminated_on else ""
        Requirement.objects.bulk_create(requirements, batch_size=5000)
        breaches, recalls = _enforcement(rng, user, sentences, pairs)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "sentences": len(sentences),
        "requirements": len(requirements),
        "breaches": breaches,
        "recalls": recalls,
    }


_NO_AMOUNT = {
    "prohibited_activity",
    "exclusion",
    "residence",
    "foreign_travel_prohibition",
    "mental_health_treatment",
    "drug_rehabilitation",
    "alcohol_treatment",
    "alcohol_abstinence_monitoring",
    "attendance_centre",
    "electronic_monitoring",
}


def _enforcement(rng: random.Random, user: User, sentences: list, pairs: list) -> tuple[int, int]:
    today = today_uk()
    breaches: list[Breach] = []
    licences: list[Licence] = []
    recall_facts: list[tuple[Sentence, dt.date, str]] = []
    for sentence, (_, _, _, enforcement) in zip(sentences, pairs, strict=True):
        referred = today - dt.timedelta(days=rng.randrange(730))
        if enforcement == "breach":
            status = rng.choice(list(BreachStatus))
            concluded = status not in (BreachStatus.INITIATED, BreachStatus.PACK_SENT_TO_COURT)
            breaches.append(
                Breach(
                    sentence_id=sentence.pk,
                    person_id=sentence.person_id,
                    status=status,
                    initiated_on=max(referred, sentence.sentence_date),
                    initiated_by=user,
                    ended_on=max(referred, sentence.sentence_date) if concluded else None,
                )
            )
        elif enforcement == "recall":
            licences.append(
                Licence(sentence_id=sentence.pk, supervision="licence", release_date=sentence.start_date)
            )
            recall_facts.append((sentence, referred, rng.choice(list(RecallStatus))))
    Breach.objects.bulk_create(breaches, batch_size=5000)
    licences = Licence.objects.bulk_create(licences, batch_size=5000)
    decided = {RecallStatus.RECALL_DECIDED, RecallStatus.RETURNED_TO_CUSTODY, RecallStatus.RE_RELEASED}
    Recall.objects.bulk_create(
        [
            Recall(
                sentence_id=sentence.pk,
                licence_id=licence.pk,
                person_id=sentence.person_id,
                status=status,
                started_by=user,
                started_on=referred,
                decision="recall" if status in decided else "",
                recall_type="standard" if status in decided else "",
            )
            for licence, (sentence, referred, status) in zip(licences, recall_facts, strict=True)
        ],
        batch_size=5000,
    )
    return len(breaches), len(recall_facts)


def run(batch_size: int, workers: int | None) -> dict[str, float | int]:
    result = tier_recalculate_all(batch_size=batch_size, workers=workers)
    return {
        "seconds": round(result.seconds, 2),
        "people": result.people,
        "calculations_written": result.calculations_written,
        "tiers_updated": result.tiers_updated,
        "batches": result.batches,
        "people_per_second": round(result.people / result.seconds) if result.seconds else 0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument(
        "--seed-inputs", action="store_true", help="replace registrations and assessments first"
    )
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="worker processes on PostgreSQL (default: one per CPU, at most 4)",
    )
    args = parser.parse_args()

    seeded = {}
    if args.seed_inputs:
        started = time.perf_counter()
        seeded = seed_inputs(args.seed) | seed_sentences(args.seed)
        seeded["seconds"] = round(time.perf_counter() - started, 1)
        print(
            f"Seeded {seeded['registrations']:,} registrations, {seeded['assessments']:,} assessments, "
            f"{seeded['sentences']:,} sentences, {seeded['requirements']:,} requirements, "
            f"{seeded['breaches']:,} breaches, {seeded['recalls']:,} recalls"
        )
    # Start from no stored tiers, so the first run is the full national calculation.
    TierCalculation.objects.all().delete()
    Person.objects.exclude(tier="").update(tier="")

    first = run(args.batch_size, args.workers)
    second = run(args.batch_size, args.workers)
    report = {
        "when": dt.datetime.now(dt.UTC).isoformat(),
        "database": connection.vendor,
        "server_version": getattr(connection, "pg_version", None),
        "python": platform.python_version(),
        "django": django.get_version(),
        "batch_size": args.batch_size,
        "workers": args.workers,
        "cpus": os.cpu_count(),
        "seeded": seeded,
        "first_run": first,
        "second_run": second,
        "target_seconds": TARGET_SECONDS,
    }
    for name, figures in (("First run (stores every tier)", first), ("Second run (no changes)", second)):
        verdict = "PASS" if figures["seconds"] <= TARGET_SECONDS else "FAIL"
        print(
            f"{name}: {figures['people']:,} people in {figures['seconds']} s "
            f"({figures['people_per_second']:,}/s), {figures['calculations_written']:,} calculations "
            f"written, {figures['tiers_updated']:,} tiers updated: {verdict} (≤ {TARGET_SECONDS:.0f} s)"
        )
    out = ROOT / "bench" / "results" / f"tiers-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"Written {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

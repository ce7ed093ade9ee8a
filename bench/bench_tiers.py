"""Time the national tier recalculation (``manage.py tier_recalculate_all``) on a loaded database.

Issue 4 item 7's target: all 250,000 people in 30 s or less on PostgreSQL. The generated data has no
registrations or assessments, so ``--seed-inputs`` first adds some (about 30% of people get a RoSH
registration, 5% MAPPA, 15% a complexity factor, 1% unsupervised, 20% a completed needs assessment;
registration dates spread over three years, so few people share identical inputs), then times:

1. the first run, which stores a calculation for every person and sets every ``Person.tier``;
2. a second run, which must write nothing (idempotent): the steady-state cost of a nightly run.

    DATABASE_URL=postgres://postgres@127.0.0.1:55432/openprobation_bench \\
        .venv/bin/python bench/bench_tiers.py --seed-inputs

The database must be migrated; **it replaces every stored tier** (and, with ``--seed-inputs``, every
registration and assessment). Results go to ``bench/results/tiers-<timestamp>.json``.
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
from probation.people.models import Person  # noqa: E402
from probation.risk.models import Registration  # noqa: E402
from probation.tiers.models import TierCalculation  # noqa: E402
from probation.tiers.services.bulk import DEFAULT_BATCH_SIZE, tier_recalculate_all  # noqa: E402

TARGET_SECONDS = 30.0
START = dt.date(2023, 1, 1)
ANSWERS = ("none", "some", "significant")


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
            cursor.execute(
                "TRUNCATE risk_registrationreview, risk_registration, assessments_assessmentchange, "
                "assessments_assessment"
            )
        Registration.objects.bulk_create(registrations, batch_size=5000)
        Assessment.objects.bulk_create(assessments, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"registrations": len(registrations), "assessments": len(assessments)}


def run(batch_size: int) -> dict[str, float | int]:
    result = tier_recalculate_all(batch_size=batch_size)
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
    args = parser.parse_args()

    seeded = {}
    if args.seed_inputs:
        started = time.perf_counter()
        seeded = seed_inputs(args.seed) | {"seconds": round(time.perf_counter() - started, 1)}
        print(f"Seeded {seeded['registrations']:,} registrations, {seeded['assessments']:,} assessments")
    # Start from no stored tiers, so the first run is the full national calculation.
    TierCalculation.objects.all().delete()
    Person.objects.exclude(tier="").update(tier="")

    first = run(args.batch_size)
    second = run(args.batch_size)
    report = {
        "when": dt.datetime.now(dt.UTC).isoformat(),
        "database": connection.vendor,
        "server_version": getattr(connection, "pg_version", None),
        "python": platform.python_version(),
        "django": django.get_version(),
        "batch_size": args.batch_size,
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
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"Written {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

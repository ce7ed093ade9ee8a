"""Seed the published national default weightings (workload.md) as reference data in force from
1 January 2000, so every date the service holds records for has weightings. A later change is a new
row with its own effective date (ADR 0031); this migration's rows are never edited."""

import datetime as dt

from django.db import migrations

EFFECTIVE_FROM = dt.date(2000, 1, 1)
SOURCE = "workload.md: published national default weightings"

# tier: (community, custody, licence)
CASES = {
    "A3": (206, 75, 219),
    "A2": (158, 60, 175),
    "A1": (146, 59, 163),
    "A0": (110, 0, 0),
    "B3": (146, 59, 161),
    "B2": (115, 48, 132),
    "B1": (102, 47, 119),
    "B0": (72, 0, 0),
    "C3": (79, 30, 77),
    "C2": (63, 24, 65),
    "C1": (50, 23, 52),
    "C0": (35, 0, 0),
    "D3": (51, 17, 51),
    "D2": (41, 14, 43),
    "D1": (29, 13, 31),
    "D0": (29, 0, 0),
}
REPORTS = {"standard_psr": 138, "fast_psr": 65, "parole": 120}


def seed(apps, schema_editor):
    CaseWeighting = apps.get_model("workload", "CaseWeighting")
    ReportWeighting = apps.get_model("workload", "ReportWeighting")
    CaseWeighting.objects.bulk_create(
        CaseWeighting(tier=tier, case_type=case_type, points=points, effective_from=EFFECTIVE_FROM, source=SOURCE)
        for tier, row in CASES.items()
        for case_type, points in zip(("community", "custody", "licence"), row, strict=True)
    )
    ReportWeighting.objects.bulk_create(
        ReportWeighting(report_type=kind, points=points, effective_from=EFFECTIVE_FROM, source=SOURCE)
        for kind, points in REPORTS.items()
    )


def unseed(apps, schema_editor):
    apps.get_model("workload", "CaseWeighting").objects.filter(
        effective_from=EFFECTIVE_FROM, source=SOURCE
    ).delete()
    apps.get_model("workload", "ReportWeighting").objects.filter(
        effective_from=EFFECTIVE_FROM, source=SOURCE
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("workload", "0001_weightings_and_reductions")]

    operations = [migrations.RunPython(seed, unseed)]

"""Data: set Person.rosh_level from each person's active RoSH registration, so caseloads and the
allocation guard are right for cases registered before RoSH assessments existed (ADR 0009)."""

from django.db import migrations

LEVEL_FOR_REGISTER = {"RVHR": "very_high", "RHRH": "high", "RMRH": "medium", "RLRH": "low"}


def backfill(apps, schema_editor):
    Registration = apps.get_model("risk", "Registration")
    Person = apps.get_model("people", "Person")
    for code, level in LEVEL_FOR_REGISTER.items():
        people = Registration.objects.filter(register_type=code, deregistered_on__isnull=True).values("person_id")
        Person.objects.filter(pk__in=people).update(rosh_level=level)


class Migration(migrations.Migration):
    dependencies = [
        ("risk", "0002_rosh_assessments_and_risk_management_plans"),
        ("people", "0002_person_rosh_level_and_supporting_officers"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]

"""Record the rule each recall decided so far was decided under.

Every recall decided before this change was checked by the 14/28-day rule (the only one the system
knew), so that is the rule it keeps: its fixed term is the one its re-release date was counted with, or
14/28 days by its sentence's length when it has not been returned to custody yet. The rule keys are
written out here (a migration must not depend on code that may change).
"""

from django.db import migrations

BEFORE_56_DAY_RECALL = "recall_fixed_term_14_28"


def backfill(apps, schema_editor):
    Recall = apps.get_model("enforcement", "Recall")
    for recall in Recall.objects.exclude(decision="").select_related("sentence").iterator():
        recall.rule_version = BEFORE_56_DAY_RECALL
        if recall.recall_type == "fixed_term":
            if recall.re_release_due_on and recall.returned_to_custody_on:
                recall.fixed_term_days = (recall.re_release_due_on - recall.returned_to_custody_on).days
            else:
                months = recall.sentence.custodial_months or recall.sentence.length_months or 0
                recall.fixed_term_days = 14 if months < 12 else 28
        recall.save(update_fields=["rule_version", "fixed_term_days"])


def clear(apps, schema_editor):
    apps.get_model("enforcement", "Recall").objects.update(rule_version="", fixed_term_days=None)


class Migration(migrations.Migration):
    dependencies = [("enforcement", "0002_recall_rule_version")]

    operations = [migrations.RunPython(backfill, clear)]

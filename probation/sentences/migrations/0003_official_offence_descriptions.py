"""Offences recorded before issue 10 item 7 carry a description made up from their OGRS3 and SNSV
categories ("Violence – Violence against the person (code 09002)"). Replace it with the official Home
Office description of the code (probation.rules.offences), or "Offence code 12345 (no official
description)". One pass in primary-key pages, writing only rows that change; going back leaves the
official descriptions in place (the made-up ones are not worth restoring)."""

from django.db import migrations

from probation.rules.offences.descriptions import offence_label

PAGE = 2000


def official_descriptions(apps, schema_editor):
    EventOffence = apps.get_model("sentences", "EventOffence")
    last = 0
    while True:
        page = list(EventOffence.objects.filter(id__gt=last).order_by("id").only("id", "ho_code", "description")[:PAGE])
        if not page:
            return
        last = page[-1].id
        changed = []
        for offence in page:
            label = offence_label(offence.ho_code)
            if offence.description != label:
                offence.description = label
                changed.append(offence)
        EventOffence.objects.bulk_update(changed, ["description"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("sentences", "0002_eventoffence_description_text")]

    operations = [migrations.RunPython(official_descriptions, migrations.RunPython.noop)]

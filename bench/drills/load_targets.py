"""The load test's targets: the demo PO's cases and their sentences, as JSON on stdout."""

import json

import django

django.setup()

from probation.accounts.models import User  # noqa: E402
from probation.people.models import Person  # noqa: E402
from probation.sentences.models import Sentence  # noqa: E402

po = User.objects.get(username="po")
crns = list(Person.objects.filter(officer=po.staff).order_by("crn").values_list("crn", flat=True)[:300])
sentences = [
    f"/cases/{crn}/sentences/{pk}"
    for pk, crn in Sentence.objects.filter(person__crn__in=crns).values_list("pk", "person__crn")[:600]
]
other = list(Person.objects.exclude(crn__in=crns).order_by("?").values_list("crn", flat=True)[:300])
print(json.dumps({"crns": crns, "sentences": sentences, "other_crns": other}))

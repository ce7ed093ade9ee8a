#!/usr/bin/env python
"""Save the HTML of a fixed set of pages, to check a change leaves the markup byte-identical.

The clock is fixed (``--at``, default today at 12:00 UTC: appointments pass, so pages change with the
time of day) and the per-request CSRF token and CSP nonce are blanked. Run it from each checkout
against the same database, then compare the two directories:

    DATABASE_URL=postgres://... .venv/bin/python bench/snapshot_pages.py /tmp/before   # in the old checkout
    DATABASE_URL=postgres://... .venv/bin/python bench/snapshot_pages.py /tmp/after    # in the new one
    diff -r /tmp/before /tmp/after

Pages: as the demo PO, every case overview of their caseload, five personal details, sentence pages
and contact logs, the heavy case, My work, caseload, search, the diary and needs an outcome; as the
senior PO, Decisions, unallocated, team work and workload; a few pages of the court officer, the
partner and the system administrator. Viewing pages writes audit rows, which no page here shows.
"""

import datetime as dt
import os
import re
import sys
import warnings
from pathlib import Path

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
warnings.filterwarnings("ignore", message="No directory at")

import django.utils.timezone  # noqa: E402

_at = sys.argv[2] if len(sys.argv) > 2 else f"{dt.date.today().isoformat()}T12:00:00+00:00"  # noqa: DTZ011
FIXED = dt.datetime.fromisoformat(_at)
django.utils.timezone.now = lambda: FIXED  # before any module binds it

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402

from probation.accounts.models import User  # noqa: E402
from probation.people.models import Person  # noqa: E402
from probation.sentences.models import Sentence  # noqa: E402

settings.SEARCH_RATES = ("1000000/m",)
PER_REQUEST = [
    (re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"'), 'name="csrfmiddlewaretoken" value="X"'),
    (re.compile(r'nonce="[^"]+"'), 'nonce="X"'),
]


def pages() -> dict[str, list[str]]:
    po = User.objects.select_related("staff").get(username="po")
    crns = list(Person.objects.filter(officer=po.staff).order_by("crn").values_list("crn", flat=True))
    sentences = list(
        Sentence.objects.filter(person__crn__in=crns).order_by("id").values_list("person__crn", "id")[:6]
    )
    return {
        "po": ["/search", "/search?q=smith", "/cases/mine", "/work", "/contacts/outstanding", "/diary", "/"]
        + [f"/cases/{crn}/" for crn in crns]
        + [f"/cases/{crn}/personal-details" for crn in crns[:5]]
        + [f"/cases/{crn}/sentences/{pk}" for crn, pk in sentences]
        + [f"/cases/{crn}/contacts" for crn in crns[:5]],
        "spo": ["/work/decisions", "/work/unallocated", "/work/team", "/workload/team", "/cases/mine"]
        + [f"/cases/{crn}/" for crn in crns[:5]],
        "court": ["/search"],
        "partner": ["/cases/shared"],
        "sysadmin": ["/users"],
    }


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    backend = next(b for b in settings.AUTHENTICATION_BACKENDS if not b.startswith("axes."))
    count = 0
    for username, urls in pages().items():
        client = Client()
        client.force_login(User.objects.get(username=username), backend=backend)
        for url in urls:
            response = client.get(url)
            body = response.content.decode()
            for pattern, replacement in PER_REQUEST:
                body = pattern.sub(replacement, body)
            name = f"{username}{url}".replace("/", "_").replace("?", "Q")
            (out / f"{name}.html").write_text(f"status {response.status_code}\n{body}")
            count += 1
    print(f"{count} pages in {out} (clock fixed at {FIXED.isoformat()})")


if __name__ == "__main__":
    main()

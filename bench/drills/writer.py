"""One of the crash drill's writers: records case notes through the service (each with its audit
entry, in one transaction) as the demo PO, and appends the id of every write the service
acknowledged (the commit returned) to a file, synced to disk before the next write begins.

    python bench/drills/writer.py ACKED_FILE STOP_FILE SECONDS
"""

import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

import django

django.setup()

from django.db import Error, connections  # noqa: E402

from probation.accounts.models import User  # noqa: E402
from probation.audit.services import AuditWriteError  # noqa: E402
from probation.contacts.services.appointments import contact_record  # noqa: E402
from probation.core.clock import now  # noqa: E402
from probation.people.models import Person  # noqa: E402


def main() -> None:
    acked_path, stop_path, seconds = sys.argv[1], Path(sys.argv[2]), float(sys.argv[3])
    deadline = time.monotonic() + seconds
    while True:  # the database may be restarting when a writer starts
        try:
            po = User.objects.get(username="po")
            crns = list(Person.objects.filter(officer=po.staff).values_list("crn", flat=True)[:200])
            break
        except Error as error:
            print(f"waiting for the database: {error}", file=sys.stderr)
            connections.close_all()
            time.sleep(0.2)
    Path(acked_path).touch()  # this writer is ready
    rng = random.Random(os.getpid())
    failed = 0
    with open(acked_path, "a", encoding="utf-8") as acked:
        while not stop_path.exists() and time.monotonic() < deadline:
            try:
                contact = contact_record(
                    actor=po,
                    crn=rng.choice(crns),
                    type_code="case_note",
                    starts_at=now() - dt.timedelta(minutes=1),
                    notes=f"Crash drill write by process {os.getpid()}",
                )
            except (Error, AuditWriteError):
                failed += 1  # not acknowledged: the database went away mid-write
                connections.close_all()
                time.sleep(0.1)
                continue
            acked.write(f"{contact.pk}\n")
            acked.flush()
            os.fsync(acked.fileno())
    print(f"failed={failed}", file=sys.stderr)


if __name__ == "__main__":
    main()

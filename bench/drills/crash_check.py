"""The crash drill's check: every acknowledged write is in the database with its audit entry.

python bench/drills/crash_check.py ACKED_FILE...
"""

import sys

import django

django.setup()

from probation.audit.models import AuditEvent  # noqa: E402
from probation.contacts.models import Contact  # noqa: E402


def main() -> int:
    acked: set[int] = set()
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as lines:
            acked.update(int(line) for line in lines if line.strip())
    present = set(Contact.objects.filter(pk__in=acked).values_list("pk", flat=True))
    audited = {
        int(object_id)
        for object_id in AuditEvent.objects.filter(
            object_type="contact", object_id__in=[str(pk) for pk in acked]
        ).values_list("object_id", flat=True)
    }
    missing, unaudited = acked - present, acked - audited
    print(
        f"acknowledged writes: {len(acked)}; present: {len(present)}; with their audit entry: {len(audited)}"
    )
    if missing or unaudited:
        print(
            f"FAIL: missing contacts {sorted(missing)[:20]}, missing audit entries {sorted(unaudited)[:20]}"
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

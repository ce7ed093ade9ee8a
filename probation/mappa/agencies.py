"""The agencies that attend MAPPA meetings and own their actions (issue 4 item 5: a fixed list).

Values are the names themselves, so a partner user's agency (``User.agency``, e.g. "Police") is
compared with an action's owner agency directly (case-insensitively) and the audit and change
history read without a lookup.
"""

OTHER = "Other"

AGENCIES: tuple[str, ...] = (
    "Probation",
    "Police",
    "Prisons",
    "Children's services",
    "Adult social care",
    "Health",
    "Mental health",
    "Housing",
    "Youth justice",
    "Jobcentre Plus",
    OTHER,
)
AGENCY_CHOICES = [(name, name) for name in AGENCIES]

"""The categories each measure counts, in display order, with their labels (for the pages and CSV).
Flow measures count what happened in each month; stock measures count the caseload at the run date
(a month's row is rewritten each night, so history builds up month by month)."""

from probation.insights.models import Measure
from probation.rules.tiering.inputs import NeedSection
from probation.rules.tiering.tables import NEED_SECTIONS

ASSESSED = "assessed"
APPOINTMENTS = "appointments"
FAILURES = "failures"
INITIATED = "initiated"
UNTIERED = "untiered"
OTHER_OFFENCE = "Other or not known"

FLOW_MEASURES = (Measure.COMPLIANCE, Measure.ENFORCEMENT, Measure.BREACH, Measure.RECALL, Measure.ENDED)
# Reconstructed for every month from sentence dates.
HISTORY_MEASURES = (Measure.CASELOAD_SENTENCE,)
# Only known as they stand today.
SNAPSHOT_MEASURES = (Measure.CASELOAD_TIER, Measure.OFFENCE_GROUP, Measure.NEEDS)

SENTENCE_TYPES = {
    "community_order": "Community order",
    "suspended_sentence_order": "Suspended sentence order",
    "custodial": "Custodial sentence (in custody or on licence)",
    "post_sentence_supervision": "Post-sentence supervision",
}
NEEDS = {section.value: NEED_SECTIONS[section].title for section in NeedSection}
COMPLIANCE = {APPOINTMENTS: "Appointments with an outcome", FAILURES: "Failures to comply"}
RECALL_REASONS = {
    "further_offence": "Charged with a further offence",
    "licence_conditions": "Breach of licence conditions (no further offence)",
}
BREACH_OUTCOMES = {
    INITIATED: "Breaches initiated",
    "proven_order_continues": "Proven: order continues",
    "proven_order_amended": "Proven: order amended",
    "proven_revoked_and_resentenced": "Proven: revoked and re-sentenced",
    "proven_committed_to_custody": "Proven: committed to custody",
    "proven_fined": "Proven: fined",
    "not_proven": "Not proven",
    "withdrawn": "Withdrawn",
}
# Decided enforcement actions, by what was decided (open ones are not yet an outcome).
ENFORCEMENT = {
    "first_warning_sent": "First warning",
    "second_warning_sent": "Second warning",
    "breach_or_recall_initiated": "Breach or recall initiated",
    "no_further_action": "No further action",
    "warning_withdrawn": "Warning withdrawn",
}
TERMINATION_REASONS = {
    "completed": "completed",
    "early_good_progress": "terminated early for good progress",
    "licence_expired": "licence expired",
    "revoked": "revoked",
    "revoked_breach": "revoked following breach",
    "resentenced": "revoked and re-sentenced",
    "deceased": "person died",
    "transferred": "transferred",
    "other": "other",
}
ENDED = {
    f"{kind}:{reason}": f"{kind_label}: {label}"
    for kind, kind_label in (("order", "Orders"), ("licence", "Licences"))
    for reason, label in TERMINATION_REASONS.items()
}

"""A planned sentence as rows: the event and its offences, the sentence, its requirements and any
licence with its conditions, stamped with the conviction date."""

import datetime as dt

from probation.demo.case_history.state import at
from probation.demo.case_history.timeline import SentencePlan


def sentence_rows_add(
    rows: dict[str, list], plan: SentencePlan, *, person_id: int, created_by: int, today: dt.date
) -> None:
    """Appends the sentence's rows; requirements carry the progress its contacts credited."""
    stamp = at(plan.conviction_date, 12)
    rows["event"].append(
        [
            plan.event_id,
            person_id,
            plan.number,
            plan.conviction_date,
            plan.court,
            created_by,
            stamp,
            stamp,
            1,
        ]
    )
    for code, description, day, main, counts in plan.offences:
        rows["eventoffence"].append([plan.event_id, code, description, day, main, counts])
    rows["sentence"].append(
        [
            plan.id,
            plan.event_id,
            person_id,
            plan.type,
            plan.kind,
            plan.start,
            plan.length_months,
            plan.custodial_months,
            plan.start,
            plan.expected_end,
            plan.terminated_on,
            plan.termination_reason,
            plan.last_breach_ended_on,
            stamp,
            stamp,
            1,
        ]
    )
    for req in plan.requirements:
        ended, reason = None, ""
        tracked = req.ordered is not None and req.type in (
            "unpaid_work",
            "rehabilitation_activity",
            "accredited_programme",
        )
        finished = tracked and req.done >= (req.ordered or 0)
        if plan.terminated_on is not None:
            ended = min(req.end or plan.terminated_on, plan.terminated_on)
            reason = "completed" if finished or (not tracked and ended == req.end) else "order_ended"
        elif finished and req.last_credit is not None:
            ended, reason = req.last_credit, "completed"
        elif not tracked and req.end is not None and req.end < today:
            ended, reason = req.end, "completed"
        rows["requirement"].append(
            [
                req.id,
                plan.id,
                req.type,
                req.ordered,
                req.done,
                req.start,
                req.end,
                req.details,
                req.electronic_monitoring,
                ended,
                reason,
                stamp,
                stamp,
                1,
            ]
        )
    licence = plan.licence
    if licence is not None:
        rows["licence"].append(
            [
                licence.id,
                plan.id,
                licence.supervision,
                licence.release,
                licence.release,
                licence.licence_expiry,
                licence.sentence_expiry,
                licence.pss_end,
                licence.top_up_end,
                licence.prison,
                stamp,
                stamp,
                1,
            ]
        )
        for ordinal, (condition_id, kind, category, text) in enumerate(licence.conditions, start=1):
            rows["licencecondition"].append(
                [
                    condition_id,
                    licence.id,
                    kind,
                    category,
                    text,
                    licence.release,
                    None,
                    ordinal,
                    stamp,
                    stamp,
                    1,
                ]
            )

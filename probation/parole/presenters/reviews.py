"""Display of parole reviews and governors' reports: the timetable, the hearing and decision with the
reconsideration window, and what the report still lacks."""

import datetime as dt
from typing import Any

from probation.parole.models import GovernorReport, ParoleReview
from probation.rules.parole.timetable import (
    decision_expected_by,
    reconsideration_open,
    review_timetable,
)


def _day(day: dt.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else ""


def review_rows(review: ParoleReview, *, today: dt.date) -> list[tuple[str, str]]:
    rows = [
        ("Target date", _day(review.target_on)),
        ("Review starts", _day(review.review_starts_on)),
        (
            "PAROM1 due",
            _day(review.report_due_on)
            + (" (overdue)" if not review.is_signed and review.report_due_on < today else ""),
        ),
        ("Author", str(review.author)),
        ("Report", "Signed " + _day(review.signed_at.date()) if review.signed_at else "Draft"),
    ]
    if review.hearing_on:
        rows.append(("Hearing", f"{_day(review.hearing_on)}, {review.get_hearing_type_display()}"))
        if not review.decision:
            rows.append(("Decision expected by", _day(decision_expected_by(review.hearing_on))))
    if review.decision:
        rows.append(("Decision", f"{review.get_decision_display()} on {_day(review.decided_on)}"))
    if review.reconsideration_ends_on and review.decided_on:
        state = "open" if reconsideration_open(review.decided_on, today) else "closed"
        rows.append(("Reconsideration window", f"Until {_day(review.reconsideration_ends_on)} ({state})"))
    return rows


def timetable_steps(review: ParoleReview) -> tuple[str, ...]:
    return review_timetable(target_on=review.target_on, requested_on=review.requested_on).steps


def governor_rows(report: GovernorReport, *, today: dt.date) -> list[tuple[str, str]]:
    overdue = " (overdue)" if report.status == "draft" and report.due_on < today else ""
    rows = [
        ("Requested", _day(report.requested_on)),
        ("Due", _day(report.due_on) + overdue),
        ("Author", str(report.author)),
        ("Status", report.get_status_display()),
    ]
    if report.recommendation:
        rows.append(("Recommendation", report.get_recommendation_display()))
    if report.vlo_consulted_on:
        rows.append(("VLO consulted", _day(report.vlo_consulted_on)))
    return rows


def governor_text(report: GovernorReport) -> list[tuple[str, Any]]:
    return [
        (label, text)
        for label, text in (
            ("Risk view", report.risk_view),
            ("Conditions proposed", report.conditions),
            ("Reasons", report.reasons),
        )
        if text
    ]

"""Periodic case review demo data (issue 17 item 5): a history of completed reviews with managers'
oversight notes for most people under supervision long enough to have had one, a few recorded and
waiting for the manager, then the nightly sweep's raising of the reviews now due (some overdue), so
My work, Decisions and a case's review history all have something to show.

Rows are written in bulk, by the person's officer's user and their team's manager's; no audit rows
(demo fixtures, as the case history). Running it again adds nothing for people who already have a
review."""

import datetime as dt
from collections.abc import Callable
from random import Random

from probation.accounts.models import Role, User
from probation.people.models import Person
from probation.worklists.case_reviews.services import case_reviews_sweep, supervision_starts
from probation.worklists.models import CaseReview, OversightOutcome, ReviewStatus

PROGRESS = (
    "Engaging well with appointments and has started work on the goals in the plan.",
    "Slow progress: has not yet taken up the housing referral.",
    "Completed the first block of toolkit sessions; now applying for jobs.",
    "Little progress: missed several appointments early on, better since the warning.",
)
COMPLIANCE = (
    "All appointments kept.",
    "One unacceptable absence, warning given; compliant since.",
    "Two acceptable absences (illness, with evidence); otherwise compliant.",
)
RISK = (
    "No change in risk of serious harm.",
    "New partner: domestic abuse enquiry made with the police.",
    "Drug use reduced; risk to the public lower but still medium.",
)
NEXT_STEPS = (
    "Fortnightly appointments; review the plan at the next appointment.",
    "Weekly appointments for a month, then fortnightly; chase the referral.",
    "Continue as planned; three-way meeting with the key worker next month.",
)
NOTES = (
    "Agreed. Good, well evidenced review.",
    "Agreed; make sure the housing referral is followed up before the next review.",
    "Actions: update the risk management plan and discuss the case at supervision.",
)


def _between(random: Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=random.randint(0, max(0, (end - start).days)))


def generate(*, today: dt.date, log: Callable[[str], None], seed: int = 42) -> None:
    random = Random(seed)  # noqa: S311 - demo data
    now = dt.datetime.combine(today, dt.time(6), tzinfo=dt.UTC)
    starts = supervision_starts(today=today)
    already = set(CaseReview.objects.values_list("person_id", flat=True))
    user_of = dict(User.objects.filter(staff__isnull=False).values_list("staff_id", "id"))
    manager_of = dict(
        User.objects.filter(role=Role.SENIOR_PO, staff__isnull=False).values_list("staff__team_id", "id")
    )
    reviews: list[CaseReview] = []
    people = Person.objects.filter(officer__isnull=False).values_list("id", "officer_id", "team_id")
    for person_id, officer_id, team_id in people.iterator(chunk_size=2000):
        start = starts.get(person_id)
        officer_user = user_of.get(officer_id)
        if start is None or person_id in already or officer_user is None:
            continue
        first_due = start + dt.timedelta(weeks=12)
        if first_due > today - dt.timedelta(weeks=4) or random.random() < 0.25:
            continue  # too recent for a past review, or (a quarter) none done yet: the sweep raises one
        reviewed_on = _between(random, first_due - dt.timedelta(days=7), today - dt.timedelta(days=7))
        manager = manager_of.get(team_id)
        awaiting = manager is None or (reviewed_on > today - dt.timedelta(days=21) and random.random() < 0.5)
        reviews.append(
            CaseReview(
                person_id=person_id,
                officer_id=officer_id,
                team_id=team_id,
                reason="first",
                due_on=first_due,
                raised_at=dt.datetime.combine(first_due - dt.timedelta(days=14), dt.time(2), tzinfo=dt.UTC),
                status=ReviewStatus.AWAITING_OVERSIGHT if awaiting else ReviewStatus.COMPLETED,
                progress=random.choice(PROGRESS),
                compliance=random.choice(COMPLIANCE),
                risk=random.choice(RISK),
                plan_review_needed=random.random() < 0.3,
                next_steps=random.choice(NEXT_STEPS),
                reviewed_on=reviewed_on,
                reviewed_by_id=officer_user,
                oversight_outcome="" if awaiting else random.choice(OversightOutcome.values),
                oversight_note="" if awaiting else random.choice(NOTES),
                oversight_by_id=None if awaiting else manager,
                oversight_at=None
                if awaiting
                else dt.datetime.combine(reviewed_on + dt.timedelta(days=3), dt.time(11), tzinfo=dt.UTC),
                version=2 if awaiting else 3,
            )
        )
    CaseReview.objects.bulk_create(reviews, batch_size=2000)
    swept = case_reviews_sweep(today=today, now=now)
    waiting = sum(1 for r in reviews if r.status == ReviewStatus.AWAITING_OVERSIGHT)
    log(
        f"Case reviews: {len(reviews) - waiting:,} completed with oversight, {waiting:,} awaiting the "
        f"manager, {swept.raised:,} now due of {swept.supervised:,} cases under supervision"
    )

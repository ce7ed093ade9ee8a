"""Editing a project and its weekly sessions (issue 13 item 1, editing): details, restrictions, the end
date (ending a project), and a session's times, capacity and supervisor. Optimistic locking on the
project's version (a weekly session's change moves the project's version on too), so two staff editing
at once never silently overwrite each other. A change is refused, saying who, when it would leave the
people already booked ahead over capacity, in breach of a new restriction, booked after the project's
end, or at times that no longer match their appointments."""

import datetime as dt
from collections import Counter
from typing import Any

from django.db import transaction

from probation.accounts.models import Staff, User
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.contacts.models import Contact
from probation.core.clock import today_uk
from probation.core.errors import NotFound, ServiceError
from probation.rules.errors import RuleError, RuleErrors
from probation.rules.unpaid_work.restrictions import refusals
from probation.unpaid_work.models import Assessment, Place, Project, ProjectDay
from probation.unpaid_work.services.fit import person_fit, project_fit
from probation.unpaid_work.services.projects import PROJECT_FIELDS, project_for_change

STALE = "Someone changed this project in another window after you opened it: check it and try again"


def _locked(*, actor: User, project_id: int, expected_version: int) -> Project:
    project = project_for_change(actor=actor, project_id=project_id)
    if project.version != expected_version:
        raise ServiceError(STALE)
    return project


def booked_ahead(project: Project, *, day: ProjectDay | None = None) -> list[Place]:
    """Places on the project's sessions from today with no outcome yet (not cancelled)."""
    places = Place.objects.filter(
        session__project=project,
        session__date__gte=today_uk(),
        contact__cancelled_at__isnull=True,
        contact__outcome="",
    )
    if day is not None:
        places = places.filter(session__day=day)
    return list(
        places.select_related("contact__person", "session__day", "allocation__requirement").order_by(
            "session__date", "id"
        )
    )


def _who(places: list[Place]) -> str:
    crns = sorted({p.contact.person.crn for p in places})
    more = f" and {len(crns) - 5} more" if len(crns) > 5 else ""
    return ", ".join(crns[:5]) + more


def _restriction_breaches(places: list[Place], days: list[ProjectDay]) -> list[RuleError]:
    """Each booked person the changed project or session no longer fits, with the reasons."""
    by_day = {d.pk: d for d in days}
    assessments = {
        a.requirement_id: a
        for a in Assessment.objects.filter(requirement_id__in={p.allocation.requirement_id for p in places})
    }
    errors: list[RuleError] = []
    seen: set[tuple[int, int]] = set()
    for place in places:
        person, day = place.contact.person, by_day.get(place.session.day_id, place.session.day)
        if (person.pk, day.pk) in seen:
            continue
        seen.add((person.pk, day.pk))
        fit = person_fit(person=person, assessment=assessments.get(place.allocation.requirement_id))
        reasons = refusals(fit, project_fit(day))
        if reasons:
            errors.append(
                RuleError(f"{person.crn} is booked from {place.session.date:%-d %B %Y}: {'; '.join(reasons)}")
            )
    return errors


def project_update(*, actor: User, project_id: int, expected_version: int, data: dict[str, Any]) -> Project:
    """Change a project's details, restrictions or end date (an end date in the past or today ends it)."""
    with transaction.atomic():
        project = _locked(actor=actor, project_id=project_id, expected_version=expected_version)
        before = {k: getattr(project, k) for k in PROJECT_FIELDS}
        for key in PROJECT_FIELDS:
            if key in data:
                setattr(project, key, data[key])
        errors: list[RuleError] = []
        if project.ends_on is not None and project.ends_on < project.starts_on:
            errors.append(RuleError("The end date must be on or after the start date", field="ends_on"))
        if Project.objects.filter(code=project.code).exclude(pk=project.pk).exists():
            errors.append(RuleError("A project with this code already exists", field="code"))
        places = booked_ahead(project)
        after_end = [p for p in places if project.ends_on is not None and p.session.date > project.ends_on]
        if after_end:
            errors.append(
                RuleError(
                    f"{len({p.contact.person_id for p in after_end})} people are booked after the end date "
                    f"({_who(after_end)}): move or cancel their sessions first",
                    field="ends_on",
                )
            )
        days = list(project.days.select_related("supervisor__upw_supervisor"))
        for day in days:
            day.project = project  # the changed restrictions
        errors += _restriction_breaches(places, days)
        if errors:
            raise RuleErrors(errors)
        project.version += 1
        project.save()
        changed = sorted(k for k in PROJECT_FIELDS if getattr(project, k) != before[k])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type="upw_project",
            object_id=project.pk,
            detail={"changed": changed, "version": project.version},
        )
    return project


def project_day_update(
    *,
    actor: User,
    day_id: int,
    expected_version: int,
    starts_at: dt.time,
    ends_at: dt.time,
    capacity: int,
    supervisor_id: int,
) -> ProjectDay:
    """Change a weekly session. Capacity may not fall below the most booked on any session ahead; the
    times may not change while people are booked ahead (their appointments are at the old times)."""
    day_row = ProjectDay.objects.filter(pk=day_id).values_list("project_id", flat=True).first()
    if day_row is None:
        raise NotFound(day_id)
    with transaction.atomic():
        project = _locked(actor=actor, project_id=day_row, expected_version=expected_version)
        day = ProjectDay.objects.select_related("supervisor__upw_supervisor").get(pk=day_id)
        day.project = project
        errors: list[RuleError] = []
        if ends_at <= starts_at:
            errors.append(RuleError("The end time must be after the start time", field="ends_at"))
        supervisor = (
            Staff.objects.select_related("upw_supervisor")
            .filter(pk=supervisor_id, active=True, team__pdu_id=project.pdu_id)
            .first()
        )
        if supervisor is None:
            errors.append(
                RuleError("Select a supervisor from this probation delivery unit", field="supervisor")
            )
        places = booked_ahead(project, day=day)
        per_session = Counter(p.session for p in places)
        over = sorted(((s.date, n) for s, n in per_session.items() if n > capacity))
        if over:
            first, most = over[0][0], max(n for _, n in over)
            errors.append(
                RuleError(
                    f"{most} people are booked on a session ahead ({first:%-d %B %Y}"
                    f"{' and others' if len(over) > 1 else ''}): capacity cannot be less than {most}",
                    field="capacity",
                )
            )
        if places and (starts_at, ends_at) != (day.starts_at, day.ends_at):
            errors.append(
                RuleError(
                    f"People are booked ahead at the current times ({_who(places)}): "
                    "add a new weekly session and move them, or cancel their sessions first",
                    field="starts_at",
                )
            )
        if supervisor is not None and places:
            day.supervisor = supervisor
            errors += _restriction_breaches(places, [day])
        if errors or supervisor is None:
            raise RuleErrors(errors)
        before = (day.starts_at, day.ends_at, day.capacity, day.supervisor_id)
        day.starts_at, day.ends_at, day.capacity = starts_at, ends_at, capacity
        day.supervisor = supervisor
        day.save()
        if supervisor.pk != before[3]:
            # Sessions ahead are run by the new supervisor, and their sheets go to them.
            day.sessions.filter(date__gte=today_uk(), saved_at__isnull=True).update(supervisor=supervisor)
            Contact.objects.filter(pk__in=[p.contact_id for p in places]).update(officer=supervisor)
        project.version += 1
        project.save(update_fields=["version", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type="upw_project_day",
            object_id=day.pk,
            detail={
                "project": project.pk,
                "capacity": capacity,
                "supervisor": supervisor.code,
                "version": project.version,
            },
        )
    return day

"""Recall of a person on licence: the "consider a recall" journey (enforcement.md "Licences and recall").

Considering (what happened, emergency?) ⇒ the officer's recommendation (breached conditions, alternatives
tried, new charge, Parole Board, victims, RoSH and MAPPA as they stand) ⇒ a senior PO's decision with
rationale (RECALL_DECIDE), the recall type limited to what the rules in force on the decision date allow
(enforcement.md § Law by date), and the rule version recorded with the decision ⇒ returned to custody (a
fixed-term recall gets its automatic re-release date from the recorded rule's days) ⇒ re-released, or the
licence ends in custody.
Every step locks the case through ``person_for_change`` and the recall row, checks the transition against
the one declaration, writes a RecallStep row, the audit (no free text) and the tier hook in one transaction.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from django.db import IntegrityError, transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.contacts.models import EnforcementCase
from probation.core import clock
from probation.core.case_changes import case_inputs_changed
from probation.core.clock import age_on
from probation.core.date_checks import date_not_future
from probation.core.errors import NotFound, ServiceError
from probation.core.key_events import KeyEventKind, key_event_occurred
from probation.enforcement.models import Recall, RecallStep
from probation.enforcement.selectors.recall import mappa_status
from probation.enforcement.services.breach import enforcement_cases_mark_initiated
from probation.people.models import Person
from probation.people.services.person import person_for_change
from probation.people.services.versioning import apply_versioned_update
from probation.rules.enforcement.recall import (
    AlternativeTried,
    RecallCase,
    RecallRules,
    RecallType,
    check_recall_decision,
    check_recall_submission,
    check_recall_type,
    fixed_term_recall_days,
    recall_rules_by_key,
    recall_rules_in_force_on,
)
from probation.rules.enforcement.transitions import RecallStatus, check_transition
from probation.rules.law.dated import RuleVersion
from probation.rules.sentences.licences import SentenceKind
from probation.sentences.law import law_settings
from probation.sentences.models import Licence, Sentence
from probation.sentences.models.choices import TerminationReason

RECALL = "recall"  # audit object type and PersonChange entity
ADULT_AGE = 18
RECOMMENDATIONS = ("recall", "no_recall")


def recall_rule_case(*, recall: Recall, person: Person, on: dt.date) -> RecallCase:
    """What the recall-type rule needs, from the sentence, the person's age on ``on``, the officer's
    answers and the person's current MAPPA registration."""
    sentence = recall.sentence
    months = sentence.custodial_months or sentence.length_months
    if not months:
        raise ServiceError(
            "Record the custodial term of the sentence before deciding a recall", field="recall_type"
        )
    mappa = mappa_status(person=person)
    return RecallCase(
        sentence_kind=SentenceKind(sentence.kind),
        adult=age_on(person.date_of_birth, on) >= ADULT_AGE,
        sentence_months=months,
        charged_with_new_offence=recall.charged_with_new_offence,
        mappa_level=mappa.level,
        mappa_category=mappa.category,
        referred_to_parole_board=recall.referred_to_parole_board,
    )


def recall_rules_on(on: dt.date) -> RuleVersion[RecallRules]:
    """The recall rule in force on ``on`` (the decision date), with the reference data's corrections."""
    return recall_rules_in_force_on(on, settings=law_settings())


def _recall_for_change(
    *, actor: User, crn: str, recall_id: int, permission: Permission
) -> tuple[Person, Recall]:
    person = person_for_change(actor=actor, crn=crn, permission=permission)
    recall = (
        Recall.objects.select_for_update()
        .select_related("sentence")
        .filter(person=person, pk=recall_id)
        .first()
    )
    if recall is None:
        raise NotFound(recall_id)
    return person, recall


def _transition(
    *,
    actor: User,
    person: Person,
    recall: Recall,
    expected_version: int,
    to_status: RecallStatus,
    data: dict[str, object],
    audit: dict[str, object],
) -> None:
    """Move the recall one step: stale forms get the conflict, a wrong step the transition's refusal."""
    from_status = recall.status
    if recall.version == expected_version:
        check_transition(RecallStatus(from_status), to_status)
    apply_versioned_update(
        actor=actor,
        person=person,
        instance=recall,
        entity=RECALL,
        expected_version=expected_version,
        data={"status": to_status.value, **data},
    )
    RecallStep.objects.create(recall=recall, from_status=from_status, to_status=to_status.value, actor=actor)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        crn=person.crn,
        object_type=RECALL,
        object_id=recall.pk,
        detail={"status": to_status.value, **audit, "version": recall.version},
    )
    case_inputs_changed(
        person_id=person.pk, reason=f"recall {to_status.value.replace('_', ' ')}", actor=actor
    )


def recall_start(*, actor: User, crn: str, sentence_id: int, circumstances: str, emergency: bool) -> Recall:
    """Start considering a recall of a current licence; one recall at a time per licence."""
    circumstances = circumstances.strip()
    if not circumstances:
        raise ServiceError("Enter what happened", field="circumstances")
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.ENFORCEMENT_MANAGE)
        sentence = Sentence.objects.select_for_update().filter(person=person, pk=sentence_id).first()
        if sentence is None:
            raise NotFound(sentence_id)
        licence = Licence.objects.filter(sentence=sentence).first()
        if licence is None:
            raise ServiceError(
                "A recall is for a person on licence; start breach proceedings for an order", field="sentence"
            )
        if not sentence.is_current:
            raise ServiceError(f"This sentence ended on {sentence.terminated_on:%-d %B %Y}", field="sentence")
        if Recall.objects.in_progress().filter(licence=licence).exists():
            raise ServiceError("A recall of this licence is already in progress", field="sentence")
        try:
            with transaction.atomic():
                recall = Recall.objects.create(
                    sentence=sentence,
                    licence=licence,
                    person=person,
                    emergency=emergency,
                    circumstances=circumstances,
                    started_by=actor,
                    started_on=clock.today_uk(),
                )
        except IntegrityError:  # a concurrent start won the one-open-recall constraint
            raise ServiceError("A recall of this licence is already in progress", field="sentence") from None
        RecallStep.objects.create(
            recall=recall, from_status="", to_status=RecallStatus.CONSIDERING, actor=actor
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=crn,
            object_type=RECALL,
            object_id=recall.pk,
            detail={"sentence": sentence.pk, "licence": licence.pk, "emergency": emergency},
        )
        case_inputs_changed(person_id=person.pk, reason="recall considered", actor=actor)
    return recall


@dataclass(frozen=True)
class RecallRecommendation:
    """The officer's answers on the recommend page (enforcement.md "Licences and recall")."""

    condition_ids: Iterable[int]
    alternatives: Iterable[str]
    alternatives_notes: str
    charged_with_new_offence: bool
    referred_to_parole_board: bool
    victims_in_contact_scheme: bool
    recommendation: str
    recommended_type: str
    reason: str


def _check_recommendation(answers: RecallRecommendation, alternatives: list[str]) -> None:
    """The checks that need no database, made before any lock is taken."""
    if any(a not in AlternativeTried._value2member_map_ for a in alternatives):
        raise ServiceError("Select the alternatives tried from the list", field="alternatives")
    if answers.recommendation not in RECOMMENDATIONS:
        raise ServiceError("Select your recommendation", field="recommendation")
    if answers.recommendation == "no_recall" and answers.recommended_type:
        raise ServiceError(
            "Do not choose a recall type when recommending no recall", field="recommended_type"
        )
    if answers.recommendation == "recall" and answers.recommended_type not in RecallType._value2member_map_:
        raise ServiceError("Select the type of recall you recommend", field="recommended_type")
    if not answers.reason.strip():
        raise ServiceError("Enter the reasons for your recommendation", field="reason")


def _check_recommended_type(*, recall: Recall, person: Person, answers: RecallRecommendation) -> None:
    """A recommended recall must be of a type the rules allow for this case and these answers."""
    if answers.recommendation != "recall":
        return
    today = clock.today_uk()
    case = replace(
        recall_rule_case(recall=recall, person=person, on=today),
        charged_with_new_offence=answers.charged_with_new_offence,
        referred_to_parole_board=answers.referred_to_parole_board,
    )
    rules = recall_rules_on(today)
    check_recall_type(case, RecallType(answers.recommended_type), emergency=recall.emergency, rules=rules)


def recall_recommend(
    *, actor: User, crn: str, recall_id: int, expected_version: int, answers: RecallRecommendation
) -> Recall:
    """The officer's recommendation; RoSH and MAPPA are copied as they stand so the decision record is
    complete. A recommended recall type must be one the rules allow."""
    condition_ids = sorted({int(pk) for pk in answers.condition_ids})
    alternatives = sorted(set(answers.alternatives))
    _check_recommendation(answers, alternatives)
    with transaction.atomic():
        person, recall = _recall_for_change(
            actor=actor, crn=crn, recall_id=recall_id, permission=Permission.ENFORCEMENT_MANAGE
        )
        conditions = list(recall.licence.conditions.filter(pk__in=condition_ids))
        if len(conditions) != len(condition_ids):
            raise ServiceError("Select only conditions of this licence", field="breached_conditions")
        if recall.version == expected_version:
            check_transition(RecallStatus(recall.status), RecallStatus.AWAITING_DECISION)
        check_recall_submission(c.text for c in conditions)
        _check_recommended_type(recall=recall, person=person, answers=answers)
        _transition(
            actor=actor,
            person=person,
            recall=recall,
            expected_version=expected_version,
            to_status=RecallStatus.AWAITING_DECISION,
            data={
                "alternatives_tried": alternatives,
                "alternatives_notes": answers.alternatives_notes.strip(),
                "charged_with_new_offence": answers.charged_with_new_offence,
                "referred_to_parole_board": answers.referred_to_parole_board,
                "victims_in_contact_scheme": answers.victims_in_contact_scheme,
                "rosh_at_recommendation": person.rosh_level,
                "mappa_at_recommendation": mappa_status(person=person).label,
                "recommendation": answers.recommendation,
                "recommended_type": answers.recommended_type,
                "recommendation_reason": answers.reason.strip(),
                "recommended_on": clock.today_uk(),
            },
            audit={"recommendation": answers.recommendation, "conditions": condition_ids},
        )
        recall.breached_conditions.set(conditions)
    return recall


def recall_decide(
    *,
    actor: User,
    crn: str,
    recall_id: int,
    expected_version: int,
    decision: str,
    recall_type: str,
    rationale: str,
) -> Recall:
    """A senior PO decides, with rationale. A recall's type must be allowed for this case; a recall marks
    the sentence's open enforcement cases as breach or recall initiated."""
    if decision not in RECOMMENDATIONS:
        raise ServiceError("Select recall or no recall", field="decision")
    recall_decided = decision == "recall"
    check_recall_decision(recall=recall_decided, rationale=rationale)
    if recall_decided and recall_type not in RecallType._value2member_map_:
        raise ServiceError("Select the type of recall", field="recall_type")
    with transaction.atomic():
        person, recall = _recall_for_change(
            actor=actor, crn=crn, recall_id=recall_id, permission=Permission.RECALL_DECIDE
        )
        today = clock.today_uk()
        rules = recall_rules_on(today)
        days = None
        if recall_decided and recall.version == expected_version:
            check_transition(RecallStatus(recall.status), RecallStatus.RECALL_DECIDED)
            case = recall_rule_case(recall=recall, person=person, on=today)
            check_recall_type(case, RecallType(recall_type), emergency=recall.emergency, rules=rules)
            if recall_type == RecallType.FIXED_TERM:
                days = fixed_term_recall_days(case.sentence_months, adult=case.adult, rules=rules)
        to_status = RecallStatus.RECALL_DECIDED if recall_decided else RecallStatus.NO_RECALL_DECIDED
        _transition(
            actor=actor,
            person=person,
            recall=recall,
            expected_version=expected_version,
            to_status=to_status,
            data={
                "decision": decision,
                "recall_type": recall_type if recall_decided else "",
                "rationale": rationale.strip(),
                "decided_by_id": actor.pk,
                "decided_on": today,
                "rule_version": rules.key,
                "fixed_term_days": days,
            },
            audit={
                "decision": decision,
                "recall_type": recall_type if recall_decided else "",
                "rule_version": rules.key,
                "fixed_term_days": days,
            },
        )
        if recall_decided:
            open_cases = EnforcementCase.objects.open().filter(sentence_id=recall.sentence_id)
            enforcement_cases_mark_initiated(actor=actor, cases=open_cases, note="Recall decided")
            key_event_occurred(
                person_id=person.pk,
                kind=KeyEventKind.RECALLED,
                on=today,
                actor=actor,
                detail={"recall": recall.pk, "sentence": recall.sentence_id},
            )
    return recall


def _fixed_term_days(recall: Recall, person: Person) -> int:
    """The recorded fixed term; a recall loaded without one (bulk-loaded rows) gets the term of its
    recorded rule, else of the rule in force on its decision date."""
    if recall.fixed_term_days:
        return recall.fixed_term_days
    decided_on = recall.decided_on or clock.today_uk()
    rules = (
        recall_rules_by_key(recall.rule_version, settings=law_settings())
        if recall.rule_version
        else recall_rules_on(decided_on)
    )
    case = recall_rule_case(recall=recall, person=person, on=decided_on)
    return fixed_term_recall_days(case.sentence_months, adult=case.adult, rules=rules)


def recall_returned_to_custody(
    *, actor: User, crn: str, recall_id: int, expected_version: int, returned_on: dt.date
) -> Recall:
    """A fixed-term recall gets its automatic re-release date: the fixed term of the rule it was decided
    under (14/28 days before 31 March 2026; 56 days for an adult from then), counted from the return to
    custody (enforcement.md § Law by date)."""
    date_not_future(returned_on, field="on", label="Date returned to custody")
    with transaction.atomic():
        person, recall = _recall_for_change(
            actor=actor, crn=crn, recall_id=recall_id, permission=Permission.ENFORCEMENT_MANAGE
        )
        if recall.decided_on and returned_on < recall.decided_on:
            raise ServiceError(
                f"Date returned to custody must be on or after the decision ({recall.decided_on:%-d %B %Y})",
                field="on",
            )
        due = None
        if recall.recall_type == RecallType.FIXED_TERM:
            due = returned_on + dt.timedelta(days=_fixed_term_days(recall, person))
        _transition(
            actor=actor,
            person=person,
            recall=recall,
            expected_version=expected_version,
            to_status=RecallStatus.RETURNED_TO_CUSTODY,
            data={"returned_to_custody_on": returned_on, "re_release_due_on": due},
            audit={"returned_on": returned_on.isoformat()},
        )
    return recall


def _after_custody(recall: Recall, on: dt.date, *, field: str, label: str) -> None:
    date_not_future(on, field=field, label=label)
    if recall.returned_to_custody_on and on < recall.returned_to_custody_on:
        raise ServiceError(
            f"{label} must be on or after the return to custody ({recall.returned_to_custody_on:%-d %B %Y})",
            field=field,
        )


def recall_re_released(
    *, actor: User, crn: str, recall_id: int, expected_version: int, re_released_on: dt.date
) -> Recall:
    with transaction.atomic():
        person, recall = _recall_for_change(
            actor=actor, crn=crn, recall_id=recall_id, permission=Permission.ENFORCEMENT_MANAGE
        )
        _after_custody(recall, re_released_on, field="on", label="Date re-released")
        _transition(
            actor=actor,
            person=person,
            recall=recall,
            expected_version=expected_version,
            to_status=RecallStatus.RE_RELEASED,
            data={"re_released_on": re_released_on},
            audit={"re_released_on": re_released_on.isoformat()},
        )
    return recall


def recall_licence_ended(
    *, actor: User, crn: str, recall_id: int, expected_version: int, ended_on: dt.date
) -> Recall:
    """The licence ended while the person was in custody: the recall is over and so is the sentence."""
    with transaction.atomic():
        person, recall = _recall_for_change(
            actor=actor, crn=crn, recall_id=recall_id, permission=Permission.ENFORCEMENT_MANAGE
        )
        _after_custody(recall, ended_on, field="on", label="Date the licence ended")
        _transition(
            actor=actor,
            person=person,
            recall=recall,
            expected_version=expected_version,
            to_status=RecallStatus.LICENCE_ENDED_IN_CUSTODY,
            data={},
            audit={"ended_on": ended_on.isoformat()},
        )
        sentence = Sentence.objects.select_for_update().get(pk=recall.sentence_id)
        if sentence.is_current:
            apply_versioned_update(
                actor=actor,
                person=person,
                instance=sentence,
                entity="sentence",
                expected_version=sentence.version,
                data={
                    "terminated_on": ended_on,
                    "termination_reason": TerminationReason.LICENCE_EXPIRED.value,
                },
            )
            key_event_occurred(
                person_id=person.pk,
                kind=KeyEventKind.LICENCE_ENDED,
                on=ended_on,
                actor=actor,
                detail={"recall": recall.pk, "sentence": sentence.pk},
            )
    return recall

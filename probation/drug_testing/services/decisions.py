"""The officer's decision on a confirmed or admitted positive (drug-testing.md § What a result
triggers): "a positive test on its own should not lead automatically to breach or recall. The officer
weighs overall behaviour, risk of serious harm and links to offending, and records the decision."
Deciding on enforcement opens the enforcement case of the test's contact (contacts app), which then
follows enforcement.md like any other failure; recall consideration is recorded for the recall journey.
"""

from django.db import transaction

from probation.accounts.models import User
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.contacts.services.outcomes import contact_open_enforcement
from probation.contacts.times import local
from probation.core.clock import now
from probation.core.errors import ServiceError
from probation.drug_testing.models import DrugTest, DrugTestEvent
from probation.drug_testing.services.access import person_for_decision
from probation.drug_testing.services.records import drug_test_locked
from probation.rules.drug_testing.bases import Basis
from probation.rules.drug_testing.results import Decision, ResultState, decision_required, decisions_for


def drug_test_decide(
    *, actor: User, crn: str, test_id: int, expected_version: int, decision: str, notes: str
) -> DrugTest:
    """Record the decision. The first of two officers deciding at once wins; the other is told."""
    with transaction.atomic():
        person = person_for_decision(actor=actor, crn=crn)
        test = DrugTest.objects.select_related("decided_by").filter(person=person, pk=test_id).first()
        if test is not None and test.decision and test.decided_at is not None:
            at = local(test.decided_at)
            raise ServiceError(
                f"A decision was recorded by {test.decided_by} at {at:%H:%M} on {at:%-d %B %Y}: "
                f"{test.get_decision_display()}"
            )
        test = drug_test_locked(person=person, test_id=test_id, expected_version=expected_version)
        state = ResultState(test.state)
        if not decision_required(state):
            raise ServiceError("Only a confirmed or admitted positive needs a decision")
        offered = decisions_for(state, Basis(test.basis))
        if decision not in {d.value for d in offered}:
            raise ServiceError("Choose a decision", field="decision")
        if not notes.strip():
            raise ServiceError("Give the reasons for the decision", field="notes")
        test.decision, test.decision_notes = decision, notes.strip()
        test.decided_by, test.decided_at = actor, now()
        test.version += 1
        test.save()
        DrugTestEvent.objects.create(
            test=test, what="decision", state=test.state, outcome=test.contact.outcome, actor=actor
        )
        enforcement = None
        if decision == Decision.ENFORCEMENT:
            enforcement = contact_open_enforcement(actor=actor, contact=test.contact)
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=person.crn,
            object_type="drug_test",
            object_id=test.pk,
            detail={
                "decision": decision,
                "version": test.version,
                "enforcement_case": enforcement.pk if enforcement else None,
            },
        )
    return test

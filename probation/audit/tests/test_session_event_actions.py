"""Every authentication and account event the accounts pages record has an audit action (issue 9
item 4): a new SessionEvent without one would refuse the sign-in it records."""

from probation.audit.models import AuditAction
from probation.core.session_events import SessionEvent


def test_every_session_event_is_an_audit_action():
    assert {event.value for event in SessionEvent} <= set(AuditAction.values)


def test_the_audit_field_holds_the_longest_action():
    from probation.audit.models import AuditEvent

    assert max(len(value) for value in AuditAction.values) <= AuditEvent._meta.get_field("action").max_length

from probation.audit.services import audit_session_event
from probation.core import session_events


def test_the_audit_registers_its_session_event_recorder_when_django_starts():
    assert session_events._recorders == [audit_session_event]

import pytest

from probation.core import session_events
from probation.core.session_events import SessionEvent, session_event_record


def test_a_session_event_with_no_recorder_registered_is_refused(monkeypatch):
    monkeypatch.setattr(session_events, "_recorders", [])

    with pytest.raises(RuntimeError, match="No session event recorder"):
        session_event_record(actor=None, event=SessionEvent.SIGN_IN_FAILED, username="officer")

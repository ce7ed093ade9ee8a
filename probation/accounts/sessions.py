"""The database session store (``SESSION_ENGINE``), reading the session with SQL built once a process.

Every signed-in request reads its session row; Django's store builds that query each time
(``core/prepared.py``). Same rows, same expiry: a session whose ``expire_date`` has passed is not
loaded (Django compares in SQL, this compares the row it read with the same ``timezone.now()``),
and everything else (saving, creating, deleting, clearing expired sessions) is Django's own.
"""

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.utils import timezone

from probation.core.prepared import PreparedQuery

_session_by_key: PreparedQuery[Session] = PreparedQuery(
    lambda key: Session.objects.filter(session_key=key), key=""
)


class SessionStore(db.SessionStore):
    def _get_session_from_db(self) -> Session | None:
        rows = _session_by_key(key=self.session_key) if self.session_key else []
        if rows and rows[0].expire_date > timezone.now():
            return rows[0]
        self._session_key = None
        return None

"""Recording refused attempts on a case in the compliance audit.

Every refusal becomes the same 404 as a CRN that does not exist, in one place
(``core.middleware.NotFoundMiddleware``), and every refusal is a consultation attempt the audit must
show (DPA 2018 s.62; issue 9). ``core`` sits below ``audit`` and may not import it, so the middleware
calls ``case_refusal_record`` and ``audit`` registers the recorder when Django starts
(``AuditConfig.ready``) — the same explicit registry as ``core/session_events.py``, not a Django
signal. With no recorder registered the call is refused: a refusal must never go unrecorded.
"""

from typing import Any, Protocol

from django.http import HttpRequest


class CaseRefusalRecorder(Protocol):
    def __call__(
        self, *, actor: Any, crn: str, url_name: str, method: str, ids: dict[str, str]
    ) -> object: ...


_recorders: list[CaseRefusalRecorder] = []


def register_case_refusal_recorder(fn: CaseRefusalRecorder) -> CaseRefusalRecorder:
    """Add ``fn`` to the recorders (once, however often ``ready()`` runs). Returns ``fn``."""
    if fn not in _recorders:
        _recorders.append(fn)
    return fn


def case_refusal_record(*, actor: Any, crn: str, url_name: str, method: str, ids: dict[str, str]) -> None:
    """Record a refused attempt by ``actor``: the CRN asked for ("" when the URL names none; it may
    not exist), the URL's name, the HTTP method and the other ids in the URL. Nothing says why it was
    refused, and nothing of this reaches the user."""
    if not _recorders:
        raise RuntimeError("No case refusal recorder is registered: is probation.audit installed?")
    for fn in tuple(_recorders):
        fn(actor=actor, crn=crn, url_name=url_name, method=method, ids=ids)


def request_refusal_record(request: HttpRequest) -> None:
    """Record the refusal of ``request``: the CRN and the other ids its URL names (never the query
    string), for a page or an API that answers a refusal itself rather than raising ``NotFound``."""
    match = request.resolver_match
    kwargs = {key: str(value) for key, value in (match.kwargs if match else {}).items()}
    crn = kwargs.pop("crn", "")
    case_refusal_record(
        actor=request.user,
        crn=crn,
        url_name=(match.view_name if match else "")[:200],
        method=request.method or "",
        ids={key: value[:40] for key, value in kwargs.items()},
    )

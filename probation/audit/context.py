"""Where an audited action came from (the page), set per request by AuditContextMiddleware."""

from contextvars import ContextVar

current_page: ContextVar[str] = ContextVar("audit_current_page", default="")

from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "probation.audit"
    label = "audit"

    def ready(self) -> None:
        from probation.audit.services import audit_case_refusal, audit_session_event
        from probation.core.case_refusals import register_case_refusal_recorder
        from probation.core.session_events import register_session_event_recorder

        register_session_event_recorder(audit_session_event)
        register_case_refusal_recorder(audit_case_refusal)

"""Who may do what: the one map from roles to permissions.

Deny by default: a permission not listed for a role is refused. Case-level scope (caseload, PDU,
limited-access exclusions and restrictions, partner sharing) is applied on top of this by
probation.people.policy, which every page, search, list, export and API call goes through.
"""

from enum import StrEnum

from probation.accounts.models import Role, User


class Permission(StrEnum):
    CASE_VIEW = "case.view"
    CASE_SEARCH = "case.search"
    CASE_VIEW_SPECIAL_CATEGORY = "case.view_special_category"
    CASE_VIEW_CIRCUMSTANCES = "case.view_circumstances"
    PERSON_CREATE = "person.create"
    PERSON_EDIT = "person.edit"
    CASE_ALLOCATE = "case.allocate"
    CASELOAD_OWN = "caseload.own"
    CASELOAD_EXPORT = "caseload.export"
    TEAM_CASELOAD_VIEW = "team.caseload_view"
    LIMITED_ACCESS_MANAGE = "case.limited_access_manage"
    AUDIT_VIEW = "audit.view"
    ACCOUNT_MANAGE = "accounts.manage"
    PREDICTOR_CALCULATE = "risk.predictor_calculate"
    REGISTRATION_VIEW = "risk.registration_view"
    REGISTRATION_MANAGE = "risk.registration_manage"
    ROSH_VIEW = "risk.rosh_view"
    ROSH_MANAGE = "risk.rosh_manage"
    MAPPA_VIEW = "mappa.view"
    MAPPA_MANAGE = "mappa.manage"
    ASSESSMENT_VIEW = "assessments.view"
    ASSESSMENT_MANAGE = "assessments.manage"
    SAFEGUARDING_VIEW = "safeguarding.view"
    SAFEGUARDING_MANAGE = "safeguarding.manage"
    TIER_VIEW = "tiers.view"
    SENTENCE_VIEW = "sentences.view"
    SENTENCE_MANAGE = "sentences.manage"
    CONTACT_VIEW = "contacts.view"
    CONTACT_VIEW_SENSITIVE = "contacts.view_sensitive"
    CONTACT_MANAGE = "contacts.manage"
    DIARY_OWN = "contacts.diary_own"
    ENFORCEMENT_MANAGE = "enforcement.manage"
    RECALL_DECIDE = "enforcement.recall_decide"
    WORKLIST_OWN = "worklists.own"
    WORKLIST_TEAM = "worklists.team"
    # Workload points and capacity (workload.md): an officer's own; a team's, with its reductions.
    WORKLOAD_OWN = "workload.own"
    WORKLOAD_TEAM = "workload.team"
    # Court work (court-reports.md § Court liaison): import lists, match defendants and prepare; and
    # read the court duty page. Scoped to courts by probation.court.policy.
    COURT_LIST_MANAGE = "court.list_manage"
    COURT_DUTY_VIEW = "court.duty_view"

    # Sentence plans (issue 12).

    # Unpaid work (issue 13).

    # Custody, release and parole (issue 14).

    # Victims (issue 15).

    # Approved premises (issue 16; approved-premises.md): the estate directory; a practitioner applies;
    # an assessor (or the Central Referral Unit) assesses, the CRU matches and books; AP staff run their
    # own premises (beds out of service, arrivals, the night's register). Scoped to work the user may
    # see by probation.approved_premises.policy.
    AP_ESTATE_VIEW = "approved_premises.estate_view"
    AP_APPLY = "approved_premises.apply"
    AP_ASSESS = "approved_premises.assess"
    AP_MATCH = "approved_premises.match"
    AP_PREMISES_MANAGE = "approved_premises.premises_manage"

    # Local information and equality monitoring (issue 17).


P = Permission
_STAFF_READ = {
    P.CASE_VIEW,
    P.CASE_SEARCH,
    P.CASE_VIEW_CIRCUMSTANCES,
    P.REGISTRATION_VIEW,
    P.PREDICTOR_CALCULATE,
    P.ROSH_VIEW,
    P.MAPPA_VIEW,
    P.ASSESSMENT_VIEW,
    P.SAFEGUARDING_VIEW,
    P.TIER_VIEW,
    P.SENTENCE_VIEW,
    P.CONTACT_VIEW,
}
# Practitioners and their managers assess and manage risk on the cases they hold.
_RISK_MANAGE = {
    P.REGISTRATION_MANAGE,
    P.ROSH_MANAGE,
    P.MAPPA_MANAGE,
    P.ASSESSMENT_MANAGE,
    P.SAFEGUARDING_MANAGE,
}
# Practitioners and their managers run the order: contacts, appointments, outcomes and enforcement.
_CASE_MANAGE = {
    P.SENTENCE_MANAGE,
    P.CONTACT_MANAGE,
    P.CONTACT_VIEW_SENSITIVE,
    P.DIARY_OWN,
    P.ENFORCEMENT_MANAGE,
    P.WORKLIST_OWN,
    P.WORKLOAD_OWN,
}

ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    Role.PRACTITIONER: frozenset(
        _STAFF_READ
        | {
            P.CASE_VIEW_SPECIAL_CATEGORY,
            P.PERSON_CREATE,
            P.PERSON_EDIT,
            P.CASELOAD_OWN,
            P.CASELOAD_EXPORT,
            # Officers on court duty advise the court from the duty page of their PDU's courts.
            P.COURT_DUTY_VIEW,
            # Practitioners apply for an approved-premises place (issue 16).
            P.AP_APPLY,
            P.AP_ESTATE_VIEW,
            *_RISK_MANAGE,
            *_CASE_MANAGE,
        }
    ),
    Role.SENIOR_PO: frozenset(
        _STAFF_READ
        | {
            P.CASE_VIEW_SPECIAL_CATEGORY,
            P.PERSON_CREATE,
            P.PERSON_EDIT,
            P.CASE_ALLOCATE,
            P.CASELOAD_OWN,
            P.CASELOAD_EXPORT,
            P.TEAM_CASELOAD_VIEW,
            *_RISK_MANAGE,
            *_CASE_MANAGE,
            # Only a senior PO decides a recall (enforcement.md "Licences and recall").
            P.RECALL_DECIDE,
            P.WORKLIST_TEAM,
            P.WORKLOAD_TEAM,
            P.COURT_DUTY_VIEW,
            P.AP_APPLY,
            P.AP_ESTATE_VIEW,
        }
    ),
    Role.CASE_ADMIN: frozenset(
        _STAFF_READ
        | {
            P.CASE_VIEW_SPECIAL_CATEGORY,
            P.PERSON_CREATE,
            P.PERSON_EDIT,
            P.CASE_ALLOCATE,
            # Case administrators key in sentences from court results and book appointments.
            P.SENTENCE_MANAGE,
            P.CONTACT_MANAGE,
        }
    ),
    # Court teams import the lists, match defendants, prepare for each hearing and record the
    # conviction and sentence on the day.
    Role.COURT_OFFICER: frozenset(
        _STAFF_READ | {P.PERSON_CREATE, P.SENTENCE_MANAGE, P.COURT_LIST_MANAGE, P.COURT_DUTY_VIEW}
    ),
    Role.VLO: frozenset(_STAFF_READ),
    # Approved-premises staff record key-worker sessions and other contacts with residents, and run
    # their premises; they see only its residents and the applications to it (issue 16).
    Role.AP_STAFF: frozenset(_STAFF_READ | {P.CONTACT_MANAGE, P.AP_ESTATE_VIEW, P.AP_PREMISES_MANAGE}),
    # Partner agencies see only cases shared with them: identifying details, risk flags and the
    # MAPPA meetings and actions they take part in.
    Role.PARTNER: frozenset({P.CASE_VIEW, P.REGISTRATION_VIEW, P.MAPPA_VIEW}),
    # Administrators run the service; they do not read case records.
    Role.SYSTEM_ADMIN: frozenset({P.AUDIT_VIEW, P.LIMITED_ACCESS_MANAGE, P.ACCOUNT_MANAGE}),
    # Roles whose permissions their capability grants (deny by default until then).
    # Area roles (issue 17).
    Role.HEAD_OF_PDU: frozenset(),
    # (regional leadership)
    Role.REGIONAL_LEAD: frozenset(),
    # Unpaid work (issue 13).
    Role.UPW_STAFF: frozenset(),
    # (supervisors)
    Role.UPW_SUPERVISOR: frozenset(),
    # Approved premises (issue 16): assessors read the case to assess; emergency, short-notice and
    # specialist work only with the qualification (probation.approved_premises.policy).
    Role.AP_ASSESSOR: frozenset(_STAFF_READ | {P.AP_ESTATE_VIEW, P.AP_ASSESS}),
    # (Central Referral Unit) assesses too, matches, books, and keeps the estate's beds.
    Role.AP_CRU: frozenset(_STAFF_READ | {P.AP_ESTATE_VIEW, P.AP_ASSESS, P.AP_MATCH, P.AP_PREMISES_MANAGE}),
}


def has_permission(user: User, permission: Permission) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return permission in ROLE_PERMISSIONS.get(user.role, frozenset())


def is_partner(user: User) -> bool:
    return user.role == Role.PARTNER

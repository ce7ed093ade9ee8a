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

    # Sentence plans (issue 12): read a case's plan; write it (the case's officers and managers, in
    # the managing PDU: probation.plans.selectors.plans.may_edit_plan).
    PLAN_VIEW = "plans.view"
    PLAN_MANAGE = "plans.manage"

    # Unpaid work (issue 13): staff run their PDU's projects, assessments and allocations (and may
    # complete any of its session sheets); supervisors record the sheets of their own sessions only.
    UPW_MANAGE = "unpaid_work.manage"
    UPW_SESSION_RECORD = "unpaid_work.session_record"

    # Custody, release and parole (issue 14): a prisoner's key dates, handover and pre-release plan;
    # managing them in the case's PDU; a PDU's handovers and releases (granted below ROLE_PERMISSIONS).
    CUSTODY_VIEW = "custody.view"
    CUSTODY_MANAGE = "custody.manage"
    CUSTODY_TEAM = "custody.team"
    # The licence the COM drafts and activates on release (item 5); the recall report, Part A (item 6).
    LICENCE_MANAGE = "custody.licence_manage"
    RECALL_REPORT = "custody.recall_report"

    # Victims (issue 15). Victim liaison staff (a unit's managers hold the same role) read and record
    # the victims of their region's cases; no other role reads victim data (victims.md, the wall).
    VICTIM_RECORDS = "victims.records"
    VICTIM_RECORDS_MANAGE = "victims.records_manage"
    # The offender manager's side: that the scheme applies, the VLO and the dates the VLO was told;
    # and the victims' requests for licence conditions (no location), included or declined.
    VICTIM_SCHEME_VIEW = "victims.scheme_view"
    VICTIM_REPRESENTATION_DECIDE = "victims.representation_decide"
    # Closing a scheme case with a reason, and reopening it (the VLO and the unit's manager).
    VICTIM_CASE_CLOSE = "victims.case_close"
    # The unit's manager allocates and reallocates its cases between its VLOs.
    VICTIM_UNIT_MANAGE = "victims.unit_manage"

    # Approved premises (issue 16; approved-premises.md): the estate directory; a practitioner applies;
    # an assessor (or the Central Referral Unit) assesses, the CRU matches and books; AP staff run their
    # own premises (beds out of service, arrivals, the night's register). Scoped to work the user may
    # see by probation.approved_premises.policy.
    AP_ESTATE_VIEW = "approved_premises.estate_view"
    AP_APPLY = "approved_premises.apply"
    AP_ASSESS = "approved_premises.assess"
    AP_MATCH = "approved_premises.match"
    AP_PREMISES_MANAGE = "approved_premises.premises_manage"
    # An extension needs approval (approved-premises.md § Stay; the stay's length is the assessor's
    # to agree): the Central Referral Unit, which assesses and books, approves it. The national view
    # of occupancy, vacancies and waiting applications is the CRU's.
    AP_EXTENSION_APPROVE = "approved_premises.extension_approve"
    AP_NATIONAL_VIEW = "approved_premises.national_view"

    # Local information and equality monitoring (issue 17): an area's aggregate figures (scoped to the
    # user's PDU or region by probation.insights.selectors.areas), and the equality monitoring pages.
    INSIGHTS_AREA_VIEW = "insights.area_view"
    INSIGHTS_EQUALITY_VIEW = "insights.equality_view"
    # Periodic case reviews (issue 17 item 5): read a case's reviews; record one (the case's officers
    # and managers in its PDU); add the manager's oversight note (the case's team manager).
    CASE_REVIEW_VIEW = "worklists.case_review_view"
    CASE_REVIEW_RECORD = "worklists.case_review_record"
    CASE_REVIEW_OVERSEE = "worklists.case_review_oversee"

    # Accredited programmes (issue 12 item 2): read a case's pathway and referrals; refer (the case's
    # practitioner, in its PDU); run a PDU's waiting lists, groups and facilitator training (treatment
    # managers); record the register of a session one facilitates (trained POs and PSOs).
    PROGRAMME_VIEW = "programmes.view"
    PROGRAMME_REFER = "programmes.refer"
    PROGRAMME_MANAGE = "programmes.manage"
    PROGRAMME_FACILITATE = "programmes.facilitate"

    # Commissioned rehabilitative services (issue 12 item 3): read a case's referrals; refer and approve
    # action plans, end a referral (the case's officers in its managing PDU); provider staff work the
    # referrals sent to their organisation only (probation.referrals.selectors.provider), no case record.
    REFERRAL_VIEW = "referrals.view"
    REFERRAL_MANAGE = "referrals.manage"
    REFERRAL_PROVIDER_WORK = "referrals.provider_work"

    # Drug and alcohol testing (issue 12 item 5; drug-testing.md): read a case's tests; record and
    # update them and decide on a positive (practitioners and senior POs, in the case's managing PDU);
    # approved-premises staff record tests of their own residents on the approved-premises basis only
    # (their case scope is narrowed by probation.approved_premises.policy).
    DRUG_TEST_VIEW = "drug_testing.view"
    DRUG_TEST_MANAGE = "drug_testing.manage"
    DRUG_TEST_DECIDE = "drug_testing.decide"
    DRUG_TEST_RECORD_AP = "drug_testing.record_ap"

    # Parole Board and prison governors' reports (issue 14 item 7): read a prisoner's parole reviews
    # and governors' reports; request them, write them (the named author) and record the hearing and
    # decision in the case's managing PDU (granted below ROLE_PERMISSIONS).
    PAROLE_VIEW = "parole.view"
    PAROLE_MANAGE = "parole.manage"


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
    P.PLAN_VIEW,  # issue 12
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
    P.PLAN_MANAGE,  # issue 12
}

# What the offender manager sees and decides of the victim contact scheme (issue 15).
_VICTIMS_COM = {P.VICTIM_SCHEME_VIEW, P.VICTIM_REPRESENTATION_DECIDE}

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
            *_VICTIMS_COM,
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
            *_VICTIMS_COM,
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
    Role.VLO: frozenset(_STAFF_READ | {P.VICTIM_RECORDS, P.VICTIM_RECORDS_MANAGE, P.VICTIM_CASE_CLOSE}),
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
    # Heads of PDU see their PDU's figures and team workloads; regional leads their region's. Both
    # watch their area's decisions for unequal outcomes (equality.md). Aggregates only: no case access.
    Role.HEAD_OF_PDU: frozenset({P.INSIGHTS_AREA_VIEW, P.INSIGHTS_EQUALITY_VIEW}),
    # (regional leadership)
    Role.REGIONAL_LEAD: frozenset({P.INSIGHTS_AREA_VIEW, P.INSIGHTS_EQUALITY_VIEW}),
    # Unpaid work (issue 13).
    Role.UPW_STAFF: frozenset(
        {P.CASE_VIEW, P.CASE_SEARCH, P.SENTENCE_VIEW, P.REGISTRATION_VIEW, P.CONTACT_VIEW}
        | {P.UPW_MANAGE, P.UPW_SESSION_RECORD}
    ),
    # (supervisors: their sessions' sheets only, no case records)
    Role.UPW_SUPERVISOR: frozenset({P.UPW_SESSION_RECORD}),
    # Approved premises (issue 16): assessors read the case to assess; emergency, short-notice and
    # specialist work only with the qualification (probation.approved_premises.policy).
    Role.AP_ASSESSOR: frozenset(_STAFF_READ | {P.AP_ESTATE_VIEW, P.AP_ASSESS}),
    # (Central Referral Unit) assesses too, matches, books, and keeps the estate's beds.
    Role.AP_CRU: frozenset(
        _STAFF_READ
        | {
            P.AP_ESTATE_VIEW,
            P.AP_ASSESS,
            P.AP_MATCH,
            P.AP_PREMISES_MANAGE,
            P.AP_EXTENSION_APPROVE,
            P.AP_NATIONAL_VIEW,
        }
    ),
    # Accredited programmes (issue 12 item 2): the treatment manager reads the cases they assess and
    # runs their PDU's waiting lists, groups and registers (probation.programmes.selectors).
    Role.PROGRAMME_MANAGER: frozenset(
        {P.CASE_VIEW, P.CASE_SEARCH, P.SENTENCE_VIEW, P.REGISTRATION_VIEW, P.ASSESSMENT_VIEW, P.CONTACT_VIEW}
        | {P.PROGRAMME_VIEW, P.PROGRAMME_MANAGE, P.PROGRAMME_FACILITATE}
    ),
    # Commissioned providers' staff (issue 12 item 3): a partner role with no case access at all.
    Role.PROVIDER: frozenset({P.REFERRAL_PROVIDER_WORK}),
    # Victim liaison unit managers (issue 15): read their region's unit's cases and victims (victim
    # data is readable by victim-liaison staff and their managers, victims.md), allocate and reallocate
    # cases between the unit's VLOs, close and reopen cases, and see the unit's performance. Recording
    # victims, contacts, requests and letters stays with the VLO.
    Role.VLO_MANAGER: frozenset(_STAFF_READ | {P.VICTIM_RECORDS, P.VICTIM_CASE_CLOSE, P.VICTIM_UNIT_MANAGE}),
}

# Periodic case reviews (issue 17 item 5): officers review their cases; their managers oversee.
for _role, _granted in {
    Role.PRACTITIONER: {P.CASE_REVIEW_VIEW, P.CASE_REVIEW_RECORD},
    Role.SENIOR_PO: {P.CASE_REVIEW_VIEW, P.CASE_REVIEW_RECORD, P.CASE_REVIEW_OVERSEE},
}.items():
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | _granted
# Accredited programmes (issue 12 item 2): practitioners and senior POs read a case's pathway, refer
# and (when trained) facilitate groups. Kept in one block so merges stay clean.
for _role in (Role.PRACTITIONER, Role.SENIOR_PO):
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | {
        P.PROGRAMME_VIEW,
        P.PROGRAMME_REFER,
        P.PROGRAMME_FACILITATE,
    }

# Commissioned rehabilitative services (issue 12 item 3): practitioners and senior POs refer and
# approve; staff who read the case read its referrals.
for _role, _granted in {
    Role.PRACTITIONER: {P.REFERRAL_VIEW, P.REFERRAL_MANAGE},
    Role.SENIOR_PO: {P.REFERRAL_VIEW, P.REFERRAL_MANAGE},
    Role.CASE_ADMIN: {P.REFERRAL_VIEW},
}.items():
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | _granted

# Custody (issue 14): staff who read sentences read custody records; officers and senior POs manage
# them; senior POs see their PDU's handovers and releases. Kept in one block so merges stay clean.
for _role, _granted in {
    Role.PRACTITIONER: {P.CUSTODY_VIEW, P.CUSTODY_MANAGE, P.LICENCE_MANAGE, P.RECALL_REPORT},
    Role.SENIOR_PO: {P.CUSTODY_VIEW, P.CUSTODY_MANAGE, P.CUSTODY_TEAM, P.LICENCE_MANAGE, P.RECALL_REPORT},
    Role.CASE_ADMIN: {P.CUSTODY_VIEW},
    Role.COURT_OFFICER: {P.CUSTODY_VIEW},
    Role.VLO: {P.CUSTODY_VIEW},
    Role.AP_STAFF: {P.CUSTODY_VIEW},
}.items():
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | _granted

# Parole (issue 14 item 7): officers and senior POs write and record; case administrators read. The
# VLO role reads nothing here (the report is the offender manager's; the VLO hears of the review and
# the decision through the key events).
for _role, _granted in {
    Role.PRACTITIONER: {P.PAROLE_VIEW, P.PAROLE_MANAGE},
    Role.SENIOR_PO: {P.PAROLE_VIEW, P.PAROLE_MANAGE},
    Role.CASE_ADMIN: {P.PAROLE_VIEW},
}.items():
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | _granted

# Drug and alcohol testing (issue 12 item 5). Kept in one block so merges stay clean.
for _role, _granted in {
    Role.PRACTITIONER: {P.DRUG_TEST_VIEW, P.DRUG_TEST_MANAGE, P.DRUG_TEST_DECIDE},
    Role.SENIOR_PO: {P.DRUG_TEST_VIEW, P.DRUG_TEST_MANAGE, P.DRUG_TEST_DECIDE},
    Role.AP_STAFF: {P.DRUG_TEST_VIEW, P.DRUG_TEST_RECORD_AP},
}.items():
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | _granted


def has_permission(user: User, permission: Permission) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return permission in ROLE_PERMISSIONS.get(user.role, frozenset())


def is_partner(user: User) -> bool:
    return user.role == Role.PARTNER

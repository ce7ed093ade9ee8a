"""Set-up shared by the sign-off tests: a case, its report request allocated to the officer, and a
report ready to sign (every section the sign checks need)."""

from probation.reports.models import CustodyPosition, Report
from probation.reports.tests.factories import ReportFactory, ReportRequestFactory

READY = {
    "sources": ["interview", "cps_summary"],
    "offence_analysis": "Mr Smith took the bicycle to sell it for drugs.",
    "pattern_of_offending": "Three thefts since 2020.",
    "circumstances": "Lives alone; unemployed.",
    "risk_assessment": "Low risk of serious harm.",
    "proposal": "A community order of 12 months with 100 hours of unpaid work.",
    "rationale": "Addresses the drivers of the offending.",
    "alternatives_rejected": "A fine: he cannot pay.",
    "custody_position": CustodyPosition.BELOW_THRESHOLD,
}


def report_for(person, author, **fields) -> Report:
    request = ReportRequestFactory(person=person, author=author, status="allocated")
    return ReportFactory.create(request=request, **(READY | fields))

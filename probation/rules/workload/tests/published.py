"""The published national default weightings exactly as workload.md gives them: the tests' oracle
(the workload app seeds its reference data from the same table in a data migration)."""

from probation.rules.workload.points import CaseType, ReportType

_TABLE = """
A3 206 75 219
A2 158 60 175
A1 146 59 163
A0 110 0 0
B3 146 59 161
B2 115 48 132
B1 102 47 119
B0 72 0 0
C3 79 30 77
C2 63 24 65
C1 50 23 52
C0 35 0 0
D3 51 17 51
D2 41 14 43
D1 29 13 31
D0 29 0 0
"""

CASE_WEIGHTINGS: dict[tuple[str, CaseType], int] = {}
for _line in _TABLE.strip().splitlines():
    _tier, _community, _custody, _licence = _line.split()
    CASE_WEIGHTINGS[(_tier, CaseType.COMMUNITY)] = int(_community)
    CASE_WEIGHTINGS[(_tier, CaseType.CUSTODY)] = int(_custody)
    CASE_WEIGHTINGS[(_tier, CaseType.LICENCE)] = int(_licence)

REPORT_WEIGHTINGS = {ReportType.STANDARD_PSR: 138, ReportType.FAST_PSR: 65, ReportType.PAROLE: 120}

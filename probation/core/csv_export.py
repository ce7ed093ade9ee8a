"""CSV downloads that are safe to open in a spreadsheet.

Excel, LibreOffice and Google Sheets run a cell starting with ``=``, ``+``, ``-`` or ``@`` (and,
in some versions, a tab or carriage return before one) as a formula, so a name or address typed as
``=HYPERLINK(…)`` could run when a user opens an export. Such a cell is prefixed with a single quote,
which the spreadsheet shows as text (OWASP "CSV injection"; ASVS 5.0 V1.2.10).
"""

import csv
from collections.abc import Iterable
from typing import Protocol

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


class _Writable(Protocol):
    def write(self, text: str, /) -> object: ...


def neutralise_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return f"'{value}"
    return value


def csv_write(stream: _Writable, rows: Iterable[Iterable[object]]) -> None:
    """Write ``rows`` to ``stream`` (an HttpResponse or a file), every cell neutralised."""
    writer = csv.writer(stream)
    writer.writerows([neutralise_cell(value) for value in row] for row in rows)

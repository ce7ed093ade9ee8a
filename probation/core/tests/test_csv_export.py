import io

import pytest

from probation.core.csv_export import csv_write, neutralise_cell


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_cells_a_spreadsheet_would_run_are_prefixed_with_a_quote(cell):
    assert neutralise_cell(cell) == f"'{cell}"


@pytest.mark.parametrize("cell", ["Smith", "O'Brien", "1985-03-27", "a=b", "", 42, None])
def test_other_cells_are_left_alone(cell):
    assert neutralise_cell(cell) == cell


def test_csv_write_neutralises_every_cell():
    stream = io.StringIO()

    csv_write(stream, [["CRN", "Name"], ["X123456", "-2+3"]])

    assert stream.getvalue() == "CRN,Name\r\nX123456,'-2+3\r\n"

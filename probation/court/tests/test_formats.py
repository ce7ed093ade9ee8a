"""The CSV and JSON court list formats (docs/how-to/court-lists.md): good files read the same, and a bad
file is refused whole with every problem and where it is."""

import datetime as dt

import pytest

from probation.court.services.formats import ListedOffence, ListFormatError, parse_list_file
from probation.court.tests.conftest import TODAY, data_file

HEADER = (
    "court,date,session,room,time,listing_number,surname,forenames,date_of_birth,pnc,cro,address,"
    "offence_code,offence_wording,plea\n"
)


def _errors(name: str, content: bytes) -> list[str]:
    with pytest.raises(ListFormatError) as refused:
        parse_list_file(name, content, today=TODAY)
    return refused.value.errors


def test_the_example_csv_reads_as_one_list_with_offences_grouped_by_listing_number():
    parsed = parse_list_file("list.csv", data_file("leeds_magistrates_morning.csv"), today=TODAY)

    assert (parsed.court_code, parsed.sitting_date, parsed.session) == (
        "B13LY00",
        dt.date(2026, 12, 4),
        "morning",
    )
    assert [h.listing_number for h in parsed.hearings] == [1, 2]
    smith = parsed.hearings[0]
    assert (smith.surname, smith.forenames, smith.date_of_birth) == (
        "SMITH",
        "John Paul",
        dt.date(1990, 5, 17),
    )
    assert (smith.pnc_number, smith.cro_number, smith.plea) == ("2004/0046583U", "123456/04A", "guilty")
    assert smith.hearing_time == dt.time(10, 0)
    assert smith.offences == (
        ListedOffence("TH68010", "Stole a bicycle worth £300, belonging to A N Other"),
        ListedOffence("CJ03510", "Failed to surrender to custody at the appointed time"),
    )
    assert parsed.hearings[1].plea == "not_guilty"


def test_the_example_json_reads_the_same_as_the_example_csv():
    from_json = parse_list_file("list.json", data_file("leeds_magistrates_morning.json"), today=TODAY)
    from_csv = parse_list_file("list.csv", data_file("leeds_magistrates_morning.csv"), today=TODAY)

    assert from_json == from_csv


def test_a_malformed_csv_lists_every_problem_with_its_row_number():
    errors = _errors("bad.csv", data_file("malformed.csv"))

    assert errors == [
        "Row 3: Enter the date of birth as a real date in the past, YYYY-MM-DD",
        "Row 3: Enter the PNC number in the format 2004/0046583U",
        "Row 3: Enter the hearing time as HH:MM, for example 10:00",
        "Row 3: The plea must be guilty, not guilty or left blank",
        "Row 4: Enter the defendant’s surname",
        "Row 4: Enter each offence code as 3 to 8 letters or digits, for example TH68010",
        "Row 4: Enter the wording of each offence",
    ]


def test_a_malformed_json_lists_every_problem_with_its_hearing_number():
    errors = _errors("bad.json", data_file("malformed.json"))

    assert errors == [
        "List: The session must be morning, afternoon or all_day",
        "Hearing 2: The listing number must be a whole number from 1 to 99999",
        "Hearing 2: Enter the defendant’s forenames",
        "Hearing 2: Enter at least one offence",
    ]


def test_rows_of_one_hearing_that_disagree_about_the_defendant_are_refused():
    rows = (
        "B13LY00,2026-12-04,morning,1,10:00,1,SMITH,John,1990-05-17,,,,TH68010,Theft,\n"
        "B13LY00,2026-12-04,morning,1,10:00,1,SMYTH,John,1990-05-17,,,,CJ03510,Bail offence,\n"
    )
    assert _errors("l.csv", (HEADER + rows).encode()) == [
        "Row 3: the defendant details differ from row 2, which has the same listing number"
    ]


def test_a_file_mixing_two_sittings_is_refused():
    rows = (
        "B13LY00,2026-12-04,morning,1,10:00,1,SMITH,John,1990-05-17,,,,TH68010,Theft,\n"
        "B13LY00,2026-12-04,afternoon,1,14:00,2,JONES,Amy,1985-11-02,,,,TH68010,Theft,\n"
    )
    assert _errors("l.csv", (HEADER + rows).encode()) == [
        "The file must hold one list: one court, one sitting date and one session"
    ]


def test_missing_columns_are_named_against_the_heading_row():
    assert _errors("l.csv", b"court,date,surname\nB13LY00,2026-12-04,SMITH\n") == [
        "Row 1: the heading row is missing the columns session, listing_number, forenames, offence_code"
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("l.csv", HEADER.encode(), "The file has no hearings"),
        ("l.csv", b"\xff\xfe\x00", "The file must be UTF-8 text (CSV or JSON)"),
        ("l.json", b"{not json", "The file is not valid JSON"),
        ("l.json", b"[]", "The file must be a JSON object with court, date, session and a hearings list"),
    ],
)
def test_files_that_are_not_lists_are_refused_with_a_message(name, content, message):
    assert _errors(name, content)[0].startswith(message)


def test_json_values_of_the_wrong_type_are_errors_not_crashes():
    content = (
        b'{"court": "B13LY00", "date": "2026-12-04", "session": "morning", "hearings": ['
        b'{"listing_number": 1, "defendant": {"surname": ["x"], "forenames": "A", "date_of_birth": 5},'
        b' "offences": [{"code": "TH68010", "wording": {"a": 1}}]}, 7]}'
    )
    assert _errors("l.json", content) == [
        "Hearing 1: The defendant’s surname must be text",
        "Hearing 1: Enter the date of birth as a real date in the past, YYYY-MM-DD",
        "Hearing 1: Enter the wording of each offence",
        "Hearing 2: Each hearing must be a JSON object",
    ]

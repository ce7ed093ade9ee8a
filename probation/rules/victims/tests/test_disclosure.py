"""Requests sent to the COM carry no location (victims.md § Representations)."""

import pytest

from probation.rules.victims.disclosure import location_problems, message_text_problems

HOME = "17 Orchard Way\nHeadingley, Leeds"


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("No contact with the victim or any member of her family", []),
        ("Exclusion zone around the victim's home area, drawn wide", []),
        ("Not to enter the area around LS6 2QT", ["a postcode"]),
        ("Not to enter ls62qt", ["a postcode"]),
        ("Keep away from 17 Orchard Way", ["an address"]),
        ("Keep away from Orchard Way", ["an address"]),  # a line of the address the victim gave
        ("Exclusion zone covering Headingley, Leeds", ["an address"]),
        ("Stay out of 3 Elm Grove, LS6 1AA", ["a postcode", "an address"]),
        ("Do not contact her before 10 am", []),
    ],
)
def test_a_request_naming_a_location_is_found(text, problems):
    found = location_problems(text, known_addresses=[HOME, "Orchard Way"], known_postcodes=["LS6 2QT"])
    assert found == problems


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("The Parole Board decided to release him. The panel found his risk manageable.", []),
        ("He is held at HMP Leeds", ["the prison"]),
        ("He moved to Armley Prison last month", ["the prison"]),
        ("He will live at 4 Mill Lane, LS2 7AB", ["an address"]),
        ("He will live in Mill Lane", ["an address"]),
    ],
)
def test_a_letter_never_names_the_prison_or_the_release_address(text, problems):
    from probation.rules.victims.disclosure import letter_text_problems

    assert (
        letter_text_problems(text, release_addresses=["4 Mill Lane\nHunslet"], release_postcodes=["LS2 7AB"])
        == problems
    )


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("Roy Wallace has been recalled to prison.", []),
        ("Recall to prison", []),
        ("He is now held at HMP Wakefield.", ["the prison"]),
        ("He has moved to wakefield.", ["the prison"]),
        ("Released in May 2027 to 4 Mill Lane", ["an address"]),
        ("Released in May 2027 to Hunslet", ["an address"]),
        ("Released in May 2027, LS10 1AB", ["an address"]),
        ("HMP Leeds, 2 Gloucester Terrace LS12 2TJ", ["the prison", "an address"]),
        ("Victim liaison unit, Yorkshire and the Humber", []),
    ],
)
def test_a_letter_by_email_or_text_never_names_the_prison_or_the_release_address(text, problems):
    assert (
        message_text_problems(
            text,
            prisons=["HMP Wakefield"],
            release_addresses=["4 Mill Lane\nHunslet"],
            release_postcodes=["LS10 1AB"],
        )
        == problems
    )

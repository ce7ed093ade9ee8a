"""The official offence descriptions (issue 10 item 7): plain values in, plain values out."""

import pytest

from probation.rules.offences.descriptions import (
    code_in_text,
    offence_description,
    offence_descriptions,
    offence_label,
    offence_search,
)


def test_every_row_of_the_reference_is_read():
    table = offence_descriptions()

    assert len(table) == 3028
    assert table["03401"].description == "Robbery"
    assert table["03401"].category == "Robbery and assaults with intent to rob"
    assert table["03401"].group == "Robbery"


def test_a_code_the_reference_does_not_describe_is_never_given_a_name():
    assert offence_description("00000") is None
    assert offence_label("00000") == "Offence code 00000 (no official description)"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("04600", "04600"),
        (" 04600 ", "04600"),
        ("04600 Stealing from shops", "04600"),
        ("04600 – Stealing from shops", "04600"),
        ("Stealing from shops and stalls (shoplifting) (04600)", "04600"),
        ("Stealing from shops and stalls (shoplifting)", None),
        ("Possession of 2 knives", None),
        ("123456", None),
    ],
)
def test_the_code_in_what_was_typed(text, code):
    assert code_in_text(text) == code


def test_an_exact_description_comes_first_then_whole_words_then_word_starts():
    found = [o.ho_code for o in offence_search("robbery")]

    assert found[0] == "03401"
    assert [o.ho_code for o in offence_search("shopl")] == ["04600"]


def test_search_keeps_to_the_usable_codes_and_the_limit():
    assert [o.ho_code for o in offence_search("robbery", usable={"03401"})] == ["03401"]
    assert len(offence_search("assault", limit=3)) == 3
    assert len(offence_search("assault", limit=None)) > 20


def test_digits_find_codes_starting_with_them():
    assert {o.ho_code[:3] for o in offence_search("034")} == {"034"}
    assert offence_search("!!!") == []

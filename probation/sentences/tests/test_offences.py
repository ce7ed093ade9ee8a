"""The offence code reference by name (issue 10 item 7): every code shows its official description,
or says it has none; what a user types (a code, the type-ahead's "description (code)", or words of
the description) resolves to one offence, or to an error naming the choices."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from probation.core.errors import ServiceError
from probation.rules.offences.descriptions import DATA_FILE as DESCRIPTIONS_FILE
from probation.rules.predictors.offences import DATA_FILE as WEIGHTINGS_FILE
from probation.sentences.offences import offence_get, offence_resolve, offence_search, offences

DOMAIN = Path("/work/shared/domain")


def test_every_code_of_the_reference_is_loaded_with_its_official_description():
    table = offences()

    assert len(table) == 3028
    assert table["04600"].description == "Stealing from shops and stalls (shoplifting)"
    assert table["00301"].description == "Making threats to kill"
    assert table["04600"].label == "Stealing from shops and stalls (shoplifting) (04600)"
    assert not any("(code " in o.description for o in table.values())


def test_runs_of_spaces_in_the_published_text_are_made_one():
    assert offences()["00100"].description == (
        "Murder [Use this code only if you are unable to determine which subcoded Offence applies]"
    )


def test_a_code_without_an_official_description_says_so(monkeypatch):
    monkeypatch.setattr("probation.rules.offences.descriptions.offence_descriptions", lambda: {})
    offences.cache_clear()
    try:
        assert offences()["10400"].description == "Offence code 10400 (no official description)"
    finally:
        offences.cache_clear()


@pytest.mark.skipif(not DOMAIN.exists(), reason="domain reference not mounted")
@pytest.mark.parametrize(
    ("copy", "reference"),
    [(WEIGHTINGS_FILE, "offence-weightings.csv"), (DESCRIPTIONS_FILE, "offence-descriptions.csv")],
)
def test_the_copies_are_unmodified(copy, reference):
    assert copy.read_bytes() == (DOMAIN / reference).read_bytes()


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "Enter the offence code"),
        ("1040A", "Offence code must be a 5-digit Home Office offence code, like 10400; 1040A was given"),
        ("00000", "Offence code 00000 is not a known Home Office offence code"),
        ("11100", "Offence code 11100 is a general category: enter the code of the exact offence"),
    ],
)
def test_unusable_codes_are_refused_with_a_clear_message(code, message):
    with pytest.raises(ServiceError) as refused:
        offence_get(code)

    assert (refused.value.field, refused.value.message) == ("ho_code", message)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        (" 04600 ", "04600"),
        ("Stealing from shops and stalls (shoplifting) (04600)", "04600"),
        ("04600 Stealing from shops and stalls", "04600"),
        ("shoplifting", "04600"),
        ("SHOPLIFTING", "04600"),
        ("threats to kill", "00301"),
        ("kerb crawling", "16501"),
        ("Robbery", "03401"),  # the whole description, although other offences mention robbery
    ],
)
def test_a_code_or_words_naming_one_offence_resolve_to_it(typed, code):
    assert offence_resolve(typed).ho_code == code


def test_words_matching_several_offences_list_the_first_choices_with_their_codes():
    with pytest.raises(ServiceError) as refused:
        offence_resolve("libel", field="main_code", label="Main offence")

    assert refused.value.field == "main_code"
    assert refused.value.message == (
        "2 offences match “libel”: enter more words or the code of the one you mean, for example "
        "Libel (06800); Libel (99968)"
    )


def test_many_matches_say_how_many_more_there_are():
    with pytest.raises(ServiceError) as refused:
        offence_resolve("common assault")

    assert refused.value.message.startswith("6 offences match “common assault”")
    assert "Common assault and battery (10501)" in refused.value.message
    assert refused.value.message.endswith(" and 1 more")


def test_words_matching_nothing_are_refused():
    with pytest.raises(ServiceError) as refused:
        offence_resolve("flying a kite indoors")

    assert refused.value.message == (
        "No offence matches “flying a kite indoors”: check the spelling, try other words from the offence, "
        "or enter its 5-digit Home Office offence code"
    )


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("104", "Main offence code must be a 5-digit Home Office offence code, like 10400; 104 was given"),
        ("08800", "Main offence code 08800 is a general category: enter the code of the exact offence"),
    ],
)
def test_codes_typed_keep_their_messages(typed, message):
    with pytest.raises(ServiceError) as refused:
        offence_resolve(typed, label="Main offence")

    assert refused.value.message == message


def test_search_finds_words_in_any_order_and_word_starts_and_leaves_out_general_categories():
    assert [o.ho_code for o in offence_search("police assault")][:1] == ["00808"]
    assert "08800" not in [o.ho_code for o in offence_search("088")]
    assert [o.ho_code for o in offence_search("0460")] == ["04600"]
    assert offence_search("") == []


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=60))
def test_anything_typed_resolves_to_an_offence_or_a_clear_error(text):
    refused: ServiceError | None = None
    try:
        found = offence_resolve(text)
    except ServiceError as error:
        refused = error
    if refused is not None:
        assert (bool(refused.message), refused.field) == (True, "ho_code")
    else:
        assert found.ho_code in offences()
        assert not found.general_category

"""The offence code reference: the offence table matches the domain reference row for row, and
every code has a readable description."""

from pathlib import Path

import pytest

from probation.core.errors import ServiceError
from probation.sentences.offences import DATA_FILE, offence_get, offences

DOMAIN_REFERENCE = Path("/work/shared/domain/offence-weightings.csv")


def test_every_code_of_the_reference_is_loaded_with_a_description():
    table = offences()

    assert len(table) == 3028
    assert all(o.description.endswith(f"(code {code})") for code, o in table.items())
    assert table["10400"].description == "Violence – Violence against the person (code 10400)"
    assert table["08800"].description == "Sexual (not against child) (code 08800)"


@pytest.mark.skipif(not DOMAIN_REFERENCE.exists(), reason="domain reference not mounted")
def test_the_copy_is_unmodified():
    assert DATA_FILE.read_bytes() == DOMAIN_REFERENCE.read_bytes()


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


def test_a_code_is_trimmed():
    assert offence_get(" 10400 ").ho_code == "10400"

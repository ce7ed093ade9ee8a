import pytest

from probation.rules.victims.letters import LetterKind, letter_refusal

K = LetterKind


@pytest.mark.parametrize(
    ("kind", "participation", "level", "refused"),
    [
        (K.SCHEME_OFFER, "undecided", "key_stages", False),
        (K.SCHEME_OFFER, "deferred", "key_stages", False),
        (K.SCHEME_OFFER, "opted_out", "key_stages", True),
        (K.LICENCE_CONDITIONS, "opted_out", "key_stages", True),
        (K.LICENCE_CONDITIONS, "undecided", "key_stages", True),
        (K.LICENCE_CONDITIONS, "deferred", "key_stages", True),
        (K.LICENCE_CONDITIONS, "opted_in", "key_stages", False),
        (K.LICENCE_CONDITIONS, "opted_in", "annual", False),
        (K.LICENCE_CONDITIONS, "opted_in", "release_month", True),
        (K.RELEASE_MONTH, "opted_in", "release_month", False),
        (K.RECALL, "opted_in", "release_month", True),
    ],
)
def test_who_may_be_sent_which_letter(kind, participation, level, refused):
    assert bool(letter_refusal(kind, participation=participation, information_level=level)) is refused

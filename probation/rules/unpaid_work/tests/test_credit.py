import datetime as dt

import pytest

from probation.rules.unpaid_work.credit import (
    ATTENDED,
    ENFORCEABLE,
    CreditError,
    ProjectKind,
    SessionCredit,
    SessionOutcome,
    session_credit,
    session_outcome,
)

Out, K = SessionOutcome, ProjectKind
T = dt.time
NINE, FOUR = T(9), T(16)


def credit(
    outcome=Out.ATTC, signed_in=NINE, signed_out=FOUR, penalty=0, travel=0, kind=K.GROUP, remaining=6000
):
    return session_credit(
        outcome=outcome,
        signed_in=signed_in,
        signed_out=signed_out,
        penalty=penalty,
        travel=travel,
        kind=kind,
        remaining=remaining,
    )


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, SessionCredit(420, 420, False, 0)),
        ({"penalty": 30}, SessionCredit(390, 390, False, 0)),
        ({"penalty": 420}, SessionCredit(0, 0, False, 0)),
        ({"signed_out": T(12, 15)}, SessionCredit(195, 195, False, 0)),
        ({"outcome": Out.ATSH, "signed_out": T(11)}, SessionCredit(120, 120, False, 0)),
        ({"outcome": Out.ATSS, "signed_out": T(10)}, SessionCredit(60, 60, False, 0)),
        ({"outcome": Out.AFTC, "penalty": 60}, SessionCredit(360, 360, False, 0)),
        ({"remaining": 100}, SessionCredit(420, 100, True, 0)),
        ({"remaining": 0}, SessionCredit(420, 0, True, 0)),
        ({"remaining": -5}, SessionCredit(420, 0, True, 0)),
        ({"travel": 60}, SessionCredit(420, 420, False, 60)),
        ({"travel": 180, "kind": K.INDIVIDUAL}, SessionCredit(420, 420, False, 180)),
        ({"travel": 60, "remaining": 450}, SessionCredit(420, 420, False, 30)),
        ({"outcome": Out.UAAB, "signed_in": None, "signed_out": None}, SessionCredit(0, 0, False, 0)),
        ({"outcome": Out.AASD, "signed_in": None, "signed_out": None}, SessionCredit(0, 0, False, 0)),
    ],
)
def test_minutes_credited_are_end_minus_start_minus_penalty_never_beyond_what_remains(kwargs, expected):
    assert credit(**kwargs) == expected


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"signed_out": T(8)}, "signed_out", "Sign-out (08:00) must be after sign-in (09:00)."),
        ({"signed_out": T(9)}, "signed_out", "Sign-out (09:00) must be after sign-in (09:00)."),
        ({"signed_out": None}, "signed_out", "Enter the sign-in and sign-out times of someone who attended."),
        ({"signed_in": None}, "signed_out", "Enter the sign-in and sign-out times of someone who attended."),
        ({"penalty": 421}, "penalty", "Penalty minutes (421) cannot be more than the time present (420)."),
        ({"penalty": -1}, "penalty", "Penalty minutes cannot be negative."),
        ({"travel": -1}, "travel", "Travel minutes cannot be negative."),
        ({"travel": 181}, "travel", "Travel time is at most 180 minutes."),
        (
            {"travel": 30, "kind": K.ETE},
            "travel",
            "Travel time applies only to group and individual placements.",
        ),
        (
            {"travel": 30, "kind": K.INDUCTION},
            "travel",
            "Travel time applies only to group and individual placements.",
        ),
        (
            {"outcome": Out.UAAB},
            "signed_in",
            "An absence has no sign-in, sign-out, penalty or travel time: clear them.",
        ),
    ],
)
def test_bad_rows_are_refused_with_the_reason(kwargs, field, message):
    with pytest.raises(CreditError) as refused:
        credit(**kwargs)
    assert (refused.value.field, refused.value.message) == (field, message)


def test_outcome_codes_and_the_2026_rename():
    assert session_outcome("uacp") is Out.UAAB
    assert session_outcome(" ATTC ") is Out.ATTC
    with pytest.raises(CreditError):
        session_outcome("XXXX")


def test_attended_and_enforceable_outcomes_follow_the_domain_file():
    assert {Out.ATTC, Out.AFTC, Out.ATSH, Out.ATSS} == ATTENDED
    assert {Out.AFTC, Out.ATSH, Out.UAAB} == ENFORCEABLE

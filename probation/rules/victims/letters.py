"""Which letters a victim may be sent (victims.md § What an opted-in victim is told; issue 15 item 3).

- A victim who opted out is sent nothing until they rejoin (the refusal is the service's answer).
- The offer of the scheme goes to anyone who has not opted out.
- Key-stage letters go only to a victim who opted in, at the level they chose: "release month only"
  gets the release month letter and nothing else; "annual" and "every key stage" get them all.
"""

from enum import StrEnum


class LetterKind(StrEnum):
    SCHEME_OFFER = "scheme_offer"
    RELEASE_MONTH = "release_month"
    LICENCE_CONDITIONS = "licence_conditions"
    PAROLE_DECISION = "parole_decision"
    RECALL = "recall"


LETTER_LABELS = {
    LetterKind.SCHEME_OFFER: "Offer of the victim contact scheme",
    LetterKind.RELEASE_MONTH: "Month of release",
    LetterKind.LICENCE_CONDITIONS: "Licence conditions that relate to you and when they end",
    LetterKind.PAROLE_DECISION: "Parole Board decision (summary)",
    LetterKind.RECALL: "Recall to prison",
}


def letter_refusal(kind: LetterKind, *, participation: str, information_level: str) -> str:
    """The reason this victim may not be sent this letter, or "" when they may."""
    if participation == "opted_out":
        return "This victim has opted out of the scheme: no letter can be sent unless they rejoin"
    if kind == LetterKind.SCHEME_OFFER:
        return ""
    if participation != "opted_in":
        return "Key-stage letters go only to victims who have opted in"
    if information_level == "release_month" and kind != LetterKind.RELEASE_MONTH:
        return "This victim asked to be told the month of release only"
    return ""

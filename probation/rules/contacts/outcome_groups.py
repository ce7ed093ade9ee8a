"""The outcome form's groups and plain-English hints, as data.

Source: enforcement.md, "Outcomes". Every outcome belongs to exactly one group, derived from its kind in
the outcomes table (OUTCOMES), so a new code cannot be left ungrouped; each code has a hint saying in
plain words when to choose it (what a failed-to-attend, AFTA, means next to an unacceptable absence,
UAAB). Whether a choice counts as a failure to comply is not written here: the form adds it from
``counts_as_failure_to_comply`` for the contact at hand.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from probation.rules.contacts.outcomes import OUTCOMES, OutcomeCode, OutcomeKind


class OutcomeGroup(StrEnum):
    ATTENDED = "attended"
    DID_NOT_ATTEND = "did_not_attend"
    ACCEPTABLE_ABSENCE = "acceptable_absence"
    OTHER = "other"
    RESCHEDULED = "rescheduled"


# In the order the form shows them.
GROUP_HEADINGS: Mapping[OutcomeGroup, str] = MappingProxyType(
    {
        OutcomeGroup.ATTENDED: "Attended",
        OutcomeGroup.DID_NOT_ATTEND: "Did not attend",
        OutcomeGroup.ACCEPTABLE_ABSENCE: "Acceptable absence",
        OutcomeGroup.OTHER: "Other instruction, behaviour or decision",
        OutcomeGroup.RESCHEDULED: "Rescheduled",
    }
)

_GROUP_OF_KIND: Mapping[OutcomeKind, OutcomeGroup] = MappingProxyType(
    {
        OutcomeKind.ATTENDED_COMPLIED: OutcomeGroup.ATTENDED,
        OutcomeKind.ATTENDED_FAILED_TO_COMPLY: OutcomeGroup.ATTENDED,
        OutcomeKind.UNACCEPTABLE_ABSENCE: OutcomeGroup.DID_NOT_ATTEND,
        OutcomeKind.ACCEPTABLE_ABSENCE: OutcomeGroup.ACCEPTABLE_ABSENCE,
        OutcomeKind.OTHER_FAILURE_TO_COMPLY: OutcomeGroup.OTHER,
        OutcomeKind.ACCEPTABLE_FAILURE: OutcomeGroup.OTHER,
        OutcomeKind.RESCHEDULED: OutcomeGroup.RESCHEDULED,
    }
)

_O = OutcomeCode
HINTS: Mapping[OutcomeCode, str] = MappingProxyType(
    {
        _O.ATTC: "They came and did what was asked of them.",
        _O.AFTC: "They came but did not do what was asked, for example refused to take part.",
        _O.ATSH: "They came but were sent home because of how they behaved.",
        _O.ATSS: "They came but were sent home for a reason on our side, such as no work or no supervisor.",
        _O.AFDA: "They came and did not comply, but you judge that acceptable: record why in the notes.",
        _O.AFTA: (
            "They did not come and you are waiting for evidence of a reason. They have 7 days to give it; "
            "then decide whether the absence is acceptable or unacceptable."
        ),
        _O.UAAB: "They did not come and have no acceptable reason, or gave no evidence in time.",
        _O.ATFI: "They did not follow another instruction given under the order or licence.",
        _O.UBHV: "Their behaviour was unacceptable.",
        _O.AACL: "They were at court or had a legal appointment.",
        _O.AAEM: "They were at work and the employer confirms it.",
        _O.AAFC: "A family or childcare emergency.",
        _O.AAHO: "A holiday that was agreed beforehand.",
        _O.AAME: "They were ill or at a medical appointment.",
        _O.AARE: "A religious festival or observance.",
        _O.AARC: "They were held in custody on remand.",
        _O.AASD: "We stood the appointment down.",
        _O.AAAA: "Another acceptable reason: say what it was in the notes.",
        _O.CO05: "You judge the absence acceptable for a reason not listed: record why in the notes.",
        _O.CO10: (
            "A failure treated as acceptable because there were no others in the following 12 months. "
            "Only for sentences over 24 months."
        ),
        _O.RSOF: "Moved at the person's request.",
        _O.RSSR: "Moved by us, the service.",
        _O.TCLN: "The test was negative.",
        _O.TDRT: "The test was positive and they had not admitted use.",
        _O.TADM: "The test was positive and they admitted use before it.",
        _O.TRFS: "They refused to give a sample.",
        _O.TNTD: "They came but were not tested, for example no tester or kit was available.",
        _O.TUKN: "The result is not known yet, for example a positive instant test awaiting the laboratory.",
    }
)


def group_of(code: OutcomeCode) -> OutcomeGroup:
    return _GROUP_OF_KIND[OUTCOMES[code].kind]


@dataclass(frozen=True)
class GroupedOutcomes:
    group: OutcomeGroup
    heading: str
    codes: tuple[OutcomeCode, ...]


def grouped_outcomes(codes: Iterable[OutcomeCode]) -> list[GroupedOutcomes]:
    """``codes`` (the outcomes allowed for one contact) in their groups, groups in form order and codes in
    the order given; a group with none of them is left out."""
    wanted = list(dict.fromkeys(codes))
    return [
        GroupedOutcomes(group, heading, members)
        for group, heading in GROUP_HEADINGS.items()
        if (members := tuple(code for code in wanted if group_of(code) is group))
    ]

"""AP types, who may use them and their default length of stay (approved-premises.md § AP types)."""

from enum import StrEnum


class ApType(StrEnum):
    STANDARD = "standard"
    PIPE = "pipe"
    ESAP = "esap"
    RFAP = "rfap"
    MENTAL_HEALTH = "mental_health"


DEFAULT_STAY_DAYS: dict[ApType, int] = {
    ApType.STANDARD: 84,  # 12 weeks
    ApType.PIPE: 182,  # 26 weeks
    ApType.ESAP: 364,  # 52 weeks
    ApType.RFAP: 84,
    ApType.MENTAL_HEALTH: 84,
}
# Women may use standard, PIPE or ESAP only.
TYPES_FOR_WOMEN = frozenset({ApType.STANDARD, ApType.PIPE, ApType.ESAP})


def default_stay_days(ap_type: str) -> int:
    return DEFAULT_STAY_DAYS[ApType(ap_type)]


def type_allowed(ap_type: str, *, is_woman: bool) -> bool:
    return not is_woman or ApType(ap_type) in TYPES_FOR_WOMEN

"""Distance from a postcode district (approved-premises.md § Application, 6. Matching).

Matching searches "by postcode district (distance)". The system holds no postcode file, so distance is
measured between the approximate centres of the postcode *areas* (the letters before the district
number: "M" of "M14", "LS" of "LS6") of England and Wales, by great-circle distance in miles. That is
good to about ten miles within an area, enough to order premises for a placement (ADR: approved
premises). An unknown area is refused by name.
"""

import math
import re

from probation.rules.errors import RuleError

# Approximate centres (latitude, longitude) of the postcode areas of England and Wales.
AREA_CENTRES: dict[str, tuple[float, float]] = {
    "AL": (51.75, -0.34), "B": (52.48, -1.90), "BA": (51.38, -2.36), "BB": (53.75, -2.48),
    "BD": (53.80, -1.76), "BH": (50.72, -1.88), "BL": (53.58, -2.43), "BN": (50.83, -0.14),
    "BR": (51.40, 0.02), "BS": (51.45, -2.59), "CA": (54.89, -2.93), "CB": (52.20, 0.12),
    "CF": (51.48, -3.18), "CH": (53.19, -2.89), "CM": (51.74, 0.47), "CO": (51.89, 0.90),
    "CR": (51.37, -0.10), "CT": (51.28, 1.08), "CV": (52.41, -1.51), "CW": (53.10, -2.44),
    "DA": (51.45, 0.21), "DE": (52.92, -1.48), "DH": (54.78, -1.57), "DL": (54.52, -1.55),
    "DN": (53.52, -1.13), "DT": (50.71, -2.44), "DY": (52.51, -2.08), "E": (51.54, -0.03),
    "EC": (51.52, -0.09), "EN": (51.65, -0.08), "EX": (50.72, -3.53), "FY": (53.82, -3.05),
    "GL": (51.86, -2.24), "GU": (51.24, -0.57), "HA": (51.58, -0.34), "HD": (53.65, -1.78),
    "HG": (53.99, -1.54), "HP": (51.75, -0.75), "HR": (52.06, -2.72), "HU": (53.74, -0.33),
    "HX": (53.72, -1.86), "IG": (51.56, 0.08), "IP": (52.06, 1.16), "KT": (51.38, -0.30),
    "L": (53.41, -2.98), "LA": (54.05, -2.80), "LD": (52.24, -3.38), "LE": (52.64, -1.13),
    "LL": (53.12, -3.80), "LN": (53.23, -0.54), "LS": (53.80, -1.55), "LU": (51.88, -0.42),
    "M": (53.48, -2.24), "ME": (51.38, 0.52), "MK": (52.04, -0.76), "N": (51.57, -0.11),
    "NE": (54.97, -1.61), "NG": (52.95, -1.15), "NN": (52.24, -0.90), "NP": (51.59, -3.00),
    "NR": (52.63, 1.30), "NW": (51.55, -0.18), "OL": (53.54, -2.12), "OX": (51.75, -1.26),
    "PE": (52.57, -0.24), "PL": (50.38, -4.14), "PO": (50.80, -1.09), "PR": (53.76, -2.70),
    "RG": (51.45, -0.97), "RH": (51.17, -0.17), "RM": (51.56, 0.18), "S": (53.38, -1.47),
    "SA": (51.62, -3.94), "SE": (51.47, -0.06), "SG": (51.90, -0.20), "SK": (53.41, -2.16),
    "SL": (51.51, -0.59), "SM": (51.36, -0.19), "SN": (51.56, -1.78), "SO": (50.90, -1.40),
    "SP": (51.07, -1.79), "SR": (54.91, -1.38), "SS": (51.54, 0.71), "ST": (53.00, -2.18),
    "SW": (51.46, -0.17), "SY": (52.71, -2.75), "TA": (51.02, -3.10), "TF": (52.68, -2.45),
    "TN": (51.13, 0.26), "TQ": (50.46, -3.53), "TR": (50.26, -5.05), "TS": (54.57, -1.24),
    "TW": (51.45, -0.34), "UB": (51.53, -0.45), "W": (51.51, -0.20), "WA": (53.39, -2.59),
    "WC": (51.52, -0.12), "WD": (51.66, -0.40), "WF": (53.68, -1.50), "WN": (53.55, -2.63),
    "WR": (52.19, -2.22), "WS": (52.59, -1.98), "WV": (52.59, -2.13), "YO": (53.96, -1.08),
}  # fmt: skip

_DISTRICT = re.compile(r"^([A-Z]{1,2})[0-9][0-9A-Z]?$")
EARTH_RADIUS_MILES = 3958.8


def postcode_district(postcode: str) -> str:
    """The outward code of a postcode ("M14 5AB" → "M14"), or the district itself."""
    cleaned = postcode.strip().upper()
    if " " in cleaned:
        return cleaned.split()[0]
    return cleaned[:-3] if len(cleaned) > 4 else cleaned


def area_of(district: str) -> str:
    """The postcode area of a district, refusing anything that is not an England and Wales district."""
    match = _DISTRICT.match(district.strip().upper())
    if match is None or match.group(1) not in AREA_CENTRES:
        raise RuleError(
            "Enter a postcode district in England or Wales, like M14 or LS6", field="postcode_district"
        )
    return match.group(1)


def centre(district: str) -> tuple[float, float]:
    return AREA_CENTRES[area_of(district)]


def miles_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in miles (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(h))


def district_distance(from_district: str, to_district: str) -> float:
    return miles_between(centre(from_district), centre(to_district))

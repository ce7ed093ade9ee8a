"""Actuarial reoffending and harm predictors: OGRS3, OGP, OVP, OSP/DC, OSP/IIC, SNSV and RSR.

Implements /work/shared/domain/predictors.md as pure functions over plain frozen dataclasses, with
no framework dependencies. Each `calculate_*` function validates its inputs and either returns a
result carrying the score(s), band and the feature values behind them, or raises
`PredictorInputError` listing every problem (field and message) — never a guessed score.

`calculate(name, payload)` does the same for a JSON-like dict (dates as ISO strings) and returns a
JSON-serialisable dict; `python -m probation.rules.predictors <name>` wraps it for the command line.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from probation.rules.predictors.common import (
    Awareness,
    Band,
    Gender,
    InputProblem,
    Motivation,
    PredictorInputError,
    ProblemLevel,
)
from probation.rules.predictors.ogp import OgpInputs, OgpResult, calculate_ogp
from probation.rules.predictors.ogrs3 import Ogrs3Inputs, Ogrs3Result, calculate_ogrs3
from probation.rules.predictors.osp import (
    OspDcInputs,
    OspDcResult,
    OspIicInputs,
    OspIicResult,
    calculate_osp_dc,
    calculate_osp_iic,
)
from probation.rules.predictors.ovp import OvpInputs, OvpResult, calculate_ovp
from probation.rules.predictors.payload import parse_inputs, to_jsonable
from probation.rules.predictors.rsr import RsrInputs, RsrResult, calculate_rsr
from probation.rules.predictors.snsv import SnsvInputs, SnsvResult, SnsvTerm, SnsvVariant, calculate_snsv


@dataclass(frozen=True)
class Predictor:
    """A predictor's inputs type and calculate function, as looked up by name."""

    inputs_type: type[Any]
    calculate: Callable[[Any], object]


PREDICTORS: dict[str, Predictor] = {
    "ogrs3": Predictor(Ogrs3Inputs, calculate_ogrs3),
    "ogp": Predictor(OgpInputs, calculate_ogp),
    "ovp": Predictor(OvpInputs, calculate_ovp),
    "osp_dc": Predictor(OspDcInputs, calculate_osp_dc),
    "osp_iic": Predictor(OspIicInputs, calculate_osp_iic),
    "snsv": Predictor(SnsvInputs, calculate_snsv),
    "rsr": Predictor(RsrInputs, calculate_rsr),
}


def predictor_key(name: str) -> str:
    """The registry key for a predictor name as people write it: "OSP/DC", "osp-dc" → "osp_dc"."""
    return name.strip().lower().replace("/", "_").replace("-", "_")


def calculate(name: str, payload: Mapping[str, object]) -> dict[str, object]:
    """Parse `payload`, validate it and run predictor `name`, returning a JSON-serialisable dict
    ``{"predictor": key, "inputs": {...}, "result": {...}}``.

    Raises `PredictorInputError` for an unknown predictor or any invalid or missing input.
    """
    key = predictor_key(name)
    predictor = PREDICTORS.get(key)
    if predictor is None:
        expected = ", ".join(PREDICTORS)
        raise PredictorInputError(
            [InputProblem("predictor", f"Unknown predictor {name!r}; expected one of: {expected}.")]
        )
    inputs = parse_inputs(predictor.inputs_type, payload)
    result = predictor.calculate(inputs)
    return {"predictor": key, "inputs": to_jsonable(inputs), "result": to_jsonable(result)}


__all__ = [
    "PREDICTORS",
    "Awareness",
    "Band",
    "Gender",
    "InputProblem",
    "Motivation",
    "OgpInputs",
    "OgpResult",
    "Ogrs3Inputs",
    "Ogrs3Result",
    "OspDcInputs",
    "OspDcResult",
    "OspIicInputs",
    "OspIicResult",
    "OvpInputs",
    "OvpResult",
    "Predictor",
    "PredictorInputError",
    "ProblemLevel",
    "RsrInputs",
    "RsrResult",
    "SnsvInputs",
    "SnsvResult",
    "SnsvTerm",
    "SnsvVariant",
    "calculate",
    "calculate_ogp",
    "calculate_ogrs3",
    "calculate_osp_dc",
    "calculate_osp_iic",
    "calculate_ovp",
    "calculate_rsr",
    "calculate_snsv",
    "predictor_key",
]

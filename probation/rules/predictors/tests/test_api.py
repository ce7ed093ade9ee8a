"""The public API: `calculate(name, payload)`, the predictor registry, the command line, and the
package's independence from Django."""

import ast
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import probation.rules.predictors as predictors
from probation.rules.predictors import PREDICTORS, InputProblem, PredictorInputError, calculate, predictor_key
from probation.rules.predictors.__main__ import main

PACKAGE_DIR = Path(predictors.__file__).parent
PROJECT_DIR = PACKAGE_DIR.parents[2]

OGRS3_PAYLOAD = {
    "gender": "male",
    "date_of_birth": "1990-01-01",
    "date_of_current_conviction": "2020-01-01",
    "start_of_follow_up": "2020-02-01",
    "total_sanctions": 5,
    "age_at_first_sanction": 16,
    "current_offence_code": "02700",
}
PAYLOADS: dict[str, dict[str, object]] = {
    "ogrs3": OGRS3_PAYLOAD,
    "ogp": {
        "ogrs3_two_year_percent": 51, "no_fixed_abode_or_transient": True, "unemployed": False,
        "regular_activities_encourage_offending": "some", "current_drug_misuse": "some",
        "motivation_to_tackle_drug_misuse": "partial", "problem_solving": "some",
        "awareness_of_consequences": "sometimes", "understands_other_peoples_views": "significant",
        "pro_criminal_attitudes": "significant",
    },
    "ovp": {
        "gender": "male", "date_of_birth": "1990-01-01", "start_of_follow_up": "2020-02-01", "total_sanctions": 12,
        "violent_sanctions": 3, "does_not_recognise_impact_of_offending": True, "no_fixed_abode_or_transient": False,
        "unemployed": True, "current_alcohol_use": "some", "binge_drinking": "significant",
        "in_psychiatric_treatment": False, "temper_control": "some", "pro_criminal_attitudes": "none",
    },
    "osp_dc": {"gender": "male", "sexual_offence_history": False},
    "osp_iic": {"gender": "female", "sexual_offence_history": True},
    "snsv": {
        "gender": "male", "date_of_birth": "1985-03-02", "date_of_current_conviction": "2021-05-01",
        "start_of_follow_up": "2021-06-01", "assessment_date": "2022-09-15", "total_sanctions": 6,
        "violent_sanctions": 2, "age_at_first_sanction": 20, "current_offence_code": "00100",
    },
    "rsr": {
        "gender": "male", "date_of_birth": "1985-03-02", "date_of_current_conviction": "2021-05-01",
        "start_of_follow_up": "2021-06-01", "assessment_date": "2022-09-15", "total_sanctions": 6,
        "violent_sanctions": 2, "age_at_first_sanction": 20, "current_offence_code": "00100",
        "sexual_offence_history": False,
    },
}  # fmt: skip
EXPECTED = {
    "ogrs3": ("band", "medium"),
    "ogp": ("two_year_percent", 58),
    "ovp": ("two_year_percent", 45),
    "osp_dc": ("band", "not_applicable"),
    "osp_iic": ("band", "not_applicable"),
    "snsv": ("percent", 0.69),
    "rsr": ("percent", 0.69),
}


def test_registry_has_one_entry_per_predictor() -> None:
    assert list(PREDICTORS) == ["ogrs3", "ogp", "ovp", "osp_dc", "osp_iic", "snsv", "rsr"]


@pytest.mark.parametrize("name", list(PAYLOADS))
def test_calculate_returns_json_ready_inputs_and_result(name: str) -> None:
    # given a valid JSON payload for the predictor
    output = calculate(name, PAYLOADS[name])
    # then the output names the predictor, echoes the parsed inputs and carries the result
    assert output["predictor"] == name
    assert isinstance(output["inputs"], dict)
    assert {key: output["inputs"][key] for key in PAYLOADS[name]} == PAYLOADS[name]
    field, value = EXPECTED[name]
    assert output["result"][field] == value  # type: ignore[index]
    # and it survives a JSON round trip unchanged
    assert json.loads(json.dumps(output)) == output


@pytest.mark.parametrize(
    ("name", "key"), [("OGRS3", "ogrs3"), ("OSP/DC", "osp_dc"), ("osp-iic", "osp_iic"), (" rsr ", "rsr")]
)
def test_predictor_names_are_normalised(name: str, key: str) -> None:
    assert predictor_key(name) == key


def test_calculate_rejects_an_unknown_predictor() -> None:
    with pytest.raises(PredictorInputError) as raised:
        calculate("ogrs4", OGRS3_PAYLOAD)
    assert raised.value.problems == (
        InputProblem(
            "predictor",
            "Unknown predictor 'ogrs4'; expected one of: ogrs3, ogp, ovp, osp_dc, osp_iic, snsv, rsr.",
        ),
    )


def test_calculate_reports_parse_and_rule_problems_as_input_errors() -> None:
    with pytest.raises(PredictorInputError) as parse_error:
        calculate("ogrs3", {**OGRS3_PAYLOAD, "date_of_birth": "1 Jan 1990"})
    assert parse_error.value.as_dict() == {
        "errors": [{"field": "date_of_birth", "message": "Date of birth must be a date (YYYY-MM-DD)."}]
    }
    with pytest.raises(PredictorInputError) as rule_error:
        calculate("ogrs3", {**OGRS3_PAYLOAD, "current_offence_code": "11100"})
    assert [p.field for p in rule_error.value.problems] == ["current_offence_code"]


# --- Command line ------------------------------------------------------------------------------------


def run(argv: list[str], stdin: str) -> tuple[int, object]:
    out = io.StringIO()
    status = main(argv, io.StringIO(stdin), out)
    return status, json.loads(out.getvalue())


def test_cli_prints_the_result_as_json() -> None:
    status, output = run(["ogrs3"], json.dumps(OGRS3_PAYLOAD))
    assert status == 0
    assert isinstance(output, dict)
    assert (output["result"]["one_year_percent"], output["result"]["two_year_percent"]) == (34, 51)


def test_cli_prints_input_errors_as_json_and_exits_1() -> None:
    status, output = run(["ogrs3"], json.dumps({**OGRS3_PAYLOAD, "total_sanctions": 0}))
    assert status == 1
    assert output == {
        "errors": [
            {
                "field": "total_sanctions",
                "message": "Total sanctions must be at least 1 (it includes the current conviction).",
            }
        ]
    }


def test_cli_rejects_malformed_json() -> None:
    status, output = run(["ogrs3"], "{not json")
    assert status == 1
    assert isinstance(output, dict)
    assert output["errors"][0]["field"] == "payload"
    assert output["errors"][0]["message"].startswith("The inputs are not valid JSON: ")


def test_cli_rejects_an_unknown_predictor() -> None:
    status, output = run(["nope"], "{}")
    assert status == 1
    assert isinstance(output, dict)
    assert output["errors"][0]["field"] == "predictor"


@pytest.mark.parametrize("argv", [[], ["ogrs3", "ovp"]])
def test_cli_explains_usage_and_exits_2(argv: list[str]) -> None:
    status, output = run(argv, "{}")
    assert status == 2
    assert output == {
        "errors": [
            {
                "field": "predictor",
                "message": "Usage: python -m probation.rules.predictors <ogrs3|ogp|ovp|osp_dc|osp_iic|snsv|rsr> < inputs.json",
            }
        ]
    }


def test_cli_runs_as_a_module() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "probation.rules.predictors", "ovp"],
        input=json.dumps(PAYLOADS["ovp"]),
        capture_output=True,
        text=True,
        cwd=PROJECT_DIR,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["result"]["two_year_percent"] == 45


# --- Independence from Django ------------------------------------------------------------------------


@pytest.mark.parametrize("module", sorted(PACKAGE_DIR.glob("*.py")), ids=lambda path: path.name)
def test_predictor_modules_import_nothing_from_django(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    imported += [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert not [name for name in imported if name.split(".")[0] == "django"]


@pytest.mark.parametrize("module", sorted(PACKAGE_DIR.glob("*.py")), ids=lambda path: path.name)
def test_predictor_modules_stay_small(module: Path) -> None:
    assert len(module.read_text(encoding="utf-8").splitlines()) <= 400


# --- Impossible ages (issue 9: a date of birth of 0001-01-01 overflowed SNSV's decimal arithmetic) ----


@pytest.mark.parametrize("name", [name for name, payload in PAYLOADS.items() if "date_of_birth" in payload])
def test_an_impossible_age_is_an_input_error_not_a_crash(name: str) -> None:
    with pytest.raises(PredictorInputError) as raised:
        calculate(name, {**PAYLOADS[name], "date_of_birth": "0001-01-01"})
    assert {p.field for p in raised.value.problems} == {"date_of_birth"}
    assert all("age over 120" in p.message for p in raised.value.problems)


def test_cli_reports_an_impossible_age_with_a_non_zero_exit() -> None:
    status, output = run(["snsv"], json.dumps({**PAYLOADS["snsv"], "date_of_birth": "0001-01-01"}))
    assert status == 1
    assert isinstance(output, dict)
    assert {error["field"] for error in output["errors"]} == {"date_of_birth"}

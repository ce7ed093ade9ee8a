"""Command line: ``python -m probation.rules.predictors <name> < inputs.json``.

Reads the predictor's inputs as a JSON object on stdin and prints ``{"predictor", "inputs",
"result"}`` as JSON on stdout. Problems are printed as ``{"errors": [{"field", "message"}]}``
with exit status 1 (invalid inputs, unknown predictor or malformed JSON) or 2 (bad usage).
"""

import json
import sys
from typing import TextIO

from probation.rules.predictors import PREDICTORS, calculate
from probation.rules.predictors.common import InputProblem, PredictorInputError

EXIT_INVALID_INPUT = 1
EXIT_USAGE = 2


def _write(stdout: TextIO, document: object) -> None:
    stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def main(argv: list[str], stdin: TextIO, stdout: TextIO) -> int:
    """Run the CLI on `argv` (without the program name) and return the exit status."""
    if len(argv) != 1:
        usage = f"Usage: python -m probation.rules.predictors <{'|'.join(PREDICTORS)}> < inputs.json"
        _write(stdout, PredictorInputError([InputProblem("predictor", usage)]).as_dict())
        return EXIT_USAGE
    try:
        payload = json.load(stdin)
    except json.JSONDecodeError as error:
        problem = InputProblem("payload", f"The inputs are not valid JSON: {error}.")
        _write(stdout, PredictorInputError([problem]).as_dict())
        return EXIT_INVALID_INPUT
    try:
        output = calculate(argv[0], payload)
    except PredictorInputError as error:
        _write(stdout, error.as_dict())
        return EXIT_INVALID_INPUT
    _write(stdout, output)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], sys.stdin, sys.stdout))

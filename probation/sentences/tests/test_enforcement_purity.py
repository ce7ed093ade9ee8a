"""The enforcement rules are pure Python: importing them must not import Django."""

import subprocess
import sys

MODULES = [
    "probation.core.working_days",
    "probation.sentences.domain.compliance",
    "probation.sentences.domain.enforcement",
    "probation.sentences.domain.licences",
    "probation.sentences.domain.outcomes",
    "probation.sentences.domain.periods",
    "probation.sentences.domain.requirements",
    "probation.sentences.domain.transitions",
]


def test_importing_the_enforcement_rules_does_not_import_django():
    # given a fresh interpreter, so other tests' imports cannot hide a Django import
    script = "import sys\n" + "".join(f"import {m}\n" for m in MODULES) + "print('django' in sys.modules)"

    # when the rules are imported
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)

    # then Django was never loaded
    assert result.stdout.strip() == "False"

"""The rules are pure Python: importing them must not import Django or any app (ADR 0018)."""

import pkgutil
import subprocess
import sys

import probation.rules

MODULES = sorted(
    module.name
    for module in pkgutil.walk_packages(probation.rules.__path__, "probation.rules.")
    if ".tests" not in module.name and not module.name.endswith("__main__")
)


def test_every_rules_sub_package_is_found():
    assert {name.split(".")[2] for name in MODULES} >= {
        "calendar",
        "contacts",
        "enforcement",
        "errors",
        "offences",
        "predictors",
        "sentences",
        "tiering",
        "worklists",
    }


def test_importing_the_rules_imports_neither_django_nor_an_app():
    # given a fresh interpreter, so other tests' imports cannot hide a Django import
    script = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in MODULES)
        + "print(sorted({m.split('.')[0] for m in sys.modules} & {'django'}"
        + " | {m for m in sys.modules if m.startswith('probation.') and not m.startswith('probation.rules')}))"
    )

    # when the rules are imported
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)

    # then neither Django nor any app was loaded
    assert result.stdout.strip() == "[]"

"""The lock files (issue 9 item 7) pin every direct requirement at the version requirements*.txt names,
each with hashes: a pin changed without `make lock` fails here."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?==([^\s#;]+)", re.M)


def _pins(path: Path) -> dict[str, str]:
    return {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in PIN.findall(path.read_text())}


@pytest.mark.parametrize(
    ("source", "lock"),
    [("requirements.txt", "requirements.lock"), ("requirements-dev.txt", "requirements-dev.lock")],
)
def test_every_pin_is_in_the_lock_at_the_same_version(source, lock):
    pins = _pins(ROOT / source) | (_pins(ROOT / "requirements.txt") if source != "requirements.txt" else {})
    locked = _pins(ROOT / lock)
    assert {name: locked.get(name) for name in pins} == pins


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-dev.lock"])
def test_every_locked_package_has_a_hash_and_no_local_index(lock):
    text = (ROOT / lock).read_text()
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n\n", 1)[1] if "\n\n" in text else text)
    assert entries
    assert all("--hash=sha256:" in entry for entry in entries if "==" in entry)
    assert "--extra-index-url" not in text
    assert "--find-links" not in text

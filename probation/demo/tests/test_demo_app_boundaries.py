"""The demo data app stays out of production and out of every other app's imports (ADR 0019)."""

import importlib
import sys
import tomllib
from pathlib import Path

from django.conf import settings

import probation

ROOT = Path(probation.__file__).parent


def test_demo_app_is_installed_for_tests_but_not_in_production(monkeypatch):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "test-only-not-secret")
    monkeypatch.setenv("AUDIT_HMAC_KEY", "test-only-not-a-real-audit-key-0123456789")
    monkeypatch.setenv("AUDIT_ANCHOR_PATH", "/dev/null")
    monkeypatch.delitem(sys.modules, "config.settings.production", raising=False)

    production = importlib.import_module("config.settings.production")

    assert "probation.demo" in settings.INSTALLED_APPS
    assert "probation.demo" not in production.INSTALLED_APPS


def test_every_other_app_is_forbidden_to_import_the_demo_app():
    pyproject = tomllib.loads((ROOT.parent / "pyproject.toml").read_text())
    contracts = pyproject["tool"]["importlinter"]["contracts"]
    (demo_contract,) = [c for c in contracts if c.get("forbidden_modules") == ["probation.demo"]]
    packages = {f"probation.{p.parent.name}" for p in ROOT.glob("*/__init__.py")} - {"probation.demo"}

    assert set(demo_contract["source_modules"]) == packages

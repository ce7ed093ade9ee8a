#!/usr/bin/env bash
# The whole test suite: lint, migrations check, deploy check, then every test on SQLite (browser
# journeys included) and again on PostgreSQL (a throwaway cluster started here). Tests run on every
# core (pytest-xdist; TEST_WORKERS=1 for one process), each worker with its own test database; each
# test module runs whole on one worker and the browser journeys share one worker (see conftest.py).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
py=.venv/bin/python
parallel=(-n "${TEST_WORKERS:-auto}" --dist loadgroup)

echo "== lint"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/lint-imports --no-cache
$py scripts/lint_model_usage_in_views.py
.venv/bin/mypy  # [tool.mypy] in pyproject.toml; its cache is .mypy_cache/ (git-ignored)

echo "== migrations and deploy checks"
DJANGO_SETTINGS_MODULE=config.settings.test $py manage.py makemigrations --check --dry-run -v0
DJANGO_SECRET_KEY=check-only-$(date +%s)-not-a-real-secret-but-long-enough-for-the-check DJANGO_ALLOWED_HOSTS=probation.example \
  AUDIT_HMAC_KEY=check-only-not-a-real-audit-key-0123456789 AUDIT_ANCHOR_PATH=/dev/null \
  DJANGO_SETTINGS_MODULE=config.settings.production $py manage.py check --deploy --fail-level WARNING

echo "== tests on SQLite (with browser journeys)"
env -u DATABASE_URL -u DATABASE_MIGRATION_URL .venv/bin/pytest -q "${parallel[@]}" "$@"

echo "== tests on PostgreSQL (as the service's role; the owner role migrates: ADR 0020)"
scripts/postgres.sh start >/dev/null
url=$(scripts/postgres.sh app-url)
export DATABASE_MIGRATION_URL=$(scripts/postgres.sh owner-url)
trap 'scripts/postgres.sh stop' EXIT
DATABASE_URL="$url" .venv/bin/pytest -q "${parallel[@]}" -m "not browser" "$@"

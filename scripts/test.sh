#!/usr/bin/env bash
# The whole test suite: lint, migrations check, deploy check, then every test on SQLite (browser
# journeys included) and again on PostgreSQL (a throwaway cluster started here).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
py=.venv/bin/python

echo "== lint"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/lint-imports --no-cache
$py scripts/lint_model_usage_in_views.py

echo "== migrations and deploy checks"
DJANGO_SETTINGS_MODULE=config.settings.test $py manage.py makemigrations --check --dry-run -v0
DJANGO_SECRET_KEY=check-only-$(date +%s)-not-a-real-secret-but-long-enough-for-the-check DJANGO_ALLOWED_HOSTS=probation.example \
  DJANGO_SETTINGS_MODULE=config.settings.production $py manage.py check --deploy --fail-level WARNING

echo "== tests on SQLite (with browser journeys)"
env -u DATABASE_URL .venv/bin/pytest -q "$@"

echo "== tests on PostgreSQL"
url=$(scripts/postgres.sh start)
trap 'scripts/postgres.sh stop' EXIT
DATABASE_URL="$url" .venv/bin/pytest -q -m "not browser" "$@"

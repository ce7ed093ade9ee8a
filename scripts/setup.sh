#!/usr/bin/env bash
# Install everything the service needs into .venv and node_modules, and build the front end.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || { echo "Python 3.11 is required" >&2; exit 1; }
[ -x .venv/bin/python ] || python3 -m venv .venv
# Every transitive dependency pinned with its hashes (make lock regenerates the locks).
.venv/bin/pip install -q --disable-pip-version-check --require-hashes -r requirements-dev.lock
if [ ! -d node_modules/govuk-frontend ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run --silent build 2>&1 | grep -v -e "^WARNING" -e "^ *node_modules" -e "^ *probation/frontend" -e "^$" || true
test -s probation/frontend/static/dist/application.css

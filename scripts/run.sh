#!/usr/bin/env bash
# One command from a fresh clone to a running service with demo data on http://localhost:8000
# (another port: PORT=8080 scripts/run.sh; fewer demo people: DEMO_PEOPLE=500).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8000}"
if ! [[ "$PORT" =~ ^[0-9]+$ ]] || (( PORT < 1 || PORT > 65535 )); then
  echo "PORT must be a port number (1-65535), not '$PORT'" >&2
  exit 2
fi
scripts/setup.sh
export DJANGO_SETTINGS_MODULE=config.settings.local
.venv/bin/python manage.py migrate -v0
if ! .venv/bin/python manage.py shell -c 'from probation.people.models import Person; raise SystemExit(0 if Person.objects.exists() else 1)' 2>/dev/null; then
  echo "Loading the demo data (${DEMO_PEOPLE:-3000} people): the first run takes about two minutes."
  .venv/bin/python manage.py generate_data --people "${DEMO_PEOPLE:-3000}" --seed 42 --demo-users
  .venv/bin/python manage.py generate_case_history --seed 42
  .venv/bin/python manage.py generate_court_lists --seed 42
  .venv/bin/python manage.py generate_workload
  .venv/bin/python manage.py generate_unpaid_work
  .venv/bin/python manage.py generate_custody
  .venv/bin/python manage.py generate_victims
  .venv/bin/python manage.py generate_plans
  .venv/bin/python manage.py generate_parole
  .venv/bin/python manage.py generate_programmes
  .venv/bin/python manage.py generate_approved_premises
  .venv/bin/python manage.py generate_referrals
  .venv/bin/python manage.py generate_drug_tests
  .venv/bin/python manage.py tier_recalculate_all
  .venv/bin/python manage.py generate_case_reviews
  .venv/bin/python manage.py generate_insights
else
  echo "Demo data already loaded (delete db.sqlite3 to start again). Demo logins: po, pso, spo, admin-case, court, vlo, vlo2, vlo-manager, ap, ap-assessor, ap-assessor-standard, ap-cru, upw-staff, upw-supervisor, programmes, provider, head-pdu, regional-lead, partner, sysadmin; password: ${DEMO_PASSWORD:-demo-password-1}"
fi
echo "Open http://localhost:${PORT}/"
exec .venv/bin/python manage.py runserver "127.0.0.1:${PORT}"

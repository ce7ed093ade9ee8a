.DEFAULT_GOAL := help
PY := .venv/bin/python

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-14s %s\n", $$1, $$2}'

setup: ## Install Python and npm dependencies and build the front end
	scripts/setup.sh

run: ## Set up, load demo data and serve on http://localhost:8000
	scripts/run.sh

test: ## Run the whole suite: lint, checks, tests on SQLite and PostgreSQL, browser journeys
	scripts/test.sh

lint: ## Lint, check formatting, import contracts and types
	.venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/lint-imports --no-cache
	.venv/bin/python scripts/lint_model_usage_in_views.py
	.venv/bin/mypy

format: ## Format and fix lint
	.venv/bin/ruff format . && .venv/bin/ruff check --fix .

migrate: ## Apply migrations
	$(PY) manage.py migrate

seed: ## Load demo data (3,000 people, demo logins)
	$(PY) manage.py generate_data --people 3000 --seed 42 --demo-users --flush
	$(PY) manage.py generate_case_history --seed 42 --flush
	$(PY) manage.py generate_court_lists --seed 42
	$(PY) manage.py generate_workload
	$(PY) manage.py generate_unpaid_work
	$(PY) manage.py generate_custody
	$(PY) manage.py generate_victims
	$(PY) manage.py generate_plans
	$(PY) manage.py generate_parole
	$(PY) manage.py generate_programmes
	$(PY) manage.py generate_approved_premises
	$(PY) manage.py generate_referrals
	$(PY) manage.py generate_drug_tests
	$(PY) manage.py tier_recalculate_all
	$(PY) manage.py generate_case_reviews
	$(PY) manage.py generate_insights

lock: ## Regenerate requirements*.lock (hash-pinned) after changing requirements*.txt
	scripts/lock.sh

bench: ## National-scale benchmark on PostgreSQL (see bench/README.md)
	bench/run.sh

crash-drill: ## kill -9 PostgreSQL under 10 writers: every acknowledged write kept, audit verifies
	bench/drills/crash.sh

restore-drill: ## Dump, restore into a fresh cluster: row counts, audit_verify, external anchor
	bench/drills/restore.sh

load-test: ## gunicorn under a realistic mix of pages and writes: req/s, p95, errors
	bench/drills/load.sh

.PHONY: help setup run test lint format migrate seed lock bench crash-drill restore-drill load-test

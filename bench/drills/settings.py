"""Settings for the drills (bench/drills/README): the local settings, which take DATABASE_URL,
DATABASE_MIGRATION_URL, AUDIT_HMAC_KEY and AUDIT_ANCHOR_PATH from the environment, with demo data
commands installed. The load test signs every simulated officer in as the same demo account, so the
per-user search limit (ADR 0021) is raised for it: the limiter still runs on every search."""

import os

from config.settings.local import *  # noqa: F403

if os.environ.get("DRILL_SEARCH_RATES"):
    SEARCH_RATES = tuple(os.environ["DRILL_SEARCH_RATES"].split(","))

"""Demo and benchmark data: ``manage.py generate_data`` and ``manage.py generate_case_history``.

Installed only outside production (local and test settings; see ADR 0019). No other app may import it
(import-linter contract in ``pyproject.toml``); it may import any app, because it writes their tables.
"""

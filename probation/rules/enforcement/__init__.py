"""Enforcement rules: failures to comply and the compliance summary (``compliance``), enforcement actions
and the one-warning-in-12-months rule (``actions``), ``breach``, ``recall``, and the allowed moves of the
three workflows, declared once (``transitions``). The source of every rule is
/work/shared/domain/enforcement.md.
"""

"""Custody: release key dates by sentence type and date, and who manages a prisoner's case.

Sources: custody-release.md (release points, HDC, responsibility in custody), enforcement.md § Law by
date and § Licences and recall. Every release rule that changed on a date is a tuple of dated versions
(probation.rules.law.dated, ADR 0030), in ``law``; ``key_dates`` computes the dates with a step-by-step
breakdown; ``handover`` the POM→COM handover and the responsibility state.
"""

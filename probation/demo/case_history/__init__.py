"""Synthetic case history for the people ``generate_data`` made (``manage.py generate_case_history``):
events and offences, sentences with requirements and licences, contacts with outcomes, and the
enforcement actions, breaches and recalls those outcomes led to, decided with the real rules.

Modules: ``reference`` (pools and weights), ``timeline`` (a person's sentences), ``history`` (their
contacts), ``sentence_rows`` (the sentences as rows), ``workflows`` (enforcement, breach, recall),
``state`` (ids, rows, states produced), ``risk`` (RoSH, registrations and their reviews, MAPPA with
meetings and actions), ``needs`` (needs assessments), ``scores`` (criminal history and predictor scores
from the project's calculators), ``columns`` and ``load`` (COPY / INSERT, flush, index drop and
rebuild) and ``generate`` (the phases).
"""

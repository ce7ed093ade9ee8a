"""Pure domain rules: plain values in, plain values out, no Django and no other ``probation`` module.

One sub-package per domain (ADR 0018):

- ``calendar``: England and Wales working days and bank holidays; periods of months as the law counts them
- ``contacts``: contact types and appointment outcomes, as data
- ``law``: the law by date — rule versions with an *in force from* date and the version in force on a day
- ``sentences``: requirement amounts and progress, licences and their conditions, sentencing limits by date
  (``limits``)
- ``enforcement``: failures to comply (``compliance``), enforcement actions and the one-warning rule
  (``actions``), ``breach``, ``recall``, and the workflows' allowed moves (``transitions``)
- ``offences``: the official Home Office offence descriptions; finding an offence by words or code
- ``predictors``: OGRS3, OGP, OVP, OSP, RSR and SNSV (``python -m probation.rules.predictors``)
- ``tiering``: the tier calculation
- ``worklists``: the dates and outlooks behind the day lists
- ``workload``: workload points by tier and case type, reports, reductions, available points, capacity

Any app may import these modules; they import nothing from the apps (``lint-imports``).
"""

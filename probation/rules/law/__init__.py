"""The law by date: rule versions as data, each with the date it came into force (ADR 0030).

``dated`` is the mechanism (a version's *in force from* date, its citation, the version in force on a
day, and commencement dates that reference data may correct); the versions themselves live with the
rules they govern (``probation.rules.enforcement.recall``, ``probation.rules.sentences.limits``).
Source: enforcement.md § Law by date — "the rule that applies is the one in force on the date of the
event it governs".
"""

"""Pure enforcement rules for sentences: contacts and outcomes, failures to comply, warnings and breach,
requirements, licences and recall. Plain Python with no Django imports; the source of every rule is
/work/shared/domain/enforcement.md.
"""

"""Accredited programmes (interventions.md § Accredited programmes): the catalogue as dated reference
data, the Programme Needs Identifier pathway, and the register's outcomes and completion."""

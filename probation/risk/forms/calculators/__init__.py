"""Standalone predictor calculators: one spec per predictor and the form built from it."""

from probation.risk.forms.calculators.form import CalculatorForm
from probation.risk.forms.calculators.specs import CALCULATORS, Calculator, Section, input_kinds

__all__ = ["CALCULATORS", "Calculator", "CalculatorForm", "Section", "input_kinds"]

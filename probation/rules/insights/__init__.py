"""Equality monitoring (equality.md): the groups people fall in, and the relative rate of an outcome
for a group against everyone else with its 95% confidence interval and the suppression of small
numbers. Plain values in, plain values out."""

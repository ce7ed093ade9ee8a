"""Risk models. Pure rules live apart in probation.risk.predictors and probation.risk.tiering."""

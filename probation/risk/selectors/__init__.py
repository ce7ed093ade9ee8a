"""Every read of risk registrations, RoSH assessments and risk management plans, one module per
sub-feature."""

"""Every read of compliance, enforcement actions, breach and recall, one module per sub-feature."""

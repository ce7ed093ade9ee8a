"""Display rows for compliance, enforcement actions, breach and recall, one module per sub-feature,
so templates hold no logic."""

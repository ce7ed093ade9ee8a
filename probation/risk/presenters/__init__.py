"""Display formatting for risk pages, one module per sub-feature, so templates hold no logic."""

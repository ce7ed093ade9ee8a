"""The outcomes equality monitoring compares, with their denominators (equality.md § Outcomes)."""

OUTCOMES = {
    "breach": ("Breach initiated", "people with a community order or suspended sentence order in force"),
    "recall": ("Recalled", "people on licence"),
    "tier_ab": ("Tier protect level A or B", "people with a current tier (as it stands today)"),
    "unpaid_work": ("Given unpaid work", "people sentenced to a community order or suspended sentence order"),
    "early_termination": ("Terminated early for good progress", "orders that ended"),
}
# Referral to an accredited programme needs the interventions capability (referrals are not yet
# recorded); the page says so rather than showing an empty table.
NOT_YET_AVAILABLE = {"programmes": "Referred to an accredited programme"}

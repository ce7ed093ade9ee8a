"""Approved premises rules (approved-premises.md): eligibility by tier, the notice type, the
assessment deadline in working hours and days, the default length of stay and capacity per night."""

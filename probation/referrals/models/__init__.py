from probation.referrals.models.providers import Provider, ProviderStaff
from probation.referrals.models.referrals import ActionPlan, Referral, ReferralCategory, ReferralSession

__all__ = ["ActionPlan", "Provider", "ProviderStaff", "Referral", "ReferralCategory", "ReferralSession"]

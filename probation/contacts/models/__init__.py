from probation.contacts.models.contacts import Contact
from probation.contacts.models.enforcement import EnforcementCase, EnforcementStep
from probation.contacts.models.feeds import DiaryFeedToken
from probation.contacts.models.notifications import NotificationMessage

__all__ = ["Contact", "DiaryFeedToken", "EnforcementCase", "EnforcementStep", "NotificationMessage"]

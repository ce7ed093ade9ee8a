"""Models of this app; see the app docstring in apps.py."""

from probation.safeguarding.models.records import ChildrenServicesCheck, SafeguardingReferral

__all__ = ["ChildrenServicesCheck", "SafeguardingReferral"]

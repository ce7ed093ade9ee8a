from probation.accounts.models.organisation import PDU, OfficeLocation, Region, Team
from probation.accounts.models.staff import Grade, Role, Staff, User

__all__ = ["PDU", "Grade", "OfficeLocation", "Region", "Role", "Staff", "Team", "User"]

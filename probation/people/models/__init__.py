from probation.people.models.access import Exclusion, PartnerShare, Restriction
from probation.people.models.address import Address, AddressStatus, AddressType
from probation.people.models.allocation import Allocation, AllocationReason
from probation.people.models.circumstances import Circumstance, CircumstanceType, Disability, DisabilityType
from probation.people.models.duplicates import DuplicateOverride
from probation.people.models.person import Alias, CrnSequence, Gender, Person, PersonChange, SearchKey
from probation.people.models.submissions import FormSubmission

__all__ = [
    "Address",
    "AddressStatus",
    "AddressType",
    "Alias",
    "Allocation",
    "AllocationReason",
    "Circumstance",
    "CircumstanceType",
    "CrnSequence",
    "Disability",
    "DisabilityType",
    "DuplicateOverride",
    "Exclusion",
    "FormSubmission",
    "Gender",
    "PartnerShare",
    "Person",
    "PersonChange",
    "Restriction",
    "SearchKey",
]

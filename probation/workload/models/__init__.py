from probation.workload.models.reductions import ContractedHours, Reduction, ReductionReason
from probation.workload.models.weightings import CaseWeighting, ReportWeighting

__all__ = ["CaseWeighting", "ContractedHours", "Reduction", "ReductionReason", "ReportWeighting"]

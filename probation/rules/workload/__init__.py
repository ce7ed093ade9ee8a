"""Workload points and capacity (workload.md): points per case by tier and case type, report points,
reductions, available points and capacity %. Plain values in and out; the weightings themselves are
reference data the workload app stores with effective dates and passes in."""

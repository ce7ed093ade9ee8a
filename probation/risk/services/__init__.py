"""Every write in the risk app: keyword-only ``<entity>_<action>(*, actor, crn, …)`` functions."""

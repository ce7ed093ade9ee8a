"""The senior PO's decisions page and the unallocated cases list: what waits for a team manager."""

"""Models of this app; see the app docstring in apps.py."""

from probation.worklists.models.items import WorkItem, WorkItemKind

__all__ = ["WorkItem", "WorkItemKind"]

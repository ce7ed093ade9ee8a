"""Models of this app; see the app docstring in apps.py."""

from probation.mappa.models.meetings import MappaAction, MappaMeeting

__all__ = ["MappaAction", "MappaMeeting"]

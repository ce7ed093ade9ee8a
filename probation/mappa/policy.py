"""What of a MAPPA case a user may see, decided in one place.

Whether the user may open the case at all is people's policy (MAPPA_VIEW plus
``people_visible_to``: partner shares, exclusions and restrictions). This module decides how much
of the MAPPA record they then see. Partner agencies are shown only the category and level, each
meeting's date, level and attending agencies, and the actions their own agency owns: not the chair,
the minutes, the decisions, the review dates or other agencies' actions (issue 4 item 5).
"""

from dataclasses import dataclass

from probation.accounts.models import User
from probation.accounts.policy import is_partner


@dataclass(frozen=True)
class MappaView:
    full: bool
    # For a partner view: the only owner agency whose actions are shown ("" shows none).
    agency: str = ""

    def shows_action_of(self, owner_agency: str) -> bool:
        return self.full or (bool(self.agency) and owner_agency.casefold() == self.agency.casefold())


FULL_VIEW = MappaView(full=True)


def mappa_view_for(user: User) -> MappaView:
    """Call only for a user already allowed to open the case (views use people's ``case_get``)."""
    if is_partner(user):
        return MappaView(full=False, agency=(user.agency or "").strip())
    return FULL_VIEW

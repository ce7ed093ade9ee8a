"""The approved-premises panel on the custody prisoner page (probation.custody.hooks.AP_REFERRAL_SLOT):
when the pre-release plan says a referral is needed, the person's latest application and booking, and
a link to apply when there is none under way. Custody (below this app) shows it without importing it.

The slot is filled only on a page that has already loaded the person through the case policy, and the
panel shows this person's records only: the ids shown are added to that page's audit row."""

from typing import Any

from probation.approved_premises.models import (
    LIVE,
    Application,
    ApplicationStatus,
    SpaceBooking,
)
from probation.core.panels import Panel
from probation.people.models import Person

UNDER_WAY = (
    ApplicationStatus.DRAFT,
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.INFO_REQUESTED,
    ApplicationStatus.ACCEPTED,
)


def custody_referral_panel(*, person: Person, **_: Any) -> Panel:
    application = Application.objects.filter(person=person).order_by("-created_at", "-pk").first()
    booking = (
        SpaceBooking.objects.filter(person=person)
        .select_related("premises")
        .order_by("-arrival_on", "-pk")
        .first()
    )
    live_booking = booking is not None and booking.status in LIVE
    return Panel(
        "approved_premises/panels/custody_referral.html",
        {
            "crn": person.crn,
            "application": application,
            "booking": booking,
            "needs_application": not live_booking
            and (application is None or application.status not in UNDER_WAY),
            "audit": {
                "ap_applications": [application.pk] if application else [],
                "ap_bookings": [booking.pk] if booking else [],
            },
        },
    )

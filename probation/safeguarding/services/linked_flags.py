"""What checks and referrals share: the child safeguarding flag a record is linked to, and their audit
object types."""

from probation.core.errors import ServiceError
from probation.people.models import Person
from probation.risk.models import Registration
from probation.safeguarding.models.choices import CHILD_REGISTER_CODES

CHECK = "safeguarding_check"  # audit object type and PersonChange entity (ADR 0005)
REFERRAL = "safeguarding_referral"  # audit object type
# PersonChange.entity holds 20 characters (PostgreSQL enforces it, SQLite does not).
REFERRAL_ENTITY = "safeguard_referral"


def linked_registration(*, person: Person, registration_id: int | None) -> Registration | None:
    """The child safeguarding flag a record is linked to: one of this person's active RCPR, RCCO
    or RCHD registrations (issue 4 item 9). Another person's flag is refused as if it did not exist."""
    if registration_id is None:
        return None
    registration = Registration.objects.filter(person=person, pk=registration_id).first()
    if registration is None:
        raise ServiceError("Select one of this person's risk flags", field="registration")
    if registration.register_type not in CHILD_REGISTER_CODES:
        raise ServiceError(
            "Link a child protection, child concerns or risk to children flag only", field="registration"
        )
    if not registration.is_active:
        raise ServiceError(
            f"The {registration.register.description.lower()} flag ended on "
            f"{registration.deregistered_on:%-d %B %Y}: link an active flag",
            field="registration",
        )
    return registration

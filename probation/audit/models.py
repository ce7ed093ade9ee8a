"""The compliance audit: who viewed or changed what, when, from which page. Append-only.

Each entry stores the hash of the entry before it, so any change, deletion or insertion after the
fact breaks the chain (ADR 0003). Hashes are keyed with a key kept outside the database, the service's
database role may only append, and the chain head is anchored outside the database (ADR 0020). Never
build features on this table: it is for auditors.
"""

from django.conf import settings
from django.db import models


class AuditAction(models.TextChoices):
    VIEW = "view", "Viewed"
    SEARCH = "search", "Searched"
    CREATE = "create", "Created"
    UPDATE = "update", "Changed"
    ALLOCATE = "allocate", "Allocated"
    EXPORT = "export", "Exported"
    ACCESS_CHANGE = "access_change", "Changed access"
    SIGN_IN = "sign_in", "Signed in"
    SIGN_OUT = "sign_out", "Signed out"
    SIGN_IN_FAILED = "sign_in_failed", "Failed sign-in"
    SIGN_IN_LOCKED_OUT = "sign_in_locked", "Sign-in refused: locked out"
    SESSION_EXPIRED = "session_expired", "Signed out: session expired"
    TWO_FACTOR_VERIFIED = "2fa_verified", "Two-factor code accepted"
    TWO_FACTOR_FAILED = "2fa_failed", "Two-factor code refused"
    TWO_FACTOR_SET_UP = "2fa_set_up", "Set up two-factor sign-in"
    ACCOUNT_UNLOCKED = "account_unlocked", "Unlocked an account"
    TWO_FACTOR_RESET = "2fa_reset", "Reset a user's two-factor sign-in"
    ACCOUNT_CHANGE = "account_change", "Changed a user's role or team"
    ACCOUNT_CREATED = "account_created", "Created a user account"
    ACCOUNT_DEACTIVATED = "account_disabled", "Deactivated a user account"
    ACCOUNT_REACTIVATED = "account_enabled", "Reactivated a user account"
    SIGN_IN_LINK_ISSUED = "sign_in_link", "Issued a set-password link"
    PASSWORD_SET = "password_set", "Set a password with a link"
    ALERT = "alert", "Alert"
    REFUSED = "refused", "Refused"


class HashScheme(models.TextChoices):
    """How an entry's hash was made. Entries written before ADR 0020 keep their unkeyed hashes (the
    audit is never rewritten); verification allows them only up to settings.AUDIT_UNKEYED_UNTIL."""

    SHA256 = "sha256", "SHA-256, unkeyed (before ADR 0020)"
    HMAC_SHA256 = "hmac-sha256", "HMAC-SHA256 keyed with AUDIT_HMAC_KEY"


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs: object) -> int:
        raise TypeError("The audit is append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise TypeError("The audit is append-only")


class AuditEvent(models.Model):
    seq = models.PositiveBigIntegerField(unique=True)
    occurred_at = models.DateTimeField(db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    username = models.CharField(max_length=150)
    action = models.CharField(max_length=20, choices=AuditAction.choices)
    crn = models.CharField("CRN", max_length=7, blank=True, db_index=True)
    object_type = models.CharField(max_length=40, blank=True)
    object_id = models.CharField(max_length=40, blank=True)
    page = models.CharField(max_length=200, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)
    hash_scheme = models.CharField(max_length=16, choices=HashScheme.choices, default=HashScheme.HMAC_SHA256)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-seq"]
        indexes = [models.Index(fields=["user", "-seq"], name="audit_user_idx")]

    def __str__(self) -> str:
        return f"#{self.seq} {self.username} {self.action} {self.crn}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise TypeError("The audit is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise TypeError("The audit is append-only")


class AuditChainHead(models.Model):
    """One row: the last sequence number and hash. Advanced only by the database itself, by a trigger
    on each appended entry that refuses an entry not following it (ADR 0020); the service's role may
    read it but not change it."""

    seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"Audit chain head at {self.seq}"

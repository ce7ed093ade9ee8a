"""Messages sent to people on probation (appointment reminders), as the notification backend
reported them. A message never carries offence data (issue 3 item 5)."""

from django.db import models

from probation.contacts.models.contacts import Contact
from probation.people.models import Person


class NotificationMessage(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="notifications")
    contact = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="notifications"
    )
    channel = models.CharField(max_length=5, choices=[("sms", "Text message"), ("email", "Email")])
    template = models.CharField(max_length=40)
    body = models.TextField()
    backend = models.CharField(max_length=40)
    status = models.CharField(
        max_length=10,
        choices=[("queued", "Queued"), ("sent", "Sent"), ("failed", "Failed")],
        default="queued",
    )
    provider_reference = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["contact", "template"], name="notification_once_per_contact_template"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.template} by {self.channel} ({self.status})"

"""An officer's diary-feed link. Only a hash of the secret is kept: the link is shown once when it
is made, can be replaced (the old one stops working at once) or turned off (issue 9 item 7)."""

from django.db import models

from probation.accounts.models import Staff


class DiaryFeedToken(models.Model):
    staff = models.OneToOneField(Staff, on_delete=models.CASCADE, related_name="diary_feed_token")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Diary feed link for {self.staff_id}"

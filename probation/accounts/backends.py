from django.contrib.auth.backends import ModelBackend

from probation.accounts.models import User


class StaffModelBackend(ModelBackend):
    """Django's model backend, loading the user's staff record and team with the user: every page
    needs them for scope checks, so this saves two queries per request."""

    def get_user(self, user_id: int) -> User | None:
        user = User.objects.select_related("staff__team").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None

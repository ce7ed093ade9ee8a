from django.contrib.auth.backends import ModelBackend

from probation.accounts.models import User
from probation.core.prepared import PreparedQuery

# Every signed-in request reads its user: the SQL is built once a process (core/prepared.py).
_user_with_staff: PreparedQuery[User] = PreparedQuery(
    lambda user_id: User.objects.select_related("staff__team").filter(pk=user_id), user_id=0
)


class StaffModelBackend(ModelBackend):
    """Django's model backend, loading the user's staff record and team with the user: every page
    needs them for scope checks, so this saves two queries per request."""

    def get_user(self, user_id: int) -> User | None:
        users = _user_with_staff(user_id=int(user_id))
        user = users[0] if users else None
        return user if user is not None and self.user_can_authenticate(user) else None

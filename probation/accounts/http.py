"""The request type of every signed-in page."""

from django.http import HttpRequest

from probation.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """A request whose ``user`` is a signed-in ``User``, never ``AnonymousUser``.

    Only for type checking: Django's ``LoginRequiredMiddleware`` (config/settings/base.py) redirects
    every anonymous request to the sign-in page before any view runs, except views marked
    ``login_not_required`` (sign-in, health checks), which take a plain ``HttpRequest``. So a view
    that annotates ``request: AuthenticatedHttpRequest`` is only ever called with a ``User``.
    """

    user: User

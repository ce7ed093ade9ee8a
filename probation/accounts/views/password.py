"""Setting a password through a link a system administrator issued (a new account, or a forgotten
password): Django's token view, which moves the token out of the address before showing the form,
so it never reaches a Referer header or the browser history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import PasswordResetConfirmView
from django.db import transaction
from django.http import HttpResponse
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache

from probation.accounts.forms import SetPasswordLinkForm
from probation.accounts.models import User
from probation.core.session_events import SessionEvent, session_event_record


@method_decorator([login_not_required, never_cache], name="dispatch")
class SetPasswordView(PasswordResetConfirmView):
    form_class = SetPasswordLinkForm
    template_name = "accounts/set_password.html"
    success_url = reverse_lazy("accounts:login")
    reset_url_token = "set-password"  # noqa: S105 - the placeholder Django puts in the address, not a secret

    def get_user(self, uidb64: str) -> User | None:
        user = super().get_user(uidb64)
        # A deactivated account's links stop working with it.
        return user if isinstance(user, User) and user.is_active else None

    def form_valid(self, form: SetPasswordLinkForm) -> HttpResponse:
        with transaction.atomic():
            response = super().form_valid(form)
            session_event_record(actor=form.user, event=SessionEvent.PASSWORD_SET)
        messages.success(self.request, "Password set. Sign in with your username and new password.")
        return response


set_password_view = SetPasswordView.as_view()

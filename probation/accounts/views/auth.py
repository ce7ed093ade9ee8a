from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_GET

from probation.accounts.forms import SignInForm
from probation.accounts.two_factor import has_two_factor
from probation.accounts.views.two_factor import start_two_factor
from probation.core.session_events import SessionEvent, session_event_record


@method_decorator(login_not_required, name="dispatch")
class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    form_class = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        return {**super().get_context_data(**kwargs), "otp_required": settings.OTP_REQUIRED}

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        if has_two_factor(form.get_user()):
            # The password was right; the code from the authenticator app comes next (ADR 0023).
            return start_two_factor(self.request, form.get_user(), self.get_success_url())
        response = super().form_valid(form)
        session_event_record(actor=form.get_user(), event=SessionEvent.SIGN_IN)
        return response

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        username = form.data.get("username", "")
        if username:
            session_event_record(actor=None, event=SessionEvent.SIGN_IN_FAILED, username=username)
        return super().form_invalid(form)


class SignOutView(auth_views.LogoutView):
    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if request.user.is_authenticated:
            session_event_record(actor=request.user, event=SessionEvent.SIGN_OUT)
        return super().post(request, *args, **kwargs)


@require_GET
def session_keepalive(request: HttpRequest) -> JsonResponse:
    """ "Stay signed in": saving the session restarts the idle timer."""
    request.session.modified = True
    return JsonResponse({"expires_in": request.session.get_expiry_age()})

from django.urls import path

from probation.accounts.views import auth, two_factor

app_name = "accounts"

urlpatterns = [
    path("sign-in", auth.SignInView.as_view(), name="login"),
    path("sign-in/security-code", two_factor.two_factor, name="two-factor"),
    path("account/two-factor", two_factor.two_factor_set_up, name="two-factor-set-up"),
    path("sign-out", auth.SignOutView.as_view(), name="logout"),
    path("session/keepalive", auth.session_keepalive, name="session-keepalive"),
]

from django.urls import path

from probation.accounts.views import administration, auth, password, two_factor

app_name = "accounts"

urlpatterns = [
    path("sign-in", auth.SignInView.as_view(), name="login"),
    path("sign-in/security-code", two_factor.two_factor, name="two-factor"),
    path("account/two-factor", two_factor.two_factor_set_up, name="two-factor-set-up"),
    path("sign-out", auth.SignOutView.as_view(), name="logout"),
    path("users", administration.user_list, name="user-list"),
    path("users/new", administration.user_create_view, name="user-create"),
    path("users/unlock", administration.sign_in_unlock_view, name="sign-in-unlock"),
    path("users/<int:user_id>", administration.user_change_view, name="user-change"),
    path(
        "users/<int:user_id>/two-factor/reset", administration.two_factor_reset_view, name="two-factor-reset"
    ),
    path("users/<int:user_id>/sign-in-link", administration.sign_in_link_view, name="sign-in-link"),
    path("users/<int:user_id>/active", administration.user_active_view, name="user-active"),
    path("account/set-password/<uidb64>/<token>", password.set_password_view, name="set-password"),
    path("session/keepalive", auth.session_keepalive, name="session-keepalive"),
]

from django.urls import path

from probation.accounts.views import auth

app_name = "accounts"

urlpatterns = [
    path("sign-in", auth.SignInView.as_view(), name="login"),
    path("sign-out", auth.SignOutView.as_view(), name="logout"),
    path("session/keepalive", auth.session_keepalive, name="session-keepalive"),
]

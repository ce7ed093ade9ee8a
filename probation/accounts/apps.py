from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "probation.accounts"
    label = "accounts"

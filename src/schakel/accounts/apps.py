from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "schakel.accounts"
    label = "accounts"
    verbose_name = "Accounts"

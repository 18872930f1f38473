from django.contrib.auth import views as auth_views
from django.urls import path

from schakel.accounts import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.SignInView.as_view(), name="login"),
    path("inloggen/code/", views.verify, name="verify"),
    path("inloggen/instellen/", views.enrol, name="enrol"),
    path("herstelcodes/", views.recovery_codes, name="recovery_codes"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("organisatie/", views.oidc_start, name="oidc_start"),
    path("organisatie/terug/", views.oidc_callback, name="oidc_callback"),
]

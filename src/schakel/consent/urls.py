from django.urls import path

from schakel.consent import views

app_name = "consent"

urlpatterns = [
    path("mag-ik-dit-delen/", views.check, name="check"),
    path("kind/<int:child_id>/", views.child_consents, name="child"),
    path("kind/<int:child_id>/vastleggen/", views.record, name="record"),
    path("kind/<int:child_id>/<int:consent_id>/intrekken/", views.withdraw, name="withdraw"),
    path("kind/<int:child_id>/grondslag/", views.ground_record, name="ground_record"),
    path("kind/<int:child_id>/grondslag/<int:ground_id>/beeindigen/", views.ground_end,
         name="ground_end"),
]

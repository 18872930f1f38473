from django.urls import path

from schakel.portal import coordinator_views, views

app_name = "portal"

urlpatterns = [
    # Parents and young people (a portal session; see `signin`).
    path("", views.home, name="home"),
    path("inloggen/", views.sign_in, name="login"),
    path("uitloggen/", views.sign_out, name="logout"),
    path("kind/<int:child_id>/", views.child, name="child"),
    path("kind/<int:child_id>/school/", views.school_info, name="school_info"),
    path("kind/<int:child_id>/toestemming/", views.consent, name="consent"),
    path("kind/<int:child_id>/toestemming/ondertekenen/", views.consent_pending,
         name="consent_pending"),
    path("kind/<int:child_id>/toestemming/intrekken/", views.consent_withdraw,
         name="consent_withdraw"),
    path("kind/<int:child_id>/logboek/", views.access_log, name="access_log"),
    path("casus/<int:case_id>/", views.case, name="case"),
    path("casus/<int:case_id>/inbreng/", views.contribute, name="contribute"),
    path("casus/<int:case_id>/ondertekenen/", views.sign, name="sign"),
    path("casus/<int:case_id>/delen/", views.share, name="share"),
    path("casus/<int:case_id>/zienswijze/<str:entry_type>/<int:entry_id>/", views.own_view,
         name="own_view"),
    path("casus/<int:case_id>/correctie/<str:entry_type>/<int:entry_id>/", views.correction,
         name="correction"),
    # The coordinator (professionals, with the second factor).
    path("regie/correcties/", coordinator_views.corrections, name="corrections"),
    path("regie/correcties/<int:correction_id>/", coordinator_views.correction_answer,
         name="correction_answer"),
    path("regie/casus/<int:case_id>/afschermen/", coordinator_views.withhold,
         name="withhold"),
]

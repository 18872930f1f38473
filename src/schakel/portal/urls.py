from django.urls import path

from schakel.portal.views.family import (
    access_log,
    case,
    child,
    consent,
    consent_pending,
    consent_withdraw,
    contribute,
    correction,
    home,
    own_view,
    school_info,
    share,
    sign,
    sign_in,
    sign_out,
)
from schakel.portal.views.professionals import (
    correction_answer,
    corrections,
    information_answer,
    information_requests,
    plan_pdf,
    withhold,
)

app_name = "portal"

urlpatterns = [
    # Parents and young people (a portal session; see `signin`).
    path("", home, name="home"),
    path("inloggen/", sign_in, name="login"),
    path("uitloggen/", sign_out, name="logout"),
    path("kind/<int:child_id>/", child, name="child"),
    path("kind/<int:child_id>/school/", school_info, name="school_info"),
    path("kind/<int:child_id>/toestemming/", consent, name="consent"),
    path("kind/<int:child_id>/toestemming/ondertekenen/", consent_pending,
         name="consent_pending"),
    path("kind/<int:child_id>/toestemming/intrekken/", consent_withdraw,
         name="consent_withdraw"),
    path("kind/<int:child_id>/logboek/", access_log, name="access_log"),
    path("casus/<int:case_id>/", case, name="case"),
    path("casus/<int:case_id>/inbreng/", contribute, name="contribute"),
    path("casus/<int:case_id>/ondertekenen/", sign, name="sign"),
    path("casus/<int:case_id>/delen/", share, name="share"),
    path("casus/<int:case_id>/zienswijze/<str:entry_type>/<int:entry_id>/", own_view,
         name="own_view"),
    path("casus/<int:case_id>/correctie/<str:entry_type>/<int:entry_id>/", correction,
         name="correction"),
    # The coordinator (professionals, with the second factor).
    path("regie/correcties/", corrections, name="corrections"),
    path("regie/correcties/<int:correction_id>/", correction_answer,
         name="correction_answer"),
    path("regie/casus/<int:case_id>/afschermen/", withhold,
         name="withhold"),
    path("regie/casus/<int:case_id>/plan.pdf", plan_pdf, name="plan_pdf"),
    # The coordinator or the school's contact point answers a parent without custody.
    path("regie/informatieverzoeken/", information_requests, name="information_requests"),
    path("regie/informatieverzoeken/<int:information_request_id>/", information_answer,
         name="information_answer"),
]

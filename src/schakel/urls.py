from django.urls import include, path

from schakel.meetings.urls import portal_urlpatterns as portal_meeting_urls

urlpatterns = [
    path("", include("schakel.web.urls")),
    path("account/", include("schakel.accounts.urls")),
    path("organisaties/", include("schakel.organisations.urls")),
    path("teams/", include("schakel.teams.urls")),
    path("schoolkalender/", include("schakel.schoolcalendar.urls")),
    path("kinderen/", include("schakel.children.urls")),
    path("kinderen/", include("schakel.chronology.urls")),
    path("signalen/", include("schakel.signals.urls")),
    path("triage/", include("schakel.triage.urls")),
    path("rode-draad/", include("schakel.patterns.urls")),
    path("casussen/", include("schakel.cases.urls")),
    path("casussen/", include("schakel.handover.urls")),
    path("casussen/", include("schakel.notes.urls")),
    path("casussen/", include("schakel.attachments.urls")),
    path("meldcode/", include("schakel.meldcode.urls")),
    path("dialoogtafels/", include("schakel.dialogue.urls")),
    path("preventie/", include("schakel.prevention.urls")),
    path("teamontwikkeling/", include("schakel.teamdevelopment.urls")),
    path("toestemming/", include("schakel.consent.urls")),
    path("logboek/", include("schakel.audit.urls")),
    path("meldingen/", include("schakel.notifications.urls")),
    path("bewaartermijnen/", include("schakel.retention.urls")),
    path("portaal/overleggen/", include((portal_meeting_urls, "portal_meetings"))),
    path("portaal/", include("schakel.portal.urls")),
    path("begrippen/", include("schakel.glossary.urls")),
    path("overleggen/", include("schakel.meetings.urls")),
    path("verzuim/", include("schakel.attendance.urls")),
    path("schoolprofiel/", include("schakel.schoolprofile.urls")),
    path("verzuimmeldingen/", include("schakel.absencereports.urls")),
    path("api/v1/", include("schakel.api.urls")),
    path("", include("schakel.observability.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
]

# The application's own pages (Dutch, with the security headers); with DEBUG on too, through
# `schakel.web.middleware.ErrorPagesInDebugMiddleware`.
handler400 = "schakel.web.views.bad_request"
handler403 = "schakel.web.views.forbidden"
handler404 = "schakel.web.views.not_found"
handler500 = "schakel.web.views.server_error"

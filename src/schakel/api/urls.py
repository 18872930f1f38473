"""The API for systems, version 1 (docs/api.md). Every view signs in with an OAuth 2 token
only: the pages' session and second factor do not apply (`second_factor_exempt`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from oauth2_provider.views import TokenView

from schakel.accounts.decorators import second_factor_exempt
from schakel.api import views
from schakel.api.views import imports

app_name = "api"


def _exempt(view: Callable[..., Any]) -> Callable[..., Any]:
    return second_factor_exempt(view)


urlpatterns = [
    path("token/", _exempt(TokenView.as_view()), name="token"),
    path("schema/", _exempt(SpectacularAPIView.as_view()), name="schema"),
    path("docs/", _exempt(SpectacularSwaggerSplitView.as_view(url_name="api:schema")),
         name="docs"),
    path("organisaties/", _exempt(views.OrganisationList.as_view()), name="organisations"),
    path("organisaties/<int:organisation_id>/", _exempt(views.OrganisationDetail.as_view()),
         name="organisation"),
    path("scholen/", _exempt(views.SchoolList.as_view()), name="schools"),
    path("scholen/<int:school_id>/", _exempt(views.SchoolDetail.as_view()), name="school"),
    path("leerlingen/synchronisatie/", _exempt(views.PupilSync.as_view()), name="pupil_sync"),
    path("leerlingen/edexml/", _exempt(imports.PupilEdexml.as_view()), name="pupil_edexml"),
    path("verzuimimports/", _exempt(imports.AttendanceImportStart.as_view()),
         name="attendance_imports"),
    path("verzuimimports/<int:import_id>/", _exempt(imports.AttendanceImportDetail.as_view()),
         name="attendance_import"),
    path("meldingen/", _exempt(views.NotificationList.as_view()), name="notifications"),
    path("signalen/", _exempt(views.SignalCreate.as_view()), name="signals"),
    path("signalen/<int:signal_id>/", _exempt(views.SignalDetail.as_view()), name="signal"),
    # Anything else under /api/v1/ (an id that is no number, a resource that does not exist) is
    # a problem document too, not the pages' 404.
    re_path(r"^", _exempt(views.NotFound.as_view()), name="not_found"),
]

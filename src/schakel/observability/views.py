from __future__ import annotations

import hmac

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST

from schakel.observability.metrics import exposition


def _bearer(request: HttpRequest) -> str:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


@require_GET
def metrics(request: HttpRequest) -> HttpResponse:
    """Prometheus metrics for the scraper that holds `SCHAKEL_METRICS_TOKEN`; without the
    setting there is no endpoint (404)."""
    expected: str = settings.SCHAKEL_METRICS_TOKEN
    if not expected:
        raise Http404
    if not hmac.compare_digest(_bearer(request).encode(), expected.encode()):
        response = HttpResponse("unauthorized\n", status=401, content_type="text/plain")
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    return HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)

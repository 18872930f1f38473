from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound
from django.shortcuts import render
from django.template import loader

from schakel.access.actor import actor_from_request
from schakel.cases.selectors import agreements_for_owner, case_list_page


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The same generic page for "missing" and "forbidden"."""
    return HttpResponseNotFound(loader.render_to_string("404.html", request=request))


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """My work: my cases, my open agreements, signals of my school."""
    actor = actor_from_request(request)
    context = {
        "cases": case_list_page(actor=actor, page_number=1),
        "agreements": list(agreements_for_owner(actor=actor)[:20]),
    }
    return render(request, "web/dashboard.html", context)


def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness check; also the trivial view the benchmark compares against."""
    return HttpResponse("ok", content_type="text/plain")

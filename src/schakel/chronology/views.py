"""The child's chronology as a page (filter, pages) and as a PDF."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from schakel.access.actor import actor_from_request
from schakel.chronology.forms import ChronologyFilterForm
from schakel.chronology.selectors import chronology_for_print, chronology_page
from schakel.http.pdf import pdf_from_template


def _filter_form(request: HttpRequest) -> ChronologyFilterForm:
    keys = {"kinds", "date_from", "date_to"}
    return ChronologyFilterForm(request.GET if keys & set(request.GET) else None)


@login_required
@require_GET
def child_chronology(request: HttpRequest, child_id: int) -> HttpResponse:
    form = _filter_form(request)
    page = chronology_page(actor=actor_from_request(request), child_id=child_id,
                           filters=form.filters(), page_number=request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "chronology/child.html",
                  {"chronology": page, "child": page.child, "page": page.page, "form": form,
                   "filter_query": query.urlencode()})


@login_required
@require_GET
def child_chronology_pdf(request: HttpRequest, child_id: int) -> HttpResponse:
    form = _filter_form(request)
    printed = chronology_for_print(actor=actor_from_request(request), child_id=child_id,
                                   filters=form.filters())
    document = pdf_from_template("chronology/print/child.html", {"chronology": printed},
                                 stylesheet="css/print/chronology.css")
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="tijdlijn-{printed.child.pk}.pdf"'
    response["Cache-Control"] = "no-store"
    return response

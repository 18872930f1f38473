"""The log administrator's access-log viewer and the export for a request of access."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from schakel.access.actor import actor_from_request
from schakel.audit.export import access_log_export
from schakel.audit.forms import AccessLogExportForm, AccessLogFilterForm
from schakel.audit.selectors import (
    access_log_dashboard,
    access_log_export_allowed,
    access_log_page,
)


@require_GET
def log(request: HttpRequest) -> HttpResponse:
    form = AccessLogFilterForm(request.GET or None)
    read = access_log_page(actor=actor_from_request(request), filters=form.filters(),
                           page_number=request.GET.get("page"))
    export_form = AccessLogExportForm(initial={"child": form.filters().child_id})
    return render(request, "audit/log.html",
                  {"form": form, "page": read.page, "rows": read.rows,
                   "export_form": export_form})


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """Unusual access, for the privacy officer."""
    return render(request, "audit/dashboard.html",
                  {"dashboard": access_log_dashboard(actor=actor_from_request(request))})


@require_POST
def export(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    form = AccessLogExportForm(request.POST)
    actor = actor_from_request(request)
    if not form.is_valid():
        # The form again with its error, without the log's rows (nothing was read).
        access_log_export_allowed(actor=actor)
        return render(request, "audit/log.html",
                      {"form": AccessLogFilterForm(), "export_form": form,
                       "export_error": True}, status=400)
    child_id: int = form.cleaned_data["child"]
    lines = access_log_export(actor=actor, child_id=child_id)
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    filename = f"logboek-kind-{child_id}-{timezone.localdate():%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

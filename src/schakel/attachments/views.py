"""Pages of attachments: adding one to a case or a note, and downloading one — only through
this policy-checked view, never from a public URL of the storage."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from schakel.access import policy
from schakel.access.actor import actor_from_request
from schakel.attachments.forms import AttachmentForm
from schakel.attachments.models import attachments_storage
from schakel.attachments.selectors import attachment_for_download
from schakel.attachments.services import attachment_add
from schakel.cases.selectors import case_get
from schakel.cases.views.action_flow import case_detail_url, refusal
from schakel.http.forms import apply_service_errors
from schakel.http.requests import int_or_none
from schakel.notes.selectors import case_notes

ANCHOR = "attachments"


@login_required
def attachment_add_view(request: HttpRequest, case_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    case, read = case_get(actor=actor, case_id=case_id, content=False)
    refused = refusal(request, case, decide=policy.may_contribute_to_case, actor=actor,
                      read=read, refused=_("Only those involved in the case add attachments."))
    if refused is not None:
        return refused
    notes = [row.note for row in case_notes(actor=actor, case=case, read=read,
                                            can_contribute=True)]
    initial = {"note": int_or_none(request.GET.get("note", ""))}
    form = AttachmentForm(request.POST if request.method == "POST" else None,
                          request.FILES if request.method == "POST" else None,
                          notes=notes, initial=initial)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        note = next((n for n in notes if n.pk == form.cleaned_data["note"]), None)
        try:
            attachment_add(actor=actor, case=case, content=upload, name=upload.name or "",
                           category=form.cleaned_data["category"], note=note)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The attachment has been saved."))
            return redirect(case_detail_url(case, ANCHOR))
    return render(request, "attachments/add.html", {
        "case": case, "form": form, "anchor": ANCHOR, "title": _("Add an attachment"),
        "submit": _("Save the attachment"), "max_size": settings.SCHAKEL_ATTACHMENT_MAX_BYTES})


@login_required
@require_GET
def attachment_download(request: HttpRequest, attachment_id: int) -> FileResponse:
    actor = actor_from_request(request)
    attachment = attachment_for_download(actor=actor, attachment_id=attachment_id)
    response = FileResponse(attachments_storage().open(attachment.stored_name, "rb"),
                            as_attachment=True, filename=attachment.name,
                            content_type=attachment.content_type)
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response

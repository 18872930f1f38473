"""The signed-in user's notifications."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from schakel.http.forms import apply_service_errors
from schakel.http.requests import signed_in_user
from schakel.notifications.forms import NotificationPreferencesForm
from schakel.notifications.selectors import (
    notification_kind_or_none,
    notification_preferences_for,
    notifications_for,
)
from schakel.notifications.services import notification_mark_read, notification_preferences_save


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    """My notifications; `?soort=<kind>` shows one kind (the links of the daily e-mail)."""
    kind = notification_kind_or_none(request.GET.get("soort"))
    notifications = notifications_for(user=signed_in_user(request), kind=kind)
    page = Paginator(notifications, settings.SCHAKEL_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {"page": page, "kind": kind})


@login_required
def notification_preferences(request: HttpRequest) -> HttpResponse:
    """Per kind of notification: an e-mail at once, in the daily e-mail, or none."""
    user = signed_in_user(request)
    rows = notification_preferences_for(user=user)
    form = NotificationPreferencesForm(
        request.POST if request.method == "POST" else None, rows=rows)
    if request.method == "POST" and form.is_valid():
        try:
            notification_preferences_save(user=user, choices=form.choices())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Your choices have been saved."))
            return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})


@login_required
@require_POST
def notification_read(request: HttpRequest, notification_id: int) -> HttpResponse:
    """Mark one of my notifications read and go to what it is about."""
    user = signed_in_user(request)
    notification = get_object_or_404(notifications_for(user=user), pk=notification_id)
    notification_mark_read(user=user, notification_id=notification.pk)
    link = notification.link
    if link and url_has_allowed_host_and_scheme(
        link, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(link)
    return redirect("notifications:list")

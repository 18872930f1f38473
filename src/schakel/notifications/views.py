"""The signed-in user's notifications."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from schakel.http.requests import signed_in_user
from schakel.notifications.selectors import notifications_for
from schakel.notifications.services import notification_mark_read


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    notifications = notifications_for(user=signed_in_user(request))
    page = Paginator(notifications, settings.SCHAKEL_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {"page": page})


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

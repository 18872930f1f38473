"""Template helpers of the portal: plain words for the access log, and the parents' and young
person's voice on the professionals' case page (`{% portal_voice case %}`)."""

from __future__ import annotations

from typing import Any

from django import template

from schakel.access.actor import actor_from_request
from schakel.audit.models import AccessEvent
from schakel.cases.models import Case
from schakel.portal import coordinator, log_labels

register = template.Library()


@register.filter
def log_what(event: AccessEvent) -> str:
    return log_labels.what_text(event)


@register.filter
def log_ground(ground: str) -> str:
    return log_labels.ground_text(ground)


@register.inclusion_tag("portal/coordinator/case_voice.html", takes_context=True)
def portal_voice(context: template.Context, case: Case) -> dict[str, Any]:
    """The case page's section with what parents and the young person added in the portal."""
    request = context.get("request")
    voice = coordinator.case_portal_voice(actor=actor_from_request(request), case=case) if (
        request is not None) else None
    return {"voice": voice, "case": case}

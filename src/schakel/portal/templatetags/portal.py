"""Template helpers of the portal: plain words for the access log."""

from __future__ import annotations

from django import template

from schakel.audit.models import AccessEvent
from schakel.portal import log_labels

register = template.Library()


@register.filter
def log_what(event: AccessEvent) -> str:
    return log_labels.what_text(event)


@register.filter
def log_ground(ground: str) -> str:
    return log_labels.ground_text(ground)

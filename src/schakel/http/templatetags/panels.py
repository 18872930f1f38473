"""`{% render_panel panel %}`: render a `Panel` inside the page's own context (as `include`
does), with the panel's values on top."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from schakel.http.panels import Panel

register = template.Library()


@register.simple_tag(takes_context=True)
def render_panel(context: template.Context, panel: Panel) -> SafeString:
    assert context.template is not None  # noqa: S101 - always set while a template renders
    panel_template = context.template.engine.get_template(panel.template_name)
    with context.push(**panel.context):
        return SafeString(panel_template.render(context))

"""Form helpers shared by every app's web interface.

`SchakelForm` gives widgets the NL Design System (Utrecht) classes; the template partial
`partials/field.html` renders a field with its label, help text and error next to it, linked
through `aria-describedby` (Django sets `aria-invalid` and the ids). `apply_service_errors`
turns a service's `ValidationError` into form errors, so that a refusal by a business rule
shows as a clear message beside the field it concerns.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms.widgets import Input

_WIDGET_CLASSES: list[tuple[type[forms.Widget], str]] = [
    (forms.Textarea, "utrecht-textarea utrecht-textarea--html-textarea"),
    # CheckboxSelectMultiple is a subclass of RadioSelect: it must come first.
    (forms.CheckboxSelectMultiple, "utrecht-checkbox utrecht-checkbox--html-input"),
    (forms.RadioSelect, "utrecht-radio-button utrecht-radio-button--html-input"),
    (forms.Select, "utrecht-select utrecht-select--html-select"),
    (forms.CheckboxInput, "utrecht-checkbox utrecht-checkbox--html-input"),
    (forms.HiddenInput, ""),
    (Input, "utrecht-textbox utrecht-textbox--html-input"),
]


class DateInput(forms.DateInput):
    """A native date picker; the value is sent as ISO date."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class SchakelForm(forms.Form):
    """A form whose widgets carry the Utrecht component classes."""

    template_name = "partials/form_fields.html"
    # The server validates; browsers' own messages would be English and unlinked to ours.
    # Required fields are announced through aria-required instead.
    use_required_attribute = False
    # Set where several forms share a page, so that their fields' ids (and the labels that
    # point at them) stay unique: "factor" gives id_factor_text.
    id_prefix = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if self.id_prefix:
            kwargs.setdefault("auto_id", f"id_{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if field.required and not widget.is_hidden and not isinstance(
                    widget, forms.RadioSelect):
                widget.attrs["aria-required"] = "true"
            for widget_class, css in _WIDGET_CLASSES:
                if isinstance(widget, widget_class):
                    if css:
                        existing = widget.attrs.get("class", "")
                        widget.attrs["class"] = f"{existing} {css}".strip()
                    break


def apply_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Put a service's validation error on the form: field errors beside their field, the
    rest (and errors for fields the form does not show) at the top of the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields and field != NON_FIELD_ERRORS else None
            for item in errors:
                form.add_error(target, item)
    else:
        form.add_error(None, error)

"""The shared form base gives each widget the Utrecht component class of what it is."""

from __future__ import annotations

from django import forms

from schakel.http.forms import SchakelForm


class _Choices(SchakelForm):
    several = forms.MultipleChoiceField(choices=[("a", "A"), ("b", "B")],
                                        widget=forms.CheckboxSelectMultiple)
    one = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    tick = forms.BooleanField(required=False)


def test_checkboxes_are_checkboxes_and_radio_buttons_radio_buttons() -> None:
    fields = _Choices().fields
    assert fields["several"].widget.attrs["class"] == (
        "utrecht-checkbox utrecht-checkbox--html-input")
    assert fields["one"].widget.attrs["class"] == (
        "utrecht-radio-button utrecht-radio-button--html-input")
    assert fields["tick"].widget.attrs["class"] == (
        "utrecht-checkbox utrecht-checkbox--html-input")

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.attachments.models import ATTACHMENT_CATEGORIES
from schakel.http.forms import SchakelForm
from schakel.notes.models import ConversationNote


class AttachmentForm(SchakelForm):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, an image, an office document or a text file. It is checked for "
                    "viruses before it is saved."))
    note = forms.TypedChoiceField(
        label=_("Attach to"), required=False, coerce=int, empty_value=None)
    category = forms.ChoiceField(
        label=_("Information category"), required=False,
        help_text=_("For a file on the case itself. A file on a note has the note's "
                    "category."),
        choices=[("", "---------"), *((c.value, c.label) for c in ATTACHMENT_CATEGORIES)])

    def __init__(self, *args: Any, notes: list[ConversationNote], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices: list[tuple[int | str, str]] = [("", str(_("The case itself")))]
        choices += [(note.pk, f"{note.get_kind_display()}, {note.held_on:%d-%m-%Y}")
                    for note in notes]
        note_field = self.fields["note"]
        if isinstance(note_field, forms.TypedChoiceField):
            note_field.choices = choices

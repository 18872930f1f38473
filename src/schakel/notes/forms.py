from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.http.forms import DateInput, SchakelForm
from schakel.notes.models import NOTE_CATEGORIES, NoteKind


class NoteForm(SchakelForm):
    kind = forms.ChoiceField(label=_("Kind of conversation"), choices=NoteKind.choices)
    held_on = forms.DateField(label=_("Date of the conversation"), widget=DateInput)
    participants = forms.CharField(label=_("Who took part"), max_length=300)
    text = forms.CharField(label=_("Notes"), widget=forms.Textarea)
    category = forms.ChoiceField(
        label=_("Information category"),
        help_text=_("Care content is read by those involved on consent; school data by those "
                    "whose organisation may receive the school's data."),
        choices=[(c.value, c.label) for c in NOTE_CATEGORIES])
    shared_with_parents = forms.BooleanField(
        label=_("Share with the parents in the portal"), required=False,
        help_text=_("They see it as they see the case: the young person from 12, the parents "
                    "with custody while the child is under 16."))


class NoteCorrectionForm(NoteForm):
    reason = forms.CharField(
        label=_("Why is it corrected?"), required=False, widget=forms.Textarea,
        help_text=_("Needed after 24 hours, or for someone else's note: the earlier version "
                    "stays visible with your reason."))

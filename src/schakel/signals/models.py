from __future__ import annotations

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# The themes every installation starts with (migration 0002 stores their Dutch labels), by
# code: their labels in the language of the interface.
BUILT_IN_THEME_LABELS: dict[str, Promise] = {
    "gedrag": _("Behaviour"),
    "welbevinden": _("Well-being"),
    "verzuim": _("Absence"),
    "thuissituatie": _("Home situation"),
    "middelengebruik": _("Substance use"),
    "ontwikkeling": _("Development"),
    "leren": _("Learning"),
    "veiligheid": _("Safety"),
    "gezondheid": _("Health / overweight"),
    "sociale-relaties": _("Social relationships"),
}


class Theme(models.Model):
    """A controlled, extendable list of themes (gedrag, welbevinden, verzuim, ...).

    The built-in themes are shown in the reader's language (`display_label`, from
    `BUILT_IN_THEME_LABELS`); a theme a region adds shows its stored `label`, as written."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    label = models.CharField(_("label"), max_length=100)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["label"]

    def __str__(self) -> str:
        return self.display_label

    @property
    def display_label(self) -> str:
        built_in = BUILT_IN_THEME_LABELS.get(self.code)
        return str(built_in) if built_in is not None else self.label


class SignalLevel(models.TextChoices):
    CHILD = "child", _("Child")
    CLASS = "class", _("Class")
    SCHOOL = "school", _("School")


class SignalStatus(models.TextChoices):
    NEW = "new", _("New")
    DISCUSSED = "discussed", _("Discussed")
    LINKED_CASE = "linked_case", _("Linked to a case")
    LINKED_COLLECTIVE = "linked_collective", _("Linked to a collective action")
    CLOSED = "closed", _("Closed")


class Signal(models.Model):
    """A concern (signaal, zorg) about a child, a class or a whole school."""

    level = models.CharField(_("level"), max_length=10, choices=SignalLevel.choices)
    school = models.ForeignKey(
        "organisations.School", on_delete=models.PROTECT, related_name="signals")
    school_class = models.ForeignKey(
        "organisations.SchoolClass", on_delete=models.PROTECT, null=True, blank=True,
        related_name="signals",
    )
    child = models.ForeignKey(
        "children.Child", on_delete=models.PROTECT, null=True, blank=True, related_name="signals")
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="signals")
    description = models.TextField(_("description"))
    observed_outside_school = models.BooleanField(_("observed outside school"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=SignalStatus.choices, default=SignalStatus.NEW)
    raised_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="raised_signals")
    raised_at = models.DateTimeField(_("raised at"), auto_now_add=True)
    case = models.ForeignKey(
        "cases.Case", on_delete=models.SET_NULL, null=True, blank=True, related_name="signals")
    collective_action = models.CharField(_("collective action"), max_length=300, blank=True)

    class Meta:
        ordering = ["-raised_at"]
        indexes = [models.Index(fields=["school", "status"]), models.Index(fields=["child"])]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(level="child", child__isnull=False)
                    | models.Q(level="class", child__isnull=True, school_class__isnull=False)
                    | models.Q(level="school", child__isnull=True, school_class__isnull=True)
                ),
                name="signal_subject_matches_level",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.theme} ({self.get_level_display()})"

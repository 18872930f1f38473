"""Dialogue tables (Dialoogtafels, seeds 001/002): a case-specific table looks back, with the
parents or the young person and the professionals involved, on the support one child received:
an anonymised description, the history (voorgeschiedenis), the goal realisation, who took part,
the factors that helped or obstructed (coded by domain and valence, with their possible causes
as a tree), recommendations per audience and the participants' comments on the report before
it is adopted (vastgesteld). A synthesis (casus-overstijgende dialoogtafel) merges the factors
of several adopted tables into the overview report.

Once anonymised a table holds no child's data; its source case (if the description was proposed
from one) is kept for the chair's own reference and is never shown to anyone."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    PO = "po", _("Primary education (PO)")
    VO = "vo", _("Secondary education (VO)")
    MBO = "mbo", _("Vocational education (MBO)")


class TableStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("Read and commented by the participants")
    ADOPTED = "adopted", _("Adopted")


class Perspective(models.TextChoices):
    PARENT = "parent", _("Parent")
    YOUNG_PERSON = "young_person", _("Young person")
    PROFESSIONAL = "professional", _("Professional")


class Domain(models.TextChoices):
    FAMILY = "family", _("Family / child / young person")
    PROFESSIONAL = "professional", _("Professional")
    ORGANISATION_SCHOOL = "organisation_school", _("Organisation: school")
    ORGANISATION_MUNICIPALITY = "organisation_municipality", _("Organisation: municipality")
    ORGANISATION_PROVIDER = "organisation_provider", _("Organisation: care provider")
    ORGANISATION_OVERARCHING = "organisation_overarching", _("Organisation: overarching")
    INTERVENTION = "intervention", _("Intervention")


class Valence(models.TextChoices):
    HELPING = "helping", _("Helping (success factor)")
    OBSTRUCTING = "obstructing", _("Obstructing")


class Audience(models.TextChoices):
    OVERARCHING = "overarching", _("Care providers, schools and municipality together")
    SCHOOL = "school", _("School")
    MUNICIPALITY = "municipality", _("Municipality")
    PROVIDER = "provider", _("Care provider")
    PARENTS = "parents", _("Parents")
    PROFESSIONALS = "professionals", _("Professionals")


class DialogueTable(models.Model):
    title = models.CharField(_("title"), max_length=200)
    level = models.CharField(_("kind of education"), max_length=3, choices=Level.choices)
    description = models.TextField(_("anonymised description of the child"), blank=True)
    goal_realisation = models.TextField(_("goal realisation"), blank=True)
    chair = models.ForeignKey("organisations.Professional", on_delete=models.PROTECT,
                              related_name="+", verbose_name=_("chair"))
    status = models.CharField(_("status"), max_length=10, choices=TableStatus.choices,
                              default=TableStatus.DRAFT)
    # Where the description was proposed from: never shown, never in a page or a report.
    source_case = models.ForeignKey("cases.Case", on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    adopted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_adopted(self) -> bool:
        return self.status == TableStatus.ADOPTED


class HistoryEvent(models.Model):
    """One link of the chain of support before and during the table's period."""

    table = models.ForeignKey(DialogueTable, on_delete=models.CASCADE, related_name="history")
    moment = models.CharField(_("when (approximately)"), max_length=100, blank=True)
    description = models.CharField(_("what"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"))

    class Meta:
        ordering = ["order", "pk"]


class Participant(models.Model):
    table = models.ForeignKey(DialogueTable, on_delete=models.CASCADE,
                              related_name="participants")
    perspective = models.CharField(_("perspective"), max_length=20, choices=Perspective.choices)
    role = models.CharField(_("role"), max_length=200)
    organisation_type = models.CharField(_("kind of organisation"), max_length=200, blank=True)
    # A professional with an account reads the table and comments on it during the review.
    professional = models.ForeignKey("organisations.Professional", on_delete=models.PROTECT,
                                     null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(
            fields=["table", "professional"], name="dialogue_participant_once")]

    def __str__(self) -> str:
        return self.role


class Factor(models.Model):
    table = models.ForeignKey(DialogueTable, on_delete=models.CASCADE, related_name="factors")
    domain = models.CharField(_("domain"), max_length=30, choices=Domain.choices)
    valence = models.CharField(_("helping or obstructing"), max_length=12,
                               choices=Valence.choices)
    text = models.CharField(_("factor"), max_length=500)
    # Seed 001's "c": named in relation to this case (rather than as holding in general).
    case_specific = models.BooleanField(_("named in relation to this case"), default=True)
    named_by = models.ManyToManyField(Participant, blank=True, related_name="factors",
                                      verbose_name=_("named by"))
    # A possible cause of the parent factor (always of the same table).
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="causes", verbose_name=_("possible cause of"))

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text


class Recommendation(models.Model):
    table = models.ForeignKey(DialogueTable, on_delete=models.CASCADE,
                              related_name="recommendations")
    audience = models.CharField(_("for"), max_length=20, choices=Audience.choices)
    text = models.TextField(_("recommendation"))

    class Meta:
        ordering = ["pk"]


class ReviewComment(models.Model):
    table = models.ForeignKey(DialogueTable, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey("organisations.Professional", on_delete=models.PROTECT,
                               related_name="+")
    text = models.TextField(_("comment"))
    written_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["written_at", "pk"]


class SynthesisStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ADOPTED = "adopted", _("Adopted")


class Synthesis(models.Model):
    """A casus-overstijgende dialoogtafel over several adopted tables; the tables are numbered
    1, 2, 3, ... in the order of their ids (the numbers of the "(1c,2c,3c)" notation)."""

    title = models.CharField(_("title"), max_length=200)
    chair = models.ForeignKey("organisations.Professional", on_delete=models.PROTECT,
                              related_name="+", verbose_name=_("chair"))
    tables = models.ManyToManyField(DialogueTable, related_name="syntheses")
    method = models.TextField(_("method (werkwijze)"), blank=True)
    went_well = models.TextField(_("what goes well"), blank=True,
                                 help_text=_("One conclusion per line."))
    could_be_better = models.TextField(_("what could be better"), blank=True,
                                       help_text=_("One conclusion per line."))
    status = models.CharField(_("status"), max_length=10, choices=SynthesisStatus.choices,
                              default=SynthesisStatus.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_adopted(self) -> bool:
        return self.status == SynthesisStatus.ADOPTED


class SynthesisFactor(models.Model):
    """One row of the synthesis: equivalent top-level factors of its tables (one at first; the
    chair merges rows), all of one domain and valence."""

    synthesis = models.ForeignKey(Synthesis, on_delete=models.CASCADE, related_name="rows")
    text = models.CharField(_("factor"), max_length=500)
    domain = models.CharField(_("domain"), max_length=30, choices=Domain.choices)
    valence = models.CharField(_("helping or obstructing"), max_length=12,
                               choices=Valence.choices)
    factors = models.ManyToManyField(Factor, related_name="synthesis_rows")
    # None: structural when named in two tables or more; True/False: the chair decided.
    structural_override = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]


class SynthesisRecommendation(models.Model):
    """A recommendation of the synthesis itself (the overarching table's, seed 001)."""

    synthesis = models.ForeignKey(Synthesis, on_delete=models.CASCADE,
                                  related_name="recommendations")
    audience = models.CharField(_("for"), max_length=20, choices=Audience.choices)
    text = models.TextField(_("recommendation"))

    class Meta:
        ordering = ["pk"]

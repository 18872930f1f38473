"""The preventiematrix of a school (seed 004 §3.3 e, after the NJi's matrix): in four steps the
kernteam and the municipality map their preventive work together.

1. the top 12 of desired situations and of the most common problems (`RankedItem`);
2. what each sector already offers on each level of the prevention pyramid
   (`PreventionOffer`: sector x level);
3. a shared ambition and approach: what, how, who (on `PreventionMatrix`);
4. agreements on regie: who keeps the overview of what, and how quality and effectiveness are
   kept (`RegieAgreement`).

One matrix per school location: a school has one kernteam (`teams.one_team_per_layer`), whose
members and the municipality's policy officer keep it (`policy.prevention`). It holds no
child's data. Every row says who changed it last and when; the access log has every change."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

# Step 1 of the seed: "Bepaal samen de top 12".
TOP_SIZE = 12


class RankedKind(models.TextChoices):
    DESIRED = "desired", _("Desired situation")
    PROBLEM = "problem", _("Common problem")


class Sector(models.TextChoices):
    """The three sectors of the matrix (seed 004 §3.3 e: "onderwijs, gemeentelijke
    voorzieningen voor jeugd en informele zorg")."""

    EDUCATION = "education", _("Education")
    MUNICIPALITY = "municipality", _("Municipal youth services")
    INFORMAL = "informal", _("Informal care")


class PyramidLevel(models.TextChoices):
    """The three levels of the prevention pyramid: for all pupils (at least 80 %), for the
    groups that need more (5-20 %), intensive for a few (1-5 %) — the pyramid's shares as
    seed 004 Bijlage H gives them."""

    UNIVERSAL = "universal", _("Level 1: universal, for all pupils")
    SELECTIVE = "selective", _("Level 2: selective, for groups at risk")
    INDICATED = "indicated", _("Level 3: indicated, intensive for a few")


class Changed(models.Model):
    """Who changed the row last, and when."""

    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    updated_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="+",
        verbose_name=_("changed by"))

    class Meta:
        abstract = True


class PreventionMatrix(Changed):
    school = models.OneToOneField(
        "organisations.School", on_delete=models.CASCADE, related_name="prevention_matrix")
    ambition_what = models.TextField(_("what"), blank=True)
    ambition_how = models.TextField(_("how"), blank=True)
    ambition_who = models.TextField(_("who"), blank=True)

    def __str__(self) -> str:
        return f"{self.school}: preventiematrix"


class RankedItem(Changed):
    """A desired situation or a common problem, in its place in the top 12."""

    matrix = models.ForeignKey(PreventionMatrix, on_delete=models.CASCADE,
                               related_name="ranked_items")
    kind = models.CharField(_("kind"), max_length=10, choices=RankedKind.choices)
    rank = models.PositiveSmallIntegerField(_("place"))
    text = models.CharField(_("description"), max_length=300)

    class Meta:
        ordering = ["matrix", "kind", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["matrix", "kind", "rank"], name="one_item_per_rank"),
            models.CheckConstraint(condition=models.Q(rank__gte=1, rank__lte=TOP_SIZE),
                                   name="rank_in_top"),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.text}"


class PreventionOffer(Changed):
    """What one sector offers on one level of the pyramid (a cell of the matrix holds
    several)."""

    matrix = models.ForeignKey(PreventionMatrix, on_delete=models.CASCADE,
                               related_name="offers")
    sector = models.CharField(_("sector"), max_length=15, choices=Sector.choices)
    level = models.CharField(_("level"), max_length=10, choices=PyramidLevel.choices)
    name = models.CharField(_("offer"), max_length=200)
    provider = models.CharField(_("provided by"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["matrix", "sector", "level", "name", "pk"]

    def __str__(self) -> str:
        return self.name


class RegieAgreement(Changed):
    """Step 4: who has regie over what, and what is agreed to keep the overview."""

    matrix = models.ForeignKey(PreventionMatrix, on_delete=models.CASCADE,
                               related_name="regie_agreements")
    subject = models.CharField(_("regie over"), max_length=200)
    holder = models.CharField(_("who has regie"), max_length=200)
    agreement = models.TextField(_("agreement"), blank=True)

    class Meta:
        ordering = ["matrix", "pk"]

    def __str__(self) -> str:
        return f"{self.subject}: {self.holder}"

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    EDUCATION = "onderwijs", _("Education")
    CARE = "zorg", _("Care")
    MUNICIPALITY = "gemeente", _("Municipality")
    CHILD_PROTECTION = "jeugdbescherming", _("Child protection")
    SAFETY = "veiligheid", _("Safety")
    WELFARE = "welzijn", _("Welfare")
    CHILDCARE = "kinderopvang", _("Childcare")


class Region(models.Model):
    """A youth-care region (e.g. Twente). Each region chooses its plan template."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    plan_template = models.ForeignKey(
        "cases.PlanTemplate", on_delete=models.PROTECT, null=True, blank=True,
        related_name="regions", verbose_name=_("plan template"),
    )

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="organisations")
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SchoolType(models.TextChoices):
    PO = "PO", _("Primary education")
    SO = "SO", _("Special primary education")
    VO = "VO", _("Secondary education")
    VSO = "VSO", _("Special secondary education")
    MBO = "MBO", _("Vocational education (MBO)")


class School(models.Model):
    """A school location (schoollocatie) identified by BRIN code and location number."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="schools",
        verbose_name=_("school board"),
    )
    name = models.CharField(_("name"), max_length=200)
    brin = models.CharField(_("BRIN code"), max_length=6, unique=True)
    school_type = models.CharField(_("type"), max_length=3, choices=SchoolType.choices)
    municipality = models.CharField(_("municipality"), max_length=100)
    contact_point = models.ForeignKey(
        "organisations.Professional", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="contact_point_for", verbose_name=_("contact point"),
    )
    escalation_route = models.TextField(_("how to escalate"), blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SchoolClass(models.Model):
    """A class or group (klas/groep) in one school year."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="classes")
    name = models.CharField(_("name"), max_length=50)
    school_year = models.CharField(_("school year"), max_length=9)  # e.g. 2026-2027

    class Meta:
        ordering = ["school", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "name", "school_year"], name="unique_class_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.school_year})"


class Function(models.TextChoices):
    SUPPORT_COORDINATOR = "ib", _("Internal support coordinator (IB'er)")
    CARE_COORDINATOR = "zorgcoordinator", _("Care coordinator")
    TEACHER = "leerkracht", _("Teacher")
    MENTOR = "mentor", _("Mentor")
    SCHOOL_MANAGER = "schoolleider", _("School leader")
    YOUTH_NURSE = "jeugdverpleegkundige", _("Youth nurse")
    YOUTH_DOCTOR = "jeugdarts", _("Youth doctor")
    YOUTH_DIRECTOR = "jeugdregisseur", _("Municipal youth director")
    SCHOOL_SOCIAL_WORKER = "smw", _("School social worker")
    ORTHOPEDAGOGUE = "orthopedagoog", _("Remedial educationalist")
    GP_MENTAL_HEALTH = "poh_ggz", _("GP mental-health practice nurse")
    YOUTH_MENTAL_HEALTH = "jggz", _("Youth mental-health worker")
    YOUTH_WORKER = "jongerenwerker", _("Youth worker")
    COMMUNITY_OFFICER = "wijkagent", _("Community police officer")
    TRUANCY_OFFICER = "leerplichtambtenaar", _("Truancy officer")
    CHILD_PROTECTION = "jeugdbeschermer", _("Child-protection worker")
    YOUTH_PROBATION = "jeugdreclasseerder", _("Youth probation officer")
    CHILDCARE_WORKER = "pedagogisch_medewerker", _("Childcare worker")
    POLICY_OFFICER = "beleidsmedewerker", _("Policy officer")
    PRIVACY_OFFICER = "privacy_officer", _("Privacy officer (log administrator)")


class Professional(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="professional")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="professionals")
    function = models.CharField(_("function"), max_length=30, choices=Function.choices)
    full_name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    # The visitekaartje: what I do, what you may expect of me, how and when to reach me.
    what_i_do = models.TextField(_("what I do"), blank=True)
    what_to_expect = models.TextField(_("what you may expect of me"), blank=True)
    how_to_reach = models.TextField(_("how and when to reach me"), blank=True)
    is_log_administrator = models.BooleanField(_("log administrator"), default=False)
    # Keeps what the organisation's users share: the glossary (begrippenlijst).
    is_functional_administrator = models.BooleanField(
        _("functional administrator"), default=False)
    # The aandachtsfunctionaris of the Meldcode huiselijk geweld en kindermishandeling: supports
    # the organisation's professionals in its routes and sees them (`policy.meldcode`).
    is_meldcode_officer = models.BooleanField(
        _("meldcode officer (aandachtsfunctionaris)"), default=False)

    class Meta:
        ordering = ["full_name"]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.get_function_display()}, {self.organisation.name})"


class SchoolPartner(models.Model):
    """An organisation the school works with whose people are not in its teams in Schakel
    (Veilig Thuis, the wijkteam, the huisartsenpost, ...): what to go to them for and how to
    reach them. Shown on the route page (sociale kaart); no child data."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("name"), max_length=200)
    what_for = models.CharField(_("what for"), max_length=300)
    how_to_reach = models.TextField(_("how and when to reach"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["school", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["school", "name"], name="unique_partner_per_school"),
        ]

    def __str__(self) -> str:
        return self.name

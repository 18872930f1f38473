"""The Meldcode route (Wet verplichte meldcode huiselijk geweld en kindermishandeling): a
professional with concerns about domestic violence or child abuse walks its five steps for a
child's case, each step recorded with its date, who and what was found. The order of the steps
is `steps.STEP_ORDER`; the services check it. Retention removes a route with its case."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RouteStep(models.IntegerChoices):
    SIGNALS = 1, _("Map the signals")
    CONSULTATION = 2, _("Consult a colleague and, if needed, Veilig Thuis")
    CONVERSATION = 3, _("Talk with the parents and the child")
    WEIGHING = 4, _("Weigh with the afwegingskader")
    DECISION = 5, _("Decide: organise help and/or report to Veilig Thuis")


class RouteStatus(models.TextChoices):
    OPEN = "open", _("In progress")
    FINISHED = "finished", _("Finished")


class MeldcodeRoute(models.Model):
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="meldcode_routes")
    # The signal the route started from, when there was one (a signal of this case).
    signal = models.ForeignKey(
        "signals.Signal", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    runner = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="+",
        verbose_name=_("runs the route"))
    status = models.CharField(_("status"), max_length=10, choices=RouteStatus.choices,
                              default=RouteStatus.OPEN)
    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("Meldcode route")
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["case", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="open", finished_at__isnull=True)
                | models.Q(status="finished", finished_at__isnull=False),
                name="meldcode_route_finished_when_closed"),
        ]

    def __str__(self) -> str:
        return f"Meldcode-route {self.pk}"

    @property
    def is_finished(self) -> bool:
        return self.status == RouteStatus.FINISHED


class MeldcodeStepRecord(models.Model):
    """One step of a route, as done. Step 2 says whether Veilig Thuis was consulted; step 4
    holds the five answers of the afwegingskader; step 5 the decision, and with a report the
    legal grounds it recorded for Veilig Thuis."""

    route = models.ForeignKey(MeldcodeRoute, on_delete=models.CASCADE, related_name="steps")
    step = models.PositiveSmallIntegerField(_("step"), choices=RouteStep.choices)
    performed_on = models.DateField(_("date"))
    recorded_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    findings = models.TextField(_("what was found"))
    veilig_thuis_consulted = models.BooleanField(_("Veilig Thuis consulted"), default=False)
    # The afwegingskader (since 1 January 2019): questions 1-5 (`steps.QUESTIONS`).
    suspicion = models.BooleanField(null=True, blank=True)
    unsafety = models.BooleanField(null=True, blank=True)
    can_help = models.BooleanField(null=True, blank=True)
    help_accepted = models.BooleanField(null=True, blank=True)
    help_suffices = models.BooleanField(null=True, blank=True)
    help_organised = models.BooleanField(_("help organised"), default=False)
    reported = models.BooleanField(_("reported to Veilig Thuis"), default=False)
    veilig_thuis = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("Veilig Thuis"))
    legal_grounds = models.ManyToManyField("consent.LegalGround", blank=True, related_name="+")

    class Meta:
        verbose_name = _("step of a Meldcode route")
        ordering = ["route", "step"]
        constraints = [
            models.UniqueConstraint(fields=["route", "step"], name="meldcode_step_once"),
            models.CheckConstraint(condition=models.Q(step__gte=1, step__lte=5),
                                   name="meldcode_step_one_to_five"),
            models.CheckConstraint(
                condition=(models.Q(step=4, suspicion__isnull=False, unsafety__isnull=False,
                                    can_help__isnull=False, help_accepted__isnull=False,
                                    help_suffices__isnull=False)
                           | (~models.Q(step=4) & models.Q(
                               suspicion__isnull=True, unsafety__isnull=True,
                               can_help__isnull=True, help_accepted__isnull=True,
                               help_suffices__isnull=True))),
                name="meldcode_answers_at_step_four"),
            models.CheckConstraint(
                condition=~models.Q(step=5) | models.Q(help_organised=True)
                | models.Q(reported=True),
                name="meldcode_decision_help_or_report"),
            models.CheckConstraint(
                condition=(models.Q(reported=True, step=5, veilig_thuis__isnull=False)
                           | models.Q(reported=False, veilig_thuis__isnull=True)),
                name="meldcode_report_names_veilig_thuis"),
        ]

    def __str__(self) -> str:
        return f"{self.get_step_display()} {self.performed_on:%d-%m-%Y}"

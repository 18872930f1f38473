"""The team's own development (DESIGN §2.11, seed 004): the taart van ambities session
(`AmbitionSession`, Bijlage F) and the repeatable questionnaires (`BaselineSurvey`, one round
of the nulmeting of §3.2 or of the MDO-versus-IPW self-assessment of §2.2) that each member
of the team fills in once per round. Answers are stored per member (to refuse a second one)
and shown only as a distribution (`disclosure.py`)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.teamdevelopment.ambition import SCORE_MAX, SCORE_MIN, Ring
from schakel.teamdevelopment.statements import Questionnaire


class BaselineSurvey(models.Model):
    """One round of a questionnaire for one team: open until a member closes it. Only a
    closed round shows its distributions (so that nobody reads a colleague's answer from the
    change it made)."""

    team = models.ForeignKey("teams.Team", on_delete=models.CASCADE, related_name="surveys")
    questionnaire = models.CharField(_("questionnaire"), max_length=10,
                                     choices=Questionnaire.choices)
    number = models.PositiveSmallIntegerField(_("round"))
    opened_on = models.DateField(_("opened on"))
    opened_by = models.ForeignKey("organisations.Professional", on_delete=models.PROTECT,
                                  related_name="+")
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    class Meta:
        ordering = ["team", "questionnaire", "number"]
        constraints = [
            models.UniqueConstraint(fields=["team", "questionnaire", "number"],
                                    name="survey_round_number_once"),
            # At most one open round of a questionnaire per team.
            models.UniqueConstraint(fields=["team", "questionnaire"],
                                    condition=models.Q(closed_on__isnull=True),
                                    name="one_open_survey_round"),
        ]

    def __str__(self) -> str:
        return f"{self.get_questionnaire_display()} {self.number}"

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class SurveyResponse(models.Model):
    """A member's answers in one round: once per member and round."""

    survey = models.ForeignKey(BaselineSurvey, on_delete=models.CASCADE,
                               related_name="responses")
    respondent = models.ForeignKey("organisations.Professional", on_delete=models.PROTECT,
                                   related_name="+")
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["survey", "respondent"],
                                    name="survey_answered_once_per_member"),
        ]


class SurveyAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE,
                                 related_name="answers")
    item = models.CharField(max_length=40)  # `statements.Item.code`
    value = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "item"], name="survey_item_once"),
        ]


class AmbitionSession(models.Model):
    """A taart van ambities with the team, held in one of its school's meetings (whose
    decisions are the team's agreements: the participants' first actions become them)."""

    team = models.ForeignKey("teams.Team", on_delete=models.CASCADE,
                             related_name="ambition_sessions")
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.PROTECT,
                                related_name="ambition_sessions", verbose_name=_("meeting"))
    facilitator = models.ForeignKey("organisations.Professional", on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("facilitator"))
    held_on = models.DateField(_("held on"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]


class AmbitionNote(models.Model):
    """A post-it in one ring of the cake."""

    session = models.ForeignKey(AmbitionSession, on_delete=models.CASCADE,
                                related_name="notes")
    ring = models.PositiveSmallIntegerField(_("step (ring)"), choices=Ring.choices)
    text = models.TextField(_("note"))
    written_by = models.ForeignKey("organisations.Professional", on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["session", "ring", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ring__gte=1, ring__lte=7),
                                   name="ambition_note_ring_1_to_7"),
        ]


class AmbitionParticipant(models.Model):
    """Who sat at the table: their mark for the collaboration (step 5, shown only as a
    distribution) and their own first action (step 7), a decision of the meeting."""

    session = models.ForeignKey(AmbitionSession, on_delete=models.CASCADE,
                                related_name="participants")
    professional = models.ForeignKey("organisations.Professional", on_delete=models.PROTECT,
                                     related_name="+", verbose_name=_("participant"))
    score = models.PositiveSmallIntegerField(_("mark for the collaboration"), null=True,
                                             blank=True)
    decision = models.OneToOneField("meetings.Decision", on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="+")

    class Meta:
        ordering = ["session", "professional__full_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["session", "professional"],
                                    name="ambition_participant_once"),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True)
                | models.Q(score__gte=SCORE_MIN, score__lte=SCORE_MAX),
                name="ambition_score_1_to_10"),
        ]

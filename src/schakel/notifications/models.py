from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    BECAME_COORDINATOR = "became_coordinator", _("You became coordinator")
    COORDINATOR_CHANGED = "coordinator_changed", _("Another coordinator")
    INVOLVED = "involved", _("You were involved in a case")
    AGREEMENT_ASSIGNED = "agreement_assigned", _("New agreement for you")
    AGREEMENT_DUE_SOON = "agreement_due_soon", _("Agreement due soon")
    AGREEMENT_OVERDUE = "agreement_overdue", _("Agreement overdue")
    CASE_CLOSED = "case_closed", _("Case closed")
    CASE_ESCALATED = "case_escalated", _("Case escalated")
    MEASURE_STARTED = "measure_started", _("Measure started")
    MEASURE_ENDED = "measure_ended", _("Measure ended")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("Consent withdrawn")
    # The portal (parents and young people).
    CONSENT_REQUESTED = "consent_requested", _("Consent waiting for your signature")
    PORTAL_CONTRIBUTION = "portal_contribution", _("Added by a parent or young person")
    CORRECTION_REQUESTED = "correction_requested", _("Correction requested")
    CORRECTION_ANSWERED = "correction_answered", _("Your correction request was answered")
    HANDOVER_OFFERED = "handover_offered", _("A hand-over awaiting acceptance")
    HANDOVER_DECIDED = "handover_decided", _("A hand-over was accepted, returned or withdrawn")
    MATCH = "match", _("Also involved")
    MEETING_INVITATION = "meeting_invitation", _("Meeting invitation or change")
    INFORMATION_REQUESTED = "information_requested", _(
        "A parent without custody asks for information")
    INFORMATION_ANSWERED = "information_answered", _("Your request for information was answered")
    FAMILY_INVITATION = "family_invitation", _("Invitation to a meeting about your child")
    EMERGENCY_ACCESS = "emergency_access", _("Emergency access claimed")
    SIGNAL_ASSIGNED = "signal_assigned", _("A new signal was assigned to you")
    PATTERN_ESCALATED = "pattern_escalated", _("A rode draad was escalated to management")


class EmailDelivery(models.TextChoices):
    """How a user wants to hear of one kind of notification by e-mail (the in-app note is
    always stored and shown, whatever is chosen: see `notifications.preferences`)."""

    IMMEDIATELY = "immediately", _("Immediately by e-mail")
    DIGEST = "digest", _("In the daily e-mail")
    OFF = "off", _("No e-mail (only in Schakel)")


class Notification(models.Model):
    """An in-app notification. It names the case by reference, never its content: e-mail
    copies say only that something is waiting in Schakel.

    Its text is written when it is sent, in every language of the interface (`texts`, see
    `notification_send`), and shown in the reader's (`text`): the sender's language says
    nothing about the recipient's, and a reader who switches language sees the notifications
    they already have in the new one. `message` is the text in the sender's language, all
    that rows from before `texts` have."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("kind"), max_length=30, choices=NotificationKind.choices)
    message = models.CharField(_("message"), max_length=300)
    # The text by language code (settings.LANGUAGES).
    texts = models.JSONField(_("texts"), default=dict, blank=True)
    link = models.CharField(_("link"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # When the content-free e-mail was handed to the mail backend; empty while it is pending
    # (or when the recipient has no e-mail address). See `notifications.tasks`.
    emailed_at = models.DateTimeField(null=True, blank=True)
    # How it is e-mailed, decided from the recipient's preference when it is sent: on its own
    # at once, in the daily digest, or not at all. Rows from before preferences: at once.
    delivery = models.CharField(
        _("e-mail"), max_length=12, choices=EmailDelivery.choices,
        default=EmailDelivery.IMMEDIATELY)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    @property
    def text(self) -> str:
        """The text in the language of the reader (the active language)."""
        language = translation.get_language() or ""
        text = self.texts.get(language) or self.texts.get(language.split("-")[0])
        return str(text) if text else self.message


class NotificationPreference(models.Model):
    """A user's choice for one kind of notification. No row: the kind's default
    (`notifications.preferences.DEFAULT_DELIVERY`)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
        related_name="notification_preferences")
    kind = models.CharField(_("kind"), max_length=30, choices=NotificationKind.choices)
    delivery = models.CharField(_("e-mail"), max_length=12, choices=EmailDelivery.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["user", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"],
                                    name="notifications_preference_one_per_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {self.delivery}"

"""Following the project without an account: an e-mail address, what it follows (the news,
the events, challenge calls, surveys, pilot territories), in one language, with the consent
given (when, which text, in which language).

Nothing is sent before the address is confirmed from the e-mail it receives (double opt-in);
an unconfirmed address is forgotten after ``UNCONFIRMED_DAYS``. A change asked for on the form
waits in ``pending`` until its confirmation link is used, so nobody can change someone else's
subscription by typing their address.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

UNCONFIRMED_DAYS = 7


class Topic(models.TextChoices):
    NEWS = "news", _("The project's news")
    EVENTS = "events", _("Events")
    CALLS = "calls", _("Challenge calls")
    SURVEYS = "surveys", _("Surveys")
    TERRITORY = "territory", _("A pilot territory")


class Period(models.TextChoices):
    DAILY = "daily", _("At most one e-mail a day")
    WEEKLY = "weekly", _("At most one e-mail a week")


class Subscriber(models.Model):
    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    token = models.UUIDField(_("private link"), default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    consent_text = models.TextField(_("consent text"), blank=True)
    consent_language = models.CharField(_("consent language"), max_length=8, blank=True)
    pending = models.JSONField(_("change waiting for confirmation"), default=dict, blank=True)
    digest_period = models.CharField(
        _("how often"), max_length=8, choices=Period.choices, default=Period.WEEKLY
    )
    last_digest_at = models.DateTimeField(_("last digest sent at"), null=True, blank=True)
    # Set when the mail provider reports a hard bounce or a complaint: nothing more is sent.
    stopped_at = models.DateTimeField(_("mail stopped at"), null=True, blank=True)
    stop_reason = models.CharField(_("why mail stopped"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def receives_mail(self) -> bool:
        return self.is_confirmed and self.stopped_at is None


class Follow(models.Model):
    """One thing a subscriber follows; a territory by its translation key (every language)."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="follows")
    topic = models.CharField(_("topic"), max_length=12, choices=Topic.choices)
    territory_key = models.UUIDField(_("territory"), null=True, blank=True)

    class Meta:
        verbose_name = _("followed topic")
        verbose_name_plural = _("followed topics")

    def __str__(self):
        return f"{self.get_topic_display()} {self.territory_key or ''}".strip()

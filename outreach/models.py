"""Newsletters and what their sending left behind.

A newsletter is a translatable snippet: each language is its own row (wagtail-localize), and
each row is sent once, to the confirmed followers of the project's news in that language.
Sending and its deliveries live apart from the text, so translating or editing a newsletter
never touches how far its sending went. One delivery per subscriber and newsletter (a unique
constraint) is what makes a resumed or double-clicked sending unable to mail anyone twice.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField
from wagtail.models import PreviewableMixin, TranslatableMixin
from wagtail_localize.fields import TranslatableField

from .blocks import NewsletterBlock
from .email import render_newsletter


class Newsletter(TranslatableMixin, PreviewableMixin, models.Model):
    subject = models.CharField(_("subject"), max_length=150)
    preheader = models.CharField(
        _("preview line"),
        max_length=200,
        blank=True,
        help_text=_("The line mail programs show after the subject."),
    )
    body = StreamField(NewsletterBlock(), verbose_name=_("body"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    translatable_fields = [
        TranslatableField("subject"),
        TranslatableField("preheader"),
        TranslatableField("body"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("newsletter")
        verbose_name_plural = _("newsletters")
        ordering = ["-updated_at"]
        permissions = [("send_newsletter", _("Can send newsletters to the followers"))]

    def __str__(self):
        return self.subject

    preview_modes = [("", _("E-mail")), ("text", _("Plain text"))]

    def get_preview_template(self, request, mode_name):
        return "outreach/newsletter_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        html, text = render_newsletter(self, leave_url="#", manage_url="#")
        context.update(mode=mode_name or "html", html=html, text=text)
        return context


class Sending(models.Model):
    """One language version on its way: who asked, when, and which sender holds it now."""

    newsletter = models.OneToOneField(
        Newsletter, on_delete=models.CASCADE, related_name="sending", verbose_name=_("newsletter")
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # The sender at work holds the sending until then; a crashed one is taken over after it.
    lease_until = models.DateTimeField(null=True, blank=True)
    next_batch_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("sending")
        verbose_name_plural = _("sendings")

    def __str__(self):
        return str(self.newsletter)


class Delivery(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        BOUNCED = "bounced", _("Bounced")
        # A sender stopped during this message: it may have left, so it is never sent again.
        UNCERTAIN = "uncertain", _("Interrupted, not sent again")

    sending = models.ForeignKey(Sending, on_delete=models.CASCADE, related_name="deliveries")
    # An erased subscriber leaves an anonymous row, so the counts stay true.
    subscriber = models.ForeignKey(
        "subscriptions.Subscriber", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    message_id = models.CharField(max_length=250, blank=True, db_index=True)
    error = models.CharField(max_length=250, blank=True)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["sending", "subscriber"], name="one_delivery_per_subscriber"
            )
        ]
        indexes = [models.Index(fields=["sending", "status"])]

    def __str__(self):
        return f"{self.sending} → {self.get_status_display()}"

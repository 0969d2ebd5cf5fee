"""Another municipality's wish to replicate a solution: kept once per solution and address, its
personal data found, exported and erased like the rest, and forgotten after the retention
period."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReplicationInterest(models.Model):
    solution_key = models.UUIDField(_("solution"), db_index=True)
    municipality = models.CharField(_("municipality"), max_length=200)
    role = models.CharField(_("role"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    message = models.TextField(_("message"), max_length=2000, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    consent_given_at = models.DateTimeField(_("consent given at"))
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("wish to replicate")
        verbose_name_plural = _("wishes to replicate")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["solution_key", "email"], name="one_interest_per_solution_and_address"
            )
        ]

    def __str__(self):
        return f"{self.municipality} ({self.created_at:%Y-%m-%d})"

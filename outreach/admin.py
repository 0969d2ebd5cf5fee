"""Newsletters in the admin: compose (a translatable snippet with an e-mail and a plain-text
preview), send a test to oneself, send to the followers of each language, and watch the
sent, failed and bounced counts."""

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .email import build_message, render_newsletter
from .models import Delivery, Newsletter, Sending
from .sending import counts, recipients, start
from .tasks import send_newsletter

SEND_PERMISSION = "outreach.send_newsletter"
Status = Delivery.Status


class SendingColumn(Column):
    """Sent, failed and bounced counts of each listed newsletter, read in one query."""

    cell_template_name = "outreach/admin/sending_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        table = parent_context["table"]
        if not hasattr(table, "sending_counts"):  # once for the whole page of the listing
            table.sending_counts = counts([row.pk for row in table.data])
        row = table.sending_counts.get(instance.pk)
        context["counts"] = row and {
            "sent": row.get(Status.SENT, 0),
            "waiting": row.get(Status.QUEUED, 0) + row.get(Status.SENDING, 0),
            "failed": row.get(Status.FAILED, 0) + row.get(Status.UNCERTAIN, 0),
            "bounced": row.get(Status.BOUNCED, 0),
        }
        context["send_url"] = reverse(
            "wagtailsnippets_outreach_newsletter:send", args=[quote(instance.pk)]
        )
        return context


class NewsletterViewSet(SnippetViewSet):
    model = Newsletter
    icon = "mail"
    menu_label = gettext_lazy("Newsletters")
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "subject",
        "locale",
        SendingColumn("sending", label=gettext_lazy("Sending")),
        "updated_at",
    ]
    search_fields = ["subject"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("send/<str:pk>/", self.send_view, name="send"),
        ]

    def send_view(self, request, pk):
        if not request.user.has_perm(SEND_PERMISSION):
            raise PermissionDenied
        newsletter = get_object_or_404(Newsletter.objects.select_related("locale"), pk=pk)
        source = newsletter.get_translation_or_none(newsletter.get_default_locale()) or newsletter
        versions = list(source.get_translations(inclusive=True).select_related("locale"))
        if request.method == "POST" and request.POST.get("action") == "test":
            send_test(request, newsletter)
            return redirect(request.path)
        if request.method == "POST" and request.POST.get("action") == "send":
            with transaction.atomic():
                report = start(source, request.user)
                waiting = Sending.objects.filter(newsletter__in=versions, finished_at__isnull=True)
                for sending_id in waiting.values_list("pk", flat=True):
                    transaction.on_commit(
                        lambda sending_id=sending_id: send_newsletter.enqueue(sending_id)
                    )
            messages.success(
                request,
                _("Sending started: %(count)d messages in the background.")
                % {"count": sum(report["queued"].values())},
            )
            return redirect(request.path)
        rows = counts([version.pk for version in versions])
        followers = recipient_counts()
        languages = [
            {
                "version": version,
                "recipients": followers[version.locale.language_code],
                "started": bool(rows.get(version.pk)),
                "counts": {
                    label: rows.get(version.pk, {}).get(value, 0) for value, label in Status.choices
                },
            }
            for version in versions
        ]
        present = {version.locale.language_code for version in versions}
        missing = [
            (code, count) for code, count in followers.items() if code not in present and count
        ]
        context = {
            "newsletter": newsletter,
            "languages": languages,
            "missing": missing,
            "edit_url": reverse(self.get_url_name("edit"), args=[quote(newsletter.pk)]),
            "header_title": _("Send “%(subject)s”") % {"subject": newsletter.subject},
        }
        return TemplateResponse(request, "outreach/admin/send.html", context)


def recipient_counts() -> dict[str, int]:
    return {code: recipients(code).count() for code, _name in settings.LANGUAGES}


def send_test(request, newsletter) -> None:
    """The newsletter exactly as followers get it, to the editor's own address."""
    address = request.user.email
    if not address:
        messages.error(request, _("Your account has no e-mail address: add one to your profile."))
        return
    html, text = render_newsletter(newsletter, leave_url="#", manage_url="#")
    subject = _("[Test] %(subject)s") % {"subject": newsletter.subject}
    try:
        build_message(subject, html, text, address).send()
    except OSError:
        messages.error(
            request, _("The mail server cannot be reached now: no test was sent. Try again later.")
        )
        return
    messages.success(request, _("A test was sent to %(address)s.") % {"address": address})


register_snippet(NewsletterViewSet)

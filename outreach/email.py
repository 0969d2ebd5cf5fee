"""A newsletter or a digest as an e-mail: responsive HTML with a plain-text twin, in the
reader's language, with the private links to change preferences and to leave in one click.

The HTML is one narrow column (readable on a phone without zooming), real headings and
lists, images with their alternative text, links that say where they go, and no layout
tables: mail programs that show only text get the same content from the plain-text part."""

from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import make_msgid
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags

from core.mail import absolute_url


def newsletter_items(newsletter) -> list[dict]:
    """The body's blocks as plain values both renderings read (absolute URLs included)."""
    items = []
    for block in newsletter.body:
        value = block.value
        if block.block_type == "heading":
            items.append({"kind": "heading", "text": value})
        elif block.block_type == "paragraph":
            items.append({"kind": "paragraph", "html": str(value), "text": html_to_text(value)})
        elif block.block_type == "image":
            image = value["image"]
            rendition = image.get_rendition("width-600")
            items.append(
                {
                    "kind": "image",
                    "url": absolute_url(rendition.url),
                    "width": rendition.width,
                    "height": rendition.height,
                    "alt": alt_text(image),
                    "caption": value["caption"],
                }
            )
        elif block.block_type == "links":
            pages = [in_language(link["page"], newsletter.locale) for link in value]
            links = [
                {"text": link["text"] or page.title, "url": absolute_url(page.get_url())}
                for link, page in zip(value, pages, strict=True)
                if page is not None and page.live
            ]
            if links:
                items.append({"kind": "links", "links": links})
    return items


def alt_text(image) -> str:
    """The text the block gives the image here, or the image's own; empty when decorative."""
    if getattr(image, "decorative", False):
        return ""
    return getattr(image, "contextual_alt_text", None) or image.default_alt_text or ""


def in_language(page, locale):
    """The linked page in the newsletter's language (the page itself if it has no translation
    there): an editor who links the Italian event in the source gets the French event in the
    French version, however the translation was made."""
    if page is None or page.locale_id == locale.pk:
        return page
    return page.get_translation_or_none(locale) or page


def html_to_text(rich_text) -> str:
    html = str(rich_text).replace("</p>", "\n\n").replace("<br/>", "\n").replace("</li>", "\n")
    return strip_tags(html.replace("<li>", "- ")).strip()


def render_email(context: dict, language: str) -> tuple[str, str]:
    """(html, text) of outreach/email.html and outreach/email.txt in ``language``."""
    with translation.override(language):
        context = {**context, "language": language}
        return (
            render_to_string("outreach/email.html", context),
            render_to_string("outreach/email.txt", context),
        )


def render_newsletter(newsletter, leave_url: str, manage_url: str) -> tuple[str, str]:
    context = {
        "subject": newsletter.subject,
        "preheader": newsletter.preheader,
        "items": newsletter_items(newsletter),
        "leave_url": leave_url,
        "manage_url": manage_url,
    }
    return render_email(context, newsletter.locale.language_code)


def build_message(subject, html, text, to, headers=None, connection=None):
    """A message with its own Message-ID, kept to match the provider's bounce reports."""
    headers = {"Message-ID": make_msgid(domain="digivillae.eu"), **(headers or {})}
    message = EmailMultiAlternatives(
        subject, text, None, [to], headers=headers, connection=connection
    )
    message.attach_alternative(html, "text/html")
    return message

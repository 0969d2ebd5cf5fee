"""StreamField blocks shared by every page body."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subsection heading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "core/blocks/heading_block.html"
        label = _("Heading")
        description = _("A heading that structures the page for readers and screen readers.")
        preview_value = {"text": "Obiettivi del progetto", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "core/blocks/captioned_image_block.html"
        label = _("Image")
        description = _("An image with alternative text and an optional caption.")
        preview_value = {"caption": "Il kick-off di Torino"}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "core/blocks/quote_block.html"
        label = _("Quote")
        description = _("A highlighted quotation with its source.")
        preview_value = {
            "quote": "L'innovazione al servizio delle persone e dei territori.",
            "attribution": "Fondazione Piemonte Innova",
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document title."),
    )

    class Meta:
        icon = "doc-full"
        template = "core/blocks/document_link_block.html"
        label = _("Document link")
        description = _("A link to download a document, with its format and size.")
        preview_value = {"label": "Scheda di progetto"}


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    text = blocks.TextBlock(label=_("Text"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External link"), required=False)

    class Meta:
        icon = "pick"
        template = "core/blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("A highlighted box inviting readers to take one action.")
        preview_value = {
            "title": "Partecipa a DigiVillae",
            "text": "Racconta i bisogni del tuo comune.",
            "button_label": "Scopri come",
            "url": "https://example.org",
        }

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Choose either a page or an external link.")),
                }
            )
        return value


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        icon="pilcrow",
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="core/blocks/paragraph_block.html",
        description=_("Rich text: paragraphs, lists and links."),
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(
        label=_("Embedded media"),
        icon="media",
        template="core/blocks/embed_block.html",
        description=_("A video or other media from a URL (YouTube, Vimeo…)."),
    )
    document = DocumentLinkBlock()
    call_to_action = CallToActionBlock()

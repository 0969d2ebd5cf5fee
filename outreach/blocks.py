"""What a newsletter is made of: text, images, and links to the portal's news, events, calls
and surveys (a linked page is replaced by its translation in each language's newsletter)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

LINKABLE_PAGES = [
    "news.NewsPage",
    "events.EventPage",
    "participation.ChallengeCallPage",
    "participation.SurveyPage",
]


class PageLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"), page_type=LINKABLE_PAGES)
    text = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the page's title."),
    )

    class Meta:
        icon = "link"
        label = _("Link to a page")


class NewsletterBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200, icon="title")
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=["bold", "italic", "link", "ol", "ul"]
    )
    image = blocks.StructBlock(
        [
            ("image", ImageBlock(label=_("Image"))),
            ("caption", blocks.CharBlock(label=_("Caption"), required=False, max_length=250)),
        ],
        label=_("Image"),
        icon="image",
    )
    links = blocks.ListBlock(PageLinkBlock(), label=_("Links to news, events, calls, surveys"))

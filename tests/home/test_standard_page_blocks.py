"""Every body block renders what an editor chose, with the accessibility it promises."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from core.models import CustomImage
from home.models import HomePage, StandardPage
from tests.conftest import page_in

pytestmark = pytest.mark.django_db


def test_all_blocks_render(client):
    home = page_in(HomePage, "it")
    image = CustomImage.objects.first()
    document = Document(title="Scheda di progetto")
    document.file.save("scheda.pdf", ContentFile(b"%PDF-1.4\n%fake but small\n"), save=False)
    document.save()
    page = StandardPage(
        title="Tutti i blocchi",
        slug="tutti-i-blocchi",
        body=[
            {"type": "heading", "value": {"text": "Sezione", "level": "h2"}},
            {"type": "heading", "value": {"text": "Sottosezione", "level": "h3"}},
            {"type": "paragraph", "value": "<p>Un <b>testo</b>.</p>"},
            {
                "type": "image",
                "value": {
                    "image": {
                        "image": image.pk,
                        "alt_text": "Montagne al sole",
                        "decorative": False,
                    },
                    "caption": "Didascalia",
                },
            },
            {
                "type": "image",
                "value": {
                    "image": {"image": image.pk, "alt_text": "", "decorative": True},
                    "caption": "",
                },
            },
            {"type": "quote", "value": {"quote": "Una citazione.", "attribution": "Qualcuno"}},
            {"type": "document", "value": {"document": document.pk, "label": ""}},
            {
                "type": "call_to_action",
                "value": {
                    "title": "Partecipa",
                    "text": "Vieni.",
                    "button_label": "Vai",
                    "page": home.pk,
                    "url": "",
                },
            },
        ],
    )
    home.add_child(instance=page)
    soup = BeautifulSoup(client.get("/it/tutti-i-blocchi/").content, "html.parser")
    stream = soup.select_one(".stream")
    assert stream.h2.get_text() == "Sezione" and stream.h3.get_text() == "Sottosezione"
    assert stream.select_one(".rich-text b").get_text() == "testo"
    images = stream.select("figure img")
    assert images[0]["alt"] == "Montagne al sole" and images[0]["loading"] == "lazy"
    assert images[1]["alt"] == ""  # decorative
    assert stream.select_one("figcaption").get_text() == "Didascalia"
    assert stream.select_one("blockquote").get_text(strip=True) == "Una citazione."
    link = stream.select_one(".document-link a")
    assert link.get_text() == "Scheda di progetto" and link.has_attr("download")
    assert "PDF" in stream.select_one(".document-meta").get_text()
    cta = stream.select_one("aside.cta")
    assert cta.select_one("a.button")["href"] == "/it/"
    assert cta["aria-labelledby"] == cta.h2["id"]


def test_image_block_requires_alt_text_unless_decorative():
    from django.core.exceptions import ValidationError
    from wagtail.images.blocks import ImageBlock

    block = ImageBlock()
    image = CustomImage.objects.first()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": image.pk, "alt_text": "", "decorative": False}))
    block.clean(block.to_python({"image": image.pk, "alt_text": "", "decorative": True}))


def test_images_cannot_be_saved_without_alternative_text():
    from django.core.exceptions import ValidationError

    image = CustomImage(title="Senza alt", description="", width=1, height=1)
    with pytest.raises(ValidationError) as error:
        image.full_clean(exclude=["file"])
    assert "description" in error.value.message_dict

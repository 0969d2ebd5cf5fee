"""Builds demo pages in Italian and translates them into French and English through
wagtail-localize's translation memory, so the demo translations open in its translation editor
exactly as an editor's would."""

import datetime
import io
import math
import uuid
import zoneinfo
from dataclasses import dataclass, field
from typing import Any

from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from core.models import CustomImage

LANGUAGES = ("it", "fr", "en")
ROME = zoneinfo.ZoneInfo("Europe/Rome")
DEMO_NAMESPACE = uuid.UUID("6b1f6c1e-2d0a-4c53-9d43-0f5f8e2a9c10")


def tri(it: str, fr: str, en: str) -> dict[str, str]:
    return {"it": it, "fr": fr, "en": en}


def texts(**fields: dict[str, object]) -> dict[str, dict[str, object]]:
    """Turn {field: {lang: value}} into {lang: {field: value}}."""
    return {lang: {name: values[lang] for name, values in fields.items()} for lang in LANGUAGES}


def rome(*args: int) -> datetime.datetime:
    """A date-time in Italian time, as editors enter them."""
    return datetime.datetime(*args, tzinfo=ROME)


def block_id(*parts: str) -> str:
    """Stable StreamField block ids, identical in every language so segments line up."""
    return str(uuid.uuid5(DEMO_NAMESPACE, "/".join(parts)))


@dataclass
class PageSpec:
    """One demo page: its class, the fields shared by all languages, and per-language texts."""

    model: type[Page]
    key: str
    shared: dict[str, Any] = field(default_factory=dict)
    texts: dict[str, dict[str, Any]] = field(default_factory=dict)
    children: dict[str, list[dict[str, dict[str, Any]]]] = field(default_factory=dict)
    after_create: Any = None

    def values(self, language: str) -> dict[str, Any]:
        return {**self.shared, **self.texts[language]}


class DemoBuilder:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.locales = {
            code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES
        }
        self.created = 0

    def log(self, message: str) -> None:
        if self.stdout is not None:
            self.stdout.write(message)

    # Images -----------------------------------------------------------------------------------

    def image(self, title: str, alt: str, painter, size=(1200, 675), fmt="JPEG") -> CustomImage:
        existing = CustomImage.objects.filter(title=title).first()
        if existing:
            return existing
        canvas = PILImage.new("RGB", size, (255, 255, 255))
        painter(ImageDraw.Draw(canvas), size)
        buffer = io.BytesIO()
        extension = "jpg" if fmt == "JPEG" else "png"
        canvas.save(buffer, fmt, quality=72, optimize=True)
        slug = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")
        image = CustomImage(title=title, description=alt)
        image.file = ImageFile(buffer, name=f"{slug}.{extension}")
        image.save()
        return image

    # Pages ------------------------------------------------------------------------------------

    def build_instance(self, spec: PageSpec, language: str) -> Page:
        values = spec.values(language)
        tags = values.pop("tags", [])
        page = spec.model(**{k: v for k, v in values.items() if k not in spec.children})
        if tags:
            page.tags.add(*tags)
        for relation, rows in spec.children.items():
            child_model = getattr(spec.model, relation).rel.related_model
            children = [child_model(**{**row.get("shared", {}), **row[language]}) for row in rows]
            if hasattr(child_model, "sort_order_field"):  # keep the spec's order, as the admin does
                for position, child in enumerate(children):
                    setattr(child, child_model.sort_order_field, position)
            setattr(page, relation, children)
        return page

    @transaction.atomic
    def ensure_page(self, parent: Page, spec: PageSpec) -> Page:
        """Create the Italian page under ``parent`` unless it exists, then its translations."""
        slug = spec.texts["it"]["slug"]
        page = parent.get_children().filter(slug=slug).first()
        if page is None:
            page = self.build_instance(spec, "it")
            page.locale = self.locales["it"]
            # Child objects of translatable models need keys shared by all languages.
            for relation in spec.children:
                for index, child in enumerate(getattr(page, relation).all()):
                    if hasattr(child, "translation_key"):
                        child.translation_key = uuid.uuid5(
                            DEMO_NAMESPACE, f"{spec.key}/{relation}/{index}"
                        )
                        child.locale = self.locales["it"]
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.created += 1
            self.log(f"  + {spec.model.__name__} “{page.title}”")
            if spec.after_create:
                spec.after_create(page)
        page = page.specific
        for language in LANGUAGES[1:]:
            self.ensure_translation(page, spec, language)
        return page

    def ensure_translation(self, page: Page, spec: PageSpec, language: str) -> None:
        if page.get_translation_or_none(self.locales[language]) is not None:
            return
        self.translate(page, spec, language)

    def translate(self, page: Page, spec: PageSpec, language: str, publish: bool = True) -> None:
        """Translate ``page`` as ``spec`` says in ``language``, through wagtail-localize: a new
        translation, or an existing one brought up to date with the page as it is now."""
        locale = self.locales[language]
        translated = self.build_instance(spec, language)
        translated.translation_key = page.translation_key
        for relation in spec.children:
            for index, child in enumerate(getattr(translated, relation).all()):
                if hasattr(child, "translation_key"):
                    child.translation_key = uuid.uuid5(
                        DEMO_NAMESPACE, f"{spec.key}/{relation}/{index}"
                    )
        target_strings = {
            segment.path: segment.string.data
            for segment in extract_segments(translated)
            if isinstance(segment, StringSegmentValue)
        }
        source, created = TranslationSource.get_or_create_from_instance(page)
        if not created:
            source.update_from_db()
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        for segment in StringSegment.objects.filter(source=source).select_related(
            "string", "context"
        ):
            data = target_strings.get(segment.context.path)
            if data:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    defaults={"data": data},
                )
        translation.save_target(publish=publish)
        self.created += 1


# Painters for generated demo pictures (no downloads, no copyrighted photos). -----------------


def alpine_landscape(sky, far, near, sun=(242, 183, 5)):
    def paint(draw: ImageDraw.ImageDraw, size):
        width, height = size
        for y in range(height):
            ratio = y / height
            draw.line(
                [(0, y), (width, y)],
                fill=tuple(int(sky[i] + (255 - sky[i]) * ratio * 0.6) for i in range(3)),
            )
        draw.ellipse(
            [width * 0.72, height * 0.12, width * 0.82, height * 0.12 + width * 0.1], fill=sun
        )
        for colour, base, amplitude, phase in ((far, 0.55, 0.22, 0.3), (near, 0.72, 0.15, 1.7)):
            points = [(0, height)]
            for x in range(0, width + 40, 40):
                peak = math.sin(x / width * 7 + phase) * math.sin(x / width * 3 + phase * 2)
                points.append((x, height * (base - amplitude * abs(peak))))
            points.append((width, height))
            draw.polygon(points, fill=colour)

    return paint


def badge(initials: str, background, foreground=(255, 255, 255)):
    def paint(draw: ImageDraw.ImageDraw, size):
        width, height = size
        draw.rectangle([0, 0, width, height], fill=(255, 255, 255))
        draw.rounded_rectangle([8, 8, width - 8, height - 8], radius=24, fill=background)
        text_box = draw.textbbox((0, 0), initials, font_size=72)
        draw.text(
            (
                (width - (text_box[2] - text_box[0])) / 2,
                (height - (text_box[3] - text_box[1])) / 2 - text_box[1],
            ),
            initials,
            fill=foreground,
            font_size=72,
        )

    return paint

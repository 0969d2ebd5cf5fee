"""The list of choices of a survey question, translated one choice at a time.

Stored as text, one choice per line (a comma-separated list typed by an editor is accepted as
well). wagtail-localize would otherwise offer the whole list as one string, shown to the
translator as ``A <br/>B <br/>C``, and a translation typed one choice per line used to keep
only the first. Here every choice is its own segment, and a translation whose number of
choices differs from its source is refused: answers are stored by position, so the French
third choice must be the Italian third choice.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from wagtail_localize.segments import StringSegmentValue

OTHER = "other"  # the stored value of the "Other (please specify)" choice, in every language


def other_key(clean_name: str) -> str:
    """Where the words typed after "Other" are stored, beside the question's own answer."""
    return f"{clean_name}__other"


def part_key(clean_name: str, position: int) -> str:
    """The form field of one statement of a grid, or of one option of a ranking."""
    return f"{clean_name}__{position}"


def split_choices(text: str) -> list[str]:
    separator = "\n" if "\n" in text else ","
    return [choice.strip() for choice in text.split(separator) if choice.strip()]


def choice_count_error(source: int, translated: int) -> str:
    """Also used for one choice typed as several (source 1): answers are kept by position."""
    return _(
        "The source has %(source)d choice(s) here but this translation has %(translated)d. "
        "Translate each choice on its own, on one line."
    ) % {"source": source, "translated": translated}


class ChoiceListField(models.TextField):
    def get_translatable_segments(self, value) -> list[StringSegmentValue]:
        return [
            StringSegmentValue(str(position), choice)
            for position, choice in enumerate(split_choices(value or ""))
        ]

    def restore_translated_segments(self, value, segments) -> str:
        source = split_choices(value or "")
        translated = list(source)
        for segment in segments:
            translated[int(segment.path)] = segment.render_text().strip()
        text = "\n".join(translated)
        count = len(split_choices(text))
        if count != len(source):
            # A dict: wagtail-localize files errors by field (it reads `error_dict`).
            raise ValidationError({self.name: choice_count_error(len(source), count)})
        return text

"""Checks on translations typed in wagtail-localize's editor that only this project knows.

A choice of a survey question is one segment (see ``participation.surveys.fields``). A
translator who types several lines into one choice would change the number of choices, and
answers are kept by position: that translation is marked in error, with a message shown next to
it in the editor, and is not used until it is fixed.
"""

import re

from django.core.exceptions import ValidationError
from django.db.models.signals import post_save
from wagtail_localize.models import StringTranslation

from .fields import choice_count_error

CHOICE_PATH = re.compile(r"\.(choices|rows)\.\d+$")
LINE_BREAK = re.compile(r"\n|<br\s*/?>", re.IGNORECASE)


def refuse_choices_with_line_breaks(sender, instance: StringTranslation, **kwargs) -> None:
    if instance.has_error or instance.context_id is None:
        return
    if not CHOICE_PATH.search(instance.context.path):
        return
    pieces = [piece for piece in LINE_BREAK.split(instance.data.strip()) if piece.strip()]
    if len(pieces) > 1:
        instance.set_field_error([ValidationError(choice_count_error(1, len(pieces)))])


def connect() -> None:
    post_save.connect(
        refuse_choices_with_line_breaks,
        sender=StringTranslation,
        dispatch_uid="refuse_choices_with_line_breaks",
    )

"""What the participation rooms (surveys, needs, challenges) share, and nothing else: one-line
e-mail subjects and the admin's content locale. The honeypot, the rate limit, the
privacy-notice link and the spreadsheet writer, which other apps use too, are in ``core``.
"""

from django.utils.translation import get_language
from wagtail.models import Locale


def one_line(text) -> str:
    """An e-mail subject built from text people typed (a proposal or survey title): Django
    refuses a header with a line break (``BadHeaderError``), so breaks become spaces."""
    return " ".join(str(text).split())


def admin_locale() -> Locale:
    """The content locale matching the editor's admin language (the default one otherwise)."""
    return Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()

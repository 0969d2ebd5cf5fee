"""Month and weekday names as they are written inside an Italian date: in lower case
("15 maggio 2026", "mercoledì"), where Django's Italian catalogue capitalises them.

The project's catalogues (LOCALE_PATHS) take precedence over Django's, so the translations of
these strings are the names every date format uses (``F``, ``l``). Nothing imports this module:
it is here so that ``make messages`` keeps the entries in the catalogues.
"""

from django.utils.translation import gettext_noop

MONTHS = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]
WEEKDAYS = [
    gettext_noop("Monday"),
    gettext_noop("Tuesday"),
    gettext_noop("Wednesday"),
    gettext_noop("Thursday"),
    gettext_noop("Friday"),
    gettext_noop("Saturday"),
    gettext_noop("Sunday"),
]

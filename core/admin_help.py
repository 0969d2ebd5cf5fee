"""Which handbook page explains an admin screen, found by the screen's view name.

The app that holds the handbook registers its pages here when it starts (core imports no
feature app); a screen shows the link with ``{% admin_help_link %}``
(``core/templatetags/admin_help_tags.py``)."""

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class HelpPage:
    view_name: str
    args: tuple
    title: object  # a lazy translation, shown in the admin's language

    @property
    def url(self) -> str:
        return reverse(self.view_name, args=self.args)


_pages: dict[str, HelpPage] = {}


def register(screens, view_name: str, args: tuple, title) -> None:
    """``screens`` (view names, e.g. ``"survey_results"``) are explained by the page at
    ``reverse(view_name, args=args)``."""
    for screen in screens:
        _pages[screen] = HelpPage(view_name, tuple(args), title)


def help_for(view_name: str | None) -> HelpPage | None:
    return _pages.get(view_name or "")

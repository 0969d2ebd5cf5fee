"""The handbook's pages: one per task, each with the admin screens it shows.

A screen is an address of the real admin, read from the demo, seen by a person of one group:
`make handbook` photographs it in every language (``handbook/screenshots.py``), and a test
checks that every label a page names is on its screens in that language
(``tests/handbook/test_handbook.py``)."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

COMMUNICATION = "Communication officers"
EDITORS = "Editors"
FACILITATORS = "Hub facilitators"
EVALUATORS = "Evaluators"
ADMINISTRATORS = None  # a superuser


@dataclass(frozen=True)
class Screen:
    name: str  # the picture is <task>-<name>.webp
    role: str | None  # the group of the person looking; None: an administrator
    path: Callable[[str], str]  # the screen's address in the demo, for an admin in that language
    caption: object  # what the picture shows, its alternative text
    click: str = ""  # a menu to open before the picture (a CSS selector)
    scroll_to: str = ""  # a part of the screen to bring into view (a CSS selector)


@dataclass(frozen=True)
class Task:
    slug: str
    title: object
    who: object
    screens: tuple[Screen, ...]
    explains: tuple[str, ...] = ()  # view names of the admin screens that link here
    page_types: tuple[str, ...] = ()  # page editors that link here ("app.Model")
    template: str = field(default="")

    def __post_init__(self):
        object.__setattr__(self, "template", f"handbook/tasks/{self.slug}.html")


def model(label: str):
    return apps.get_model(label)


def page(label: str, slug: str):
    """A demo page in Italian, the language the demo writes its originals in."""
    return model(label).objects.get(locale__language_code="it", slug=slug)


def edit(label: str, slug: str) -> Callable[[str], str]:
    """The page editor of the Italian original, whatever the admin's language."""
    return lambda _language: reverse("wagtailadmin_pages:edit", args=[page(label, slug).pk])


def survey_key() -> str:
    return str(page("participation.SurveyPage", "bisogni-del-territorio").translation_key)


def french_news(_language: str) -> str:
    italian = page("news.NewsPage", "kick-off-torino")
    french = model("news.NewsPage").objects.get(
        translation_key=italian.translation_key, locale__language_code="fr"
    )
    return reverse("wagtailadmin_pages:edit", args=[french.pk])


def newsletter_send(_language: str) -> str:
    newsletter = model("outreach.Newsletter").objects.filter(locale__language_code="it").get()
    return reverse("wagtailsnippets_outreach_newsletter:send", args=[newsletter.pk])


def first_need(_language: str) -> str:
    need = model("participation.Need").objects.filter(locale__language_code="it").first()
    return reverse("wagtailsnippets_participation_need:edit", args=[need.pk])


def proposals_of_call(_language: str) -> str:
    call = page("participation.ChallengeCallPage", "sportelli-digitali")
    return reverse("proposals:call", args=[call.pk])


FOOTER_MENU = "footer [data-w-dropdown-target=toggle]"
HEADER_MENU = "header [data-w-dropdown-target=toggle]"

TASKS = (
    Task(
        "news",
        _("Publish and translate a news item"),
        _("Communication officers and editors"),
        (
            Screen(
                "editor",
                EDITORS,
                edit("news.NewsPage", "kick-off-torino"),
                _("A news item in the page editor, its publishing menu open"),
                click=FOOTER_MENU,
            ),
            Screen(
                "translation",
                EDITORS,
                french_news,
                _("The same news item in the translation editor, in French"),
            ),
        ),
        page_types=("news.NewsPage",),
    ),
    Task(
        "survey",
        _("Build, translate and open a survey"),
        _("Editors"),
        (
            Screen(
                "questions",
                EDITORS,
                edit("participation.SurveyPage", "connessione-e-servizi"),
                _("A survey's questions in the page editor, with a step and a condition"),
                scroll_to="[id^=inline_child_form_fields-]",
            ),
            Screen(
                "dates",
                EDITORS,
                edit("participation.SurveyPage", "connessione-e-servizi"),
                _("The survey's opening and closing dates"),
                scroll_to="[data-contentpath=opens_at]",
            ),
        ),
        explains=("survey_copy",),
        page_types=("participation.SurveyPage",),
    ),
    Task(
        "results",
        _("Read, filter and export a survey's results"),
        _("Editors"),
        (
            Screen(
                "results",
                EDITORS,
                lambda _language: reverse("survey_results", args=[survey_key()]),
                _("A survey's results: filters, exports and the first charts"),
            ),
            Screen(
                "answers",
                EDITORS,
                lambda _language: reverse("survey_answers", args=[survey_key()]),
                _("The answers one by one"),
            ),
        ),
        explains=("survey_list", "survey_results", "survey_answers"),
    ),
    Task(
        "hub-answers",
        _("Enter the answers given on paper at a hub"),
        _("Hub facilitators"),
        (
            Screen(
                "surveys",
                FACILITATORS,
                lambda _language: reverse("survey_entries"),
                _("The surveys that accept answers from the hubs"),
            ),
            Screen(
                "entry",
                FACILITATORS,
                lambda language: reverse("survey_entry", args=[survey_key(), language]),
                _("The entry form: the hub, how and when the answer was collected"),
            ),
        ),
        explains=("survey_entries", "survey_entry", "survey_entry_edit"),
    ),
    Task(
        "needs",
        _("Turn answers into needs"),
        _("Editors"),
        (
            Screen(
                "from-answers",
                EDITORS,
                lambda _language: reverse("survey_results", args=[survey_key()]),
                _("Free-text answers ticked to create a need"),
                scroll_to="form.free-texts",
            ),
            Screen(
                "need",
                EDITORS,
                first_need,
                _("A need in the needs register"),
            ),
        ),
        explains=("survey_need_from_answers",),
    ),
    Task(
        "calls",
        _("Launch a call and evaluate its proposals"),
        _("Editors and evaluators"),
        (
            Screen(
                "criteria",
                EDITORS,
                edit("participation.ChallengeCallPage", "sportelli-digitali"),
                _("A challenge call's evaluation criteria and their weights"),
                scroll_to="#id_criteria-0-name",
            ),
            Screen(
                "proposals",
                EDITORS,
                proposals_of_call,
                _("The proposals of a call, ranked by their weighted score"),
            ),
        ),
        explains=("proposals:index", "proposals:call", "proposals:proposal"),
        page_types=("participation.ChallengeCallPage",),
    ),
    Task(
        "newsletter",
        _("Send a newsletter"),
        _("Communication officers"),
        (
            Screen(
                "list",
                COMMUNICATION,
                lambda _language: reverse("wagtailsnippets_outreach_newsletter:list"),
                _("The newsletters, with what each has sent"),
            ),
            Screen(
                "send",
                COMMUNICATION,
                newsletter_send,
                _("Preview, test and send: each language and its followers"),
            ),
        ),
        explains=("wagtailsnippets_outreach_newsletter:send",),
    ),
    Task(
        "events",
        _("Take sign-ups for an event"),
        _("Communication officers"),
        (
            Screen(
                "registration",
                COMMUNICATION,
                edit("events.EventPage", "laboratorio-bisogni-fossano"),
                _("An event's sign-ups: the places, and the attendee list button"),
                scroll_to="[data-contentpath=registration_url]",
            ),
        ),
        page_types=("events.EventPage",),
    ),
    Task(
        "strategy",
        _("Publish a territory's local strategy"),
        _("Editors and the territory's strategy approvers"),
        (
            Screen(
                "priorities",
                EDITORS,
                edit("strategies.StrategyPage", "mont-rose"),
                _("A local strategy's priorities in the page editor"),
                scroll_to="[data-contentpath=priorities]",
            ),
            Screen(
                "submit",
                EDITORS,
                edit("strategies.StrategyPage", "mont-rose"),
                _("Submitting the plan to its territory's approvers"),
                click=FOOTER_MENU,
            ),
        ),
        page_types=("strategies.StrategyPage", "strategies.StrategiesIndexPage"),
    ),
    Task(
        "territory",
        _("Add a territory"),
        _("Administrators"),
        (
            Screen(
                "form",
                ADMINISTRATORS,
                lambda _language: reverse("new_territory"),
                _("The New territory form"),
            ),
            Screen(
                "checklist",
                ADMINISTRATORS,
                lambda _language: reverse("wagtailadmin_home"),
                _("What is left to fill, on the admin home"),
                scroll_to=".territory-checklist",
            ),
        ),
        explains=("new_territory",),
        page_types=("pilots.PilotTerritoryPage",),
    ),
)

BY_SLUG = {task.slug: task for task in TASKS}


def task_for_page_type(label: str) -> Task | None:
    return next((task for task in TASKS if label in task.page_types), None)

"""Adding a territory in one step, as the admin's "New territory" form and the demo both do.

One call makes, in each chosen language: the territory page with its local hub, an open needs
survey copied from a chosen one (its translations carried over, as "Copy as a new survey"
does), a draft local strategy with the standard structure and the territory's strategy
approvers, and the territory's editors and hub facilitators groups, whose permissions reach its
pages and nothing else. Everything happens in one transaction: a refusal (a name, web address
or hub address already used, a language without a home page or territories section, a survey
with no version in a chosen language) leaves nothing behind."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
)
from wagtail_localize.models import Translation, TranslationSource

from participation.hubs.models import FACILITATORS
from participation.surveys.copying import copy_survey, free_slug
from participation.surveys.pages import SurveyPage
from partners.models import PartnerPage
from pilots.models import LocalHub, PilotTerritoryIndexPage, PilotTerritoryPage
from strategies.models import StrategiesIndexPage, StrategyPage
from strategies.workflow import approvers_for

from .models import OnboardedTerritory

SURVEY_WEEKS = 8  # a new territory's survey stays open this long unless its editors say otherwise
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
EDITOR_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
)


@dataclass
class NewTerritory:
    name: str
    region: str
    municipalities: str
    languages: list[str]
    hub_name: str
    hub_address: str
    survey: SurveyPage
    slug: str = ""
    population: int | None = None
    partner: PartnerPage | None = None
    user: object = None
    errors: dict = field(default_factory=dict)

    @property
    def web_address(self) -> str:
        return self.slug or slugify(self.name)[:80]


class OnboardingRefused(Exception):
    """Nothing was created; ``errors`` says why, field by field, in the user's language."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(errors)
        self.errors = errors


def ordered(languages) -> list[str]:
    """The chosen languages in the site's order: the first is the one the others translate."""
    return [code for code, _name in settings.LANGUAGES if code in set(languages)]


def refusals(new: NewTerritory) -> dict[str, str]:
    errors: dict[str, str] = {}
    names = dict(settings.LANGUAGES)
    languages = ordered(new.languages)
    if not languages:
        errors["languages"] = _("Choose at least one language.")
    for code in languages:
        home = home_page(code)
        if home is None:
            errors["languages"] = _(
                "There is no home page in %(language)s: add one before publishing in it."
            ) % {"language": names[code]}
            break
        if not PilotTerritoryIndexPage.objects.child_of(home).exists():
            errors["languages"] = _(
                "There is no pilot territories section in %(language)s: add one first."
            ) % {"language": names[code]}
            break
    if PilotTerritoryPage.objects.filter(title__iexact=new.name.strip()).exists():
        errors["name"] = _("A territory with this name already exists.")
    slug = new.web_address
    if not slug:
        errors["slug"] = _("Give a web address made of letters, digits and hyphens.")
    elif PilotTerritoryPage.objects.filter(slug=slug).exists():
        errors["slug"] = _("This web address is already used by another territory.")
    if LocalHub.objects.filter(address__iexact=new.hub_address.strip()).exists():
        errors["hub_address"] = _("This address is already another local hub's.")
    if new.survey is not None:
        have = set(
            SurveyPage.objects.filter(
                translation_key=new.survey.translation_key, alias_of__isnull=True
            ).values_list("locale__language_code", flat=True)
        )
        missing = [names[code] for code in languages if code not in have]
        if missing:
            errors["survey"] = _(
                "This survey has no version in %(languages)s: translate it first or choose another."
            ) % {"languages": ", ".join(missing)}
    else:
        errors["survey"] = _("Choose the survey to start from.")
    return errors


def home_page(code: str) -> Page | None:
    """The language's home page: the root of its tree (right below Wagtail's root)."""
    return Page.objects.filter(depth=2, locale__language_code=code, alias_of__isnull=True).first()


def translate(page, languages: list[str], user, publish: bool) -> None:
    """The page's translations into ``languages`` through wagtail-localize (its text copied
    until translators translate it)."""
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    for code in languages:
        locale = Locale.objects.get(language_code=code)
        target, _made = Translation.objects.get_or_create(source=source, target_locale=locale)
        target.save_target(user=user, publish=publish)


def versions_of(page, model, languages):
    return model.objects.filter(
        translation_key=page.translation_key,
        locale__language_code__in=languages,
        alias_of__isnull=True,
    )


@transaction.atomic
def add_territory(new: NewTerritory) -> OnboardedTerritory:
    errors = refusals(new)
    if errors:
        raise OnboardingRefused(errors)
    languages = ordered(new.languages)
    first, others = languages[0], languages[1:]
    locale = Locale.objects.get(language_code=first)
    with translation.override(first):  # the texts written for it, in its first language
        territory = make_territory(new, locale)
        translate(territory, others, new.user, publish=True)
        survey = make_survey(new, languages)
        strategy = make_strategy(new, territory, locale, others)
    # The groups are named in the language of the person adding the territory.
    approvers_for(territory)
    editors, facilitators = make_groups(new, territory, survey, strategy, languages)
    return OnboardedTerritory.objects.create(
        territory=territory,
        editors=editors,
        facilitators=facilitators,
        survey=survey,
        strategy=strategy,
        first_survey_close=survey.closes_at,
        created_by=new.user,
    )


def make_territory(new: NewTerritory, locale) -> PilotTerritoryPage:
    index = PilotTerritoryIndexPage.objects.child_of(home_page(locale.language_code)).get()
    partner = None
    if new.partner is not None:
        partner = (
            PartnerPage.objects.filter(
                translation_key=new.partner.translation_key, locale=locale
            ).first()
            or new.partner
        )
    territory = PilotTerritoryPage(
        title=new.name.strip(),
        slug=new.web_address,
        region=new.region.strip(),
        municipalities=new.municipalities.strip(),
        population=new.population,
        partner=partner,
        locale=locale,
    )
    territory.local_hubs = [
        LocalHub(name=new.hub_name.strip(), address=new.hub_address.strip(), locale=locale)
    ]
    index.add_child(instance=territory)
    territory.save_revision(user=new.user).publish(user=new.user)
    return territory


def make_survey(new: NewTerritory, languages: list[str]) -> SurveyPage:
    """The chosen survey copied for the territory, open from now for ``SURVEY_WEEKS`` weeks
    in every chosen language (its other languages stay drafts)."""
    copy = copy_survey(new.survey, f"{new.survey.title} — {new.name.strip()}", new.user)
    opens = timezone.now().replace(second=0, microsecond=0)
    closes = opens + datetime.timedelta(weeks=SURVEY_WEEKS)
    SurveyPage.objects.filter(translation_key=copy.translation_key).update(
        opens_at=opens, closes_at=closes
    )
    titles = dict(
        SurveyPage.objects.filter(
            translation_key=new.survey.translation_key, alias_of__isnull=True
        ).values_list("locale_id", "title")
    )
    name = new.name.strip()
    for version in SurveyPage.objects.filter(translation_key=copy.translation_key):
        # Each language keeps its own title, followed by the territory's name.
        title = f"{titles.get(version.locale_id, version.title)} — {name}"[:255]
        if version.pk != copy.pk:
            version.slug = free_slug(version.get_parent(), title, version)
        version.title, version.opens_at, version.closes_at = title, opens, closes
        revision = version.save_revision(user=new.user)
        if version.locale.language_code in languages:
            revision.publish(user=new.user)
    # The territory's survey, as its first language shows it.
    return SurveyPage.objects.get(
        translation_key=copy.translation_key, locale__language_code=languages[0]
    )


def make_strategy(new: NewTerritory, territory, locale, others) -> StrategyPage | None:
    """A draft plan with the standard structure, where the overview page exists."""
    overview = StrategiesIndexPage.objects.filter(locale=locale).first()
    if overview is None:
        return None
    name = new.name.strip()
    priorities = [
        {
            "type": "priority",
            "value": {
                "title": _("First priority (to be named)"),
                "theme": None,
                "why": _("Why it matters, from the needs the survey and the hub bring."),
                "needs": [],
                "cited_result": "",
                "actions": [],
            },
        }
    ]
    members = []
    if territory.partner_id:
        members.append(
            {
                "type": "organisation",
                "value": {
                    "partner": territory.partner_id,
                    "organisation": "",
                    "role": _("Coordinates the group"),
                },
            }
        )
    strategy = StrategyPage(
        title=_("Local strategy: %(territory)s") % {"territory": name},
        slug=new.web_address,
        territory=territory,
        summary=_("A draft, to be written with the local action group."),
        priorities=priorities,
        action_group=members,
        stage=StrategyPage.Stage.DRAFT,
        live=False,
        locale=locale,
    )
    overview.add_child(instance=strategy)
    strategy.save_revision(user=new.user)
    with_overview = [
        code for code in others if StrategiesIndexPage.objects.filter(locale__language_code=code)
    ]
    translate(strategy, with_overview, new.user, publish=False)
    return strategy


def make_groups(new: NewTerritory, territory, survey, strategy, languages):
    """The territory's editors (its pages, survey and plan; images and documents to use on
    them) and its hub facilitators (its pages, and the answers of its hubs), reaching nothing
    else."""
    name = new.name.strip()
    editors, _made = Group.objects.get_or_create(
        name=(_("Editors: %(territory)s") % {"territory": name})[:150]
    )
    facilitators, _made = Group.objects.get_or_create(
        name=(_("Hub facilitators: %(territory)s") % {"territory": name})[:150]
    )
    page_permission = {
        codename: Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        for codename in EDITOR_PAGE_PERMISSIONS
    }
    territories = list(versions_of(territory, PilotTerritoryPage, languages))
    surveys = list(versions_of(survey, SurveyPage, languages))
    plans = list(versions_of(strategy, StrategyPage, languages)) if strategy else []
    for page in territories + surveys:
        for codename in EDITOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=editors, page=page, permission=page_permission[codename]
            )
    for page in plans:  # a plan is published through its territory's approvers
        GroupPagePermission.objects.get_or_create(
            group=editors, page=page, permission=page_permission["change_page"]
        )
    for page in territories:
        GroupPagePermission.objects.get_or_create(
            group=facilitators, page=page, permission=page_permission["change_page"]
        )
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    editors.permissions.add(access)
    facilitators.permissions.add(access)
    common = Group.objects.filter(name=FACILITATORS).first()
    if common is not None:  # what every hub facilitator may do: enter answers, draft needs
        facilitators.permissions.add(*common.permissions.all())
    root = Collection.get_first_root_node()
    for app_label, codename in EDITOR_COLLECTION_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.get_or_create(
            group=editors, collection=root, permission=permission
        )
    return editors, facilitators

"""Demo local strategies, one per pilot territory, built as editors would and published as an
approver would (so adoption records each version): Mont-Rose's plan adopted in its second
version (the first still readable), Fossanese's in public consultation with a ranking survey of
its priorities, Liguria's a draft nobody sees yet, and the Région Sud's adopted once. Their
actions link the demo's challenge calls and pilot; each territory gets its approvers group.

Facts come from the project's documents (the kinds of action the partners plan: coworking and
smart-working spaces, digital training, proximity desks for public services); the plans' own
wording and figures are illustrations."""

import datetime

from django.utils import timezone

from events.models import EventPage
from participation.models import ChallengeCallPage, Need, SurveyPage, Theme
from partners.models import PartnerPage
from pilots.models import PilotPage, PilotTerritoryPage
from strategies.models import StrategiesIndexPage, StrategyPage
from strategies.workflow import approvers_for

from .builder import LANGUAGES, DemoBuilder, PageSpec, block_id, texts, tri
from .surveys import THANKS, question, survey_texts


def overview_spec() -> PageSpec:
    return PageSpec(
        StrategiesIndexPage,
        "strategies",
        shared={"show_in_menus": True},
        texts=texts(
            title=tri("Strategie locali", "Stratégies locales", "Local strategies"),
            slug=tri("strategie", "strategies", "strategies"),
            introduction=tri(
                "Ogni territorio pilota trasforma i bisogni dei suoi abitanti in una strategia "
                "d'innovazione: priorità, azioni, adozione e monitoraggio, in pubblico.",
                "Chaque territoire pilote transforme les besoins de ses habitants en une stratégie "
                "d'innovation : priorités, actions, adoption et suivi, en public.",
                "Each pilot territory turns its residents' needs into an innovation strategy: "
                "priorities, actions, adoption and monitoring, in public.",
            ),
        ),
    )


class Links:
    """The demo's pages, needs and themes the plans link (their Italian versions' ids)."""

    def __init__(self, builder: DemoBuilder):
        italian = builder.locales["it"]
        self.themes = {theme.name: theme.pk for theme in Theme.objects.filter(locale=italian)}
        self.needs = {need.title: need.pk for need in Need.objects.filter(locale=italian)}
        self.partners = {page.slug: page.pk for page in PartnerPage.objects.filter(locale=italian)}
        self.calls = {
            page.slug: page.pk for page in ChallengeCallPage.objects.filter(locale=italian)
        }
        self.pilots = {page.slug: page.pk for page in PilotPage.objects.filter(locale=italian)}
        self.events = {page.slug: page.pk for page in EventPage.objects.filter(locale=italian)}
        self.surveys = {
            page.slug: page.translation_key for page in SurveyPage.objects.filter(locale=italian)
        }
        self.workshop_needs = list(
            Need.objects.filter(locale=italian, origin=Need.Origin.WORKSHOP).values_list(
                "pk", flat=True
            )
        )


def action(plan, key, title, **fields) -> dict:
    """An action's stored value in each language (the same id everywhere)."""
    shared = {
        "lead_partner": fields.get("lead_partner"),
        "lead_name": "",
        "starts_on": fields.get("starts_on"),
        "ends_on": fields.get("ends_on"),
        "budget": fields.get("budget"),
        "status": fields.get("status", "planned"),
        "calls": [
            {"type": "item", "value": pk, "id": block_id(plan, key, "call", str(i))}
            for i, pk in enumerate(fields.get("calls", []))
        ],
        "pilots": [
            {"type": "item", "value": pk, "id": block_id(plan, key, "pilot", str(i))}
            for i, pk in enumerate(fields.get("pilots", []))
        ],
    }
    lead_name = fields.get("lead_name") or tri("", "", "")
    reason = fields.get("dropped_reason") or tri("", "", "")
    return {
        language: {
            "type": "item",
            "id": block_id(plan, key),
            "value": {
                **shared,
                "title": title[language],
                "lead_name": lead_name[language],
                "dropped_reason": reason[language],
            },
        }
        for language in LANGUAGES
    }


def priority(plan, key, title, why, *, theme=None, needs=(), cited="", actions=()) -> dict:
    return {
        language: {
            "type": "priority",
            "id": block_id(plan, key),
            "value": {
                "title": title[language],
                "theme": theme,
                "why": why[language],
                "needs": [
                    {"type": "item", "value": pk, "id": block_id(plan, key, "need", str(i))}
                    for i, pk in enumerate(needs)
                ],
                "cited_result": cited,
                "actions": [item[language] for item in actions],
            },
        }
        for language in LANGUAGES
    }


def member(plan, key, role, *, partner=None, organisation=None) -> dict:
    organisation = organisation or tri("", "", "")
    return {
        language: {
            "type": "organisation",
            "id": block_id(plan, "group", key),
            "value": {
                "partner": partner,
                "organisation": organisation[language],
                "role": role[language],
            },
        }
        for language in LANGUAGES
    }


def streams(items: list[dict]) -> dict[str, list]:
    return {language: [item[language] for item in items] for language in LANGUAGES}


def plan_spec(
    key, territory, title, slug, summary, *, priorities, members=(), meetings=(), **shared
) -> PageSpec:
    per_language = texts(title=title, slug=slug, summary=summary)
    priority_streams = streams(priorities)
    member_streams = streams(list(members))
    for language in LANGUAGES:
        per_language[language]["priorities"] = priority_streams[language]
        per_language[language]["action_group"] = member_streams[language]
        if "changes_note" in shared:
            per_language[language]["changes_note"] = shared["changes_note"][language]
    shared = {name: value for name, value in shared.items() if name != "changes_note"}
    shared["territory"] = territory
    shared["meetings"] = [
        {"type": "meeting", "value": pk, "id": block_id(key, "meeting", str(i))}
        for i, pk in enumerate(meetings)
    ]
    return PageSpec(StrategyPage, key, shared=shared, texts=per_language)


# Mont-Rose: adopted, revised and adopted again --------------------------------------------------


def mont_rose_spec(links: Links, territory, version: int) -> PageSpec:
    plan = "plan-mont-rose"
    help_desk = action(
        plan,
        "help-desk",
        tri(
            "Sportello digitale itinerante nei comuni",
            "Guichet numérique itinérant dans les communes",
            "Mobile digital help desk in the municipalities",
        ),
        lead_partner=links.partners.get("montrose"),
        starts_on="2026-04-01",
        ends_on="2027-06-30",
        budget="45000",
        status="in_progress" if version == 2 else "planned",
        calls=[links.calls.get("sportelli-digitali")],
        pilots=[links.pilots.get("sportello-itinerante")],
    )
    courses = action(
        plan,
        "courses",
        tri(
            "Corsi di facilitazione digitale nelle biblioteche",
            "Ateliers d'inclusion numérique dans les bibliothèques",
            "Digital skills workshops in the libraries",
        ),
        lead_name=tri(
            "Sistema bibliotecario della bassa valle",
            "Réseau des bibliothèques de la basse vallée",
            "Lower-valley library network",
        ),
        starts_on="2026-09-01",
        ends_on="2027-12-31",
        budget="8000",
        status="planned",
    )
    census = action(
        plan,
        "census",
        tri(
            "Censimento degli spazi pubblici inutilizzati",
            "Recensement des espaces publics inutilisés",
            "Survey of unused public buildings",
        ),
        lead_partner=links.partners.get("montrose"),
        budget="3000",
        status="dropped" if version == 2 else "planned",
        dropped_reason=tri(
            "Il censimento regionale degli immobili pubblici, pubblicato nel 2026, lo contiene "
            "già.",
            "Le recensement régional des bâtiments publics, publié en 2026, le contient déjà.",
            "The regional inventory of public buildings, published in 2026, already covers it.",
        )
        if version == 2
        else None,
    )
    coworking = action(
        plan,
        "coworking",
        tri(
            "Postazioni di coworking nell'hub di Pont-Saint-Martin",
            "Postes de coworking au pôle de Pont-Saint-Martin",
            "Coworking desks at the Pont-Saint-Martin hub",
        ),
        lead_partner=links.partners.get("montrose"),
        starts_on="2027-01-15",
        ends_on="2027-09-30",
        budget="20000",
        status="planned",
        calls=[links.calls.get("coworking-nei-borghi")],
    )
    priorities = [
        priority(
            plan,
            "services",
            tri(
                "Servizi pubblici digitali vicini a casa",
                "Des services publics numériques près de chez soi",
                "Digital public services close to home",
            ),
            tri(
                "Molti residenti rinunciano alle pratiche online perché nessuno li aiuta: gli "
                "uffici sono lontani e i collegamenti rari.",
                "Beaucoup d'habitants renoncent aux démarches en ligne faute d'aide : les "
                "bureaux sont loin et les liaisons rares.",
                "Many residents give up on online services for lack of help: offices are far "
                "away and connections rare.",
            ),
            theme=links.themes.get("Servizi pubblici digitali"),
            needs=[links.needs.get("Accompagnamento alle pratiche online")],
            cited=f"{links.surveys.get('bisogni-del-territorio')}:online_services",
            actions=[help_desk, courses],
        ),
        priority(
            plan,
            "work",
            tri("Lavorare nei borghi", "Travailler dans les villages", "Working in the villages"),
            tri(
                "Chi lavora a distanza e le giovani imprese restano se trovano un luogo "
                "attrezzato e connesso vicino a casa.",
                "Télétravailleurs et jeunes entreprises restent s'ils trouvent un lieu équipé et "
                "connecté près de chez eux.",
                "Remote workers and young businesses stay if they find an equipped, connected "
                "place close to home.",
            ),
            theme=links.themes.get("Lavoro, coworking e smart working"),
            cited=f"{links.surveys.get('coworking')}:would_use",
            actions=[census, coworking] if version == 2 else [census],
        ),
    ]
    members = [
        member(
            plan,
            "unite",
            tri("Coordina il gruppo", "Coordonne le groupe", "Coordinates the group"),
            partner=links.partners.get("montrose"),
        ),
        member(
            plan,
            "libraries",
            tri(
                "Formazione e accoglienza del pubblico",
                "Formation et accueil du public",
                "Training and welcoming the public",
            ),
            organisation=tri(
                "Sistema bibliotecario della bassa valle",
                "Réseau des bibliothèques de la basse vallée",
                "Lower-valley library network",
            ),
        ),
        member(
            plan,
            "traders",
            tri(
                "Voce delle imprese locali",
                "Voix des entreprises locales",
                "Voice of local businesses",
            ),
            organisation=tri(
                "Associazione dei commercianti della bassa valle",
                "Association des commerçants de la basse vallée",
                "Lower-valley traders' association",
            ),
        ),
    ]
    adoption = (
        {
            "adopted_on": datetime.date(2026, 10, 30),
            "decision_reference": "Deliberazione della Giunta n. 58 del 30/10/2026",
            "changes_note": tri(
                "Aggiunte le postazioni di coworking; il censimento degli spazi è abbandonato.",
                "Ajout des postes de coworking ; le recensement des espaces est abandonné.",
                "Coworking desks added; the survey of unused buildings is dropped.",
            ),
        }
        if version == 2
        else {
            "adopted_on": datetime.date(2026, 3, 20),
            "decision_reference": "Deliberazione della Giunta n. 21 del 20/03/2026",
            "changes_note": tri("", "", ""),
        }
    )
    return plan_spec(
        plan,
        territory,
        tri(
            "Strategia locale d'innovazione della bassa Valle d'Aosta",
            "Stratégie locale d'innovation de la basse Vallée d'Aoste",
            "Local innovation strategy of the lower Aosta Valley",
        ),
        tri("mont-rose", "mont-rose", "mont-rose"),
        tri(
            "Portare i servizi digitali vicino a chi vive nei comuni della bassa valle e dare a "
            "chi lavora un luogo per farlo senza partire.",
            "Rapprocher les services numériques des habitants des communes de la basse vallée "
            "et offrir à ceux qui travaillent un lieu pour le faire sans partir.",
            "Bring digital services close to the people of the lower valley and give those who "
            "work a place to do so without leaving.",
        ),
        priorities=priorities,
        members=members,
        meetings=[pk for pk in [links.events.get("comitato-di-pilotaggio")] if pk],
        stage=StrategyPage.Stage.ADOPTED,
        **adoption,
    )


# Fossanese: in public consultation ---------------------------------------------------------------


def consultation_survey_spec() -> PageSpec:
    now = timezone.now()
    return PageSpec(
        SurveyPage,
        "survey-fossanese-strategy",
        shared={
            "opens_at": now - datetime.timedelta(days=10),
            "closes_at": now + datetime.timedelta(days=40),
            "results_published": True,
            "retention_days": 180,
        },
        texts=survey_texts(
            (
                "La strategia del Fossanese: quali priorità prima?",
                "La stratégie du Fossanese : quelles priorités d'abord ?",
                "The Fossanese strategy: which priorities first?",
            ),
            ("strategia-fossanese", "strategie-fossanese", "fossanese-strategy"),
            (
                "Metti in ordine le priorità della bozza di strategia locale: i risultati saranno "
                "pubblicati con il piano.",
                "Classez les priorités du projet de stratégie locale : les résultats seront "
                "publiés avec le plan.",
                "Rank the priorities of the draft local strategy: the results will be published "
                "with the plan.",
            ),
            THANKS,
        ),
        children={
            "form_fields": [
                question(
                    "territory", "territory", ("Il tuo territorio", "Votre territoire", "Your area")
                ),
                question(
                    "plan_priorities",
                    "ranking",
                    (
                        "Metti in ordine le priorità della strategia",
                        "Classez les priorités de la stratégie",
                        "Rank the strategy's priorities",
                    ),
                    choices=(
                        ["Muoversi la sera", "Uno sportello unico digitale"],
                        ["Se déplacer le soir", "Un guichet unique numérique"],
                        ["Getting around in the evening", "A one-stop digital desk"],
                    ),
                ),
            ]
        },
    )


def fossanese_spec(links: Links, territory, survey) -> PageSpec:
    plan = "plan-fossanese"
    opens = timezone.localdate() - datetime.timedelta(days=10)
    return plan_spec(
        plan,
        territory,
        tri(
            "Strategia locale d'innovazione del Fossanese",
            "Stratégie locale d'innovation du Fossanese",
            "Local innovation strategy of the Fossanese",
        ),
        tri("fossanese", "fossanese", "fossanese"),
        tri(
            "Una bozza in consultazione: collegare le frazioni ai servizi di Fossano e "
            "semplificare le pratiche comunali.",
            "Un projet en consultation : relier les hameaux aux services de Fossano et "
            "simplifier les démarches communales.",
            "A draft under consultation: link the hamlets to Fossano's services and make "
            "municipal procedures simpler.",
        ),
        priorities=[
            priority(
                plan,
                "evening",
                tri("Muoversi la sera", "Se déplacer le soir", "Getting around in the evening"),
                tri(
                    "Dopo le 19 le frazioni restano senza mezzi pubblici.",
                    "Après 19 h, les hameaux n'ont plus de transport public.",
                    "After 7 pm the hamlets have no public transport.",
                ),
                theme=links.themes.get("Mobilità e trasporti"),
                needs=[links.needs.get("Collegamenti serali verso Fossano"), *links.workshop_needs],
                actions=[
                    action(
                        plan,
                        "on-demand-bus",
                        tri(
                            "Bus a chiamata serale verso Fossano",
                            "Bus du soir à la demande vers Fossano",
                            "Evening on-demand bus to Fossano",
                        ),
                        lead_partner=links.partners.get("fossanese"),
                        starts_on="2027-03-01",
                        budget="30000",
                    )
                ],
            ),
            priority(
                plan,
                "one-stop",
                tri(
                    "Uno sportello unico digitale",
                    "Un guichet unique numérique",
                    "A one-stop digital desk",
                ),
                tri(
                    "Un solo punto di accesso per le pratiche dei sette comuni dell'Unione.",
                    "Un seul point d'accès pour les démarches des sept communes de l'Union.",
                    "One access point for the procedures of the Union's seven municipalities.",
                ),
                theme=links.themes.get("Servizi pubblici digitali"),
                actions=[
                    action(
                        plan,
                        "portal",
                        tri(
                            "Portale unico delle pratiche dell'Unione",
                            "Portail unique des démarches de l'Union",
                            "One portal for the Union's procedures",
                        ),
                        lead_partner=links.partners.get("fossanese"),
                        budget="25000",
                    )
                ],
            ),
        ],
        members=[
            member(
                plan,
                "union",
                tri("Coordina il gruppo", "Coordonne le groupe", "Coordinates the group"),
                partner=links.partners.get("fossanese"),
            ),
            member(
                plan,
                "fpi",
                tri("Metodo e facilitazione", "Méthode et animation", "Method and facilitation"),
                partner=links.partners.get("fpi"),
            ),
        ],
        stage=StrategyPage.Stage.CONSULTATION,
        consultation_opens=opens,
        consultation_closes=opens + datetime.timedelta(days=50),
        consultation_survey=survey,
    )


def liguria_spec(links: Links, territory) -> PageSpec:
    plan = "plan-liguria"
    return plan_spec(
        plan,
        territory,
        tri(
            "Strategia locale d'innovazione dei comuni di ANCI Liguria",
            "Stratégie locale d'innovation des communes d'ANCI Liguria",
            "Local innovation strategy of the ANCI Liguria municipalities",
        ),
        tri("liguria", "ligurie", "liguria"),
        tri(
            "Bozza di lavoro: i comuni pilota sono in corso di selezione.",
            "Document de travail : les communes pilotes sont en cours de sélection.",
            "Working draft: the pilot municipalities are being selected.",
        ),
        priorities=[
            priority(
                plan,
                "coworking",
                tri(
                    "Spazi di lavoro condiviso nei borghi",
                    "Espaces de travail partagés dans les villages",
                    "Shared workspaces in the villages",
                ),
                tri(
                    "Lavoratori a distanza e giovani imprese cercano un luogo attrezzato.",
                    "Télétravailleurs et jeunes entreprises cherchent un lieu équipé.",
                    "Remote workers and young businesses look for an equipped place.",
                ),
                theme=links.themes.get("Lavoro, coworking e smart working"),
                needs=[links.needs.get("Spazio di lavoro condiviso nei borghi")],
            )
        ],
        stage=StrategyPage.Stage.DRAFT,
    )


def alps_spec(links: Links, territory) -> PageSpec:
    plan = "plan-alps"
    return plan_spec(
        plan,
        territory,
        tri(
            "Strategia locale d'innovazione delle Alpi della Région Sud",
            "Stratégie locale d'innovation des Alpes de la Région Sud",
            "Local innovation strategy of the Alps of the Région Sud",
        ),
        tri("alpi-region-sud", "alpes-region-sud", "alps-region-sud"),
        tri(
            "Competenze digitali per tutte le età e servizi di prossimità nei villaggi di "
            "montagna.",
            "Des compétences numériques pour tous les âges et des services de proximité dans "
            "les villages de montagne.",
            "Digital skills for every age and local services in the mountain villages.",
        ),
        priorities=[
            priority(
                plan,
                "skills",
                tri(
                    "Competenze digitali per gli anziani",
                    "Compétences numériques pour les seniors",
                    "Digital skills for older residents",
                ),
                tri(
                    "Smartphone e servizi essenziali restano fuori portata per molti anziani.",
                    "Smartphone et services essentiels restent hors de portée de nombreux seniors.",
                    "Smartphones and essential services remain out of reach for many older people.",
                ),
                theme=links.themes.get("Competenze digitali"),
                needs=[links.needs.get("Formazione digitale per gli anziani")],
                actions=[
                    action(
                        plan,
                        "workshops",
                        tri(
                            "Laboratori itineranti nei villaggi",
                            "Ateliers itinérants dans les villages",
                            "Travelling workshops in the villages",
                        ),
                        lead_partner=links.partners.get("aktantis"),
                        starts_on="2026-05-01",
                        ends_on="2026-11-30",
                        budget="12000",
                        status="done",
                    )
                ],
            ),
            priority(
                plan,
                "coworking",
                tri(
                    "Lavoro a distanza in montagna",
                    "Télétravail en montagne",
                    "Remote work in the mountains",
                ),
                tri(
                    "Un luogo connesso per restare a vivere in valle.",
                    "Un lieu connecté pour continuer à vivre dans la vallée.",
                    "A connected place so people can keep living in the valley.",
                ),
                theme=links.themes.get("Lavoro, coworking e smart working"),
                cited=f"{links.surveys.get('coworking')}:usefulness",
                actions=[
                    action(
                        plan,
                        "tiers-lieu",
                        tri(
                            "Un terzo luogo nel municipio",
                            "Un tiers-lieu à la mairie",
                            "A third place in the town hall",
                        ),
                        lead_partner=links.partners.get("aktantis"),
                        budget="18000",
                        status="in_progress",
                        calls=[links.calls.get("coworking-nei-borghi")],
                    )
                ],
            ),
        ],
        members=[
            member(
                plan,
                "aktantis",
                tri("Coordina il gruppo", "Coordonne le groupe", "Coordinates the group"),
                partner=links.partners.get("aktantis"),
            )
        ],
        stage=StrategyPage.Stage.ADOPTED,
        adopted_on=datetime.date(2026, 6, 12),
        decision_reference="Délibération n° 2026-044 du 12/06/2026",
    )


def ensure_strategies(builder: DemoBuilder, home) -> None:
    overview = builder.ensure_page(home, overview_spec())
    italian = builder.locales["it"]
    territories = {page.slug: page for page in PilotTerritoryPage.objects.filter(locale=italian)}
    for territory in territories.values():
        approvers_for(territory)
    if StrategyPage.objects.exists():
        return
    links = Links(builder)
    survey_index = SurveyPage.objects.get(
        locale=italian, slug="bisogni-del-territorio"
    ).get_parent()
    consultation = builder.ensure_page(survey_index, consultation_survey_spec())

    first = mont_rose_spec(links, territories["mont-rose"], version=1)
    plan = builder.ensure_page(overview, first)  # version 1, in every language
    second = mont_rose_spec(links, territories["mont-rose"], version=2)
    revise(builder, plan, second)  # version 2

    builder.ensure_page(overview, fossanese_spec(links, territories["fossanese"], consultation))
    builder.ensure_page(overview, alps_spec(links, territories["alpi-region-sud"]))
    draft(builder, overview, liguria_spec(links, territories["liguria"]))


def revise(builder: DemoBuilder, plan: StrategyPage, spec: PageSpec) -> None:
    """The plan revised and adopted again, then its translations brought up to date."""
    for name, value in spec.values("it").items():
        if name not in {"slug", "title"}:
            setattr(plan, name, value)
    plan.save_revision().publish()
    for language in LANGUAGES[1:]:
        builder.translate(plan, spec, language)


def draft(builder: DemoBuilder, overview, spec: PageSpec) -> None:
    """A plan saved but not published, in every language."""
    page = builder.build_instance(spec, "it")
    page.locale = builder.locales["it"]
    page.live = False
    overview.add_child(instance=page)
    page.save_revision()
    for language in LANGUAGES[1:]:
        builder.translate(page, spec, language, publish=False)

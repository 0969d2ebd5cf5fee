"""Demo of what lets the model travel: a fifth territory — Seyne, a French commune of the
Alpes-de-Haute-Provence — added through the same service as the admin's "New territory" form;
two more pilots with results; the catalogue with three solution sheets and two municipalities
that would like to replicate one; and the page explaining the operating model, offering the
needs survey and the digital help desk call as templates.

The solution sheets' figures are illustrations; no individual's phone or e-mail appears (the
two wishes to replicate use example.org addresses and are never published)."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from participation.models import ChallengeCallPage, SurveyPage, Theme
from partners.models import PartnerPage
from pilots.models import IndicatorMeasurement, PilotPage, PilotTerritoryPage
from replication.models import (
    OnboardedTerritory,
    OperatingModelPage,
    ReplicationInterest,
    SolutionIndexPage,
    SolutionPage,
)
from replication.onboarding.service import NewTerritory, add_territory

from .builder import LANGUAGES, DemoBuilder, PageSpec, block_id, texts, tri


def rich(text: dict[str, str]) -> dict[str, str]:
    return {language: f"<p>{value}</p>" for language, value in text.items()}


def ensure_fifth_territory() -> None:
    """Seyne joins as a new municipality would: one submission of the admin's form."""
    if PilotTerritoryPage.objects.filter(slug="seyne").exists():
        return
    add_territory(
        NewTerritory(
            name="Seyne",
            region="Alpes-de-Haute-Provence",
            municipalities="Seyne\nSelonnet\nAuzet",
            population=1480,
            languages=["fr", "it", "en"],
            partner=PartnerPage.objects.get(locale__language_code="fr", slug="aktantis"),
            hub_name="Pôle numérique de Seyne",
            hub_address="Place d'Armes, 04140 Seyne",
            survey=SurveyPage.objects.get(locale__language_code="fr", slug="besoins-du-territoire"),
            user=get_user_model().objects.filter(is_superuser=True).first(),
        )
    )
    # Then its editors do two things the checklist asks: put it on the map, and keep its
    # survey open until the end of June, when the valley's summer residents have answered.
    for territory in PilotTerritoryPage.objects.filter(slug="seyne"):
        territory.latitude, territory.longitude = Decimal("44.3514"), Decimal("6.3567")
        territory.save_revision().publish()
    record = OnboardedTerritory.objects.get(territory__slug="seyne")
    closes = max(
        datetime.datetime(2027, 6, 30, 16, tzinfo=datetime.UTC),
        record.survey.opens_at + datetime.timedelta(weeks=12),
    )
    versions = SurveyPage.objects.filter(translation_key=record.survey.translation_key)
    versions.update(closes_at=closes)
    for survey in versions:
        revision = survey.save_revision()
        if survey.live:
            revision.publish()


def pilot_with_results(key, title, slug, company, summary, indicator, values):
    """A pilot page spec with one indicator and its measured values (added after creation)."""
    name, unit, baseline, target = indicator
    return PageSpec(
        PilotPage,
        key,
        shared={
            "company": company,
            "status": PilotPage.Status.COMPLETED,
            "starts_on": datetime.date(2026, 3, 1),
            "ends_on": datetime.date(2026, 10, 31),
        },
        texts=texts(title=title, slug=slug, listing_summary=summary, description=rich(summary)),
        children={
            "indicators": [
                {
                    "shared": {"baseline": baseline, "target": target},
                    **{lang: {"name": name[lang], "unit": unit[lang]} for lang in LANGUAGES},
                }
            ]
        },
        after_create=lambda page: [
            IndicatorMeasurement.objects.get_or_create(
                indicator=page.indicators.get(),
                measured_on=on,
                defaults={"value": Decimal(value)},
            )
            for on, value in values
        ],
    )


def ensure_pilots(builder: DemoBuilder) -> dict[str, PilotPage]:
    italian = builder.locales["it"]
    territories = {p.slug: p for p in PilotTerritoryPage.objects.filter(locale=italian)}
    workshops = pilot_with_results(
        "pilot-workshops",
        tri(
            "Pilota: laboratori digitali itineranti",
            "Pilote : ateliers numériques itinérants",
            "Pilot: travelling digital workshops",
        ),
        tri("laboratori-itineranti", "ateliers-itinerants", "travelling-workshops"),
        "Atelier Numérique des Alpes",
        tri(
            "Un furgone attrezzato ha portato corsi brevi di smartphone e servizi online in "
            "dodici villaggi.",
            "Une camionnette équipée a apporté de courts ateliers sur le smartphone et les "
            "services en ligne dans douze villages.",
            "An equipped van brought short courses on smartphones and online services to twelve "
            "villages.",
        ),
        (
            tri("Persone formate", "Personnes formées", "People trained"),
            tri("persone", "personnes", "people"),
            Decimal("0"),
            Decimal("150"),
        ),
        [(datetime.date(2026, 6, 30), "64"), (datetime.date(2026, 10, 31), "171")],
    )
    coworking = pilot_with_results(
        "pilot-coworking",
        tri(
            "Pilota: postazioni di coworking nell'hub",
            "Pilote : postes de coworking au pôle",
            "Pilot: coworking desks at the hub",
        ),
        tri("coworking-nell-hub", "coworking-au-pole", "coworking-at-the-hub"),
        "Cooperativa Spazi Comuni",
        tri(
            "Otto postazioni con fibra nell'hub di Fossano, prenotabili a giornata.",
            "Huit postes avec fibre au pôle de Fossano, réservables à la journée.",
            "Eight desks with fibre at the Fossano hub, bookable by the day.",
        ),
        (
            tri(
                "Giornate di lavoro prenotate", "Journées de travail réservées", "Work days booked"
            ),
            tri("giornate al mese", "journées par mois", "days per month"),
            Decimal("0"),
            Decimal("80"),
        ),
        [(datetime.date(2026, 6, 30), "35"), (datetime.date(2026, 10, 31), "92")],
    )
    return {
        "workshops": builder.ensure_page(territories["alpi-region-sud"], workshops),
        "coworking": builder.ensure_page(territories["fossanese"], coworking),
        "desk": PilotPage.objects.get(locale=italian, slug="sportello-itinerante"),
    }


def catalogue_spec() -> PageSpec:
    return PageSpec(
        SolutionIndexPage,
        "solutions",
        shared={"show_in_menus": False},
        texts=texts(
            title=tri(
                "Soluzioni che funzionano", "Solutions qui fonctionnent", "Solutions that work"
            ),
            slug=tri("soluzioni", "solutions", "solutions"),
            introduction=tri(
                "Le soluzioni sperimentate nei territori pilota, con i risultati misurati e ciò "
                "che serve per replicarle.",
                "Les solutions expérimentées dans les territoires pilotes, avec leurs résultats "
                "mesurés et ce qu'il faut pour les reproduire.",
                "The solutions tested in the pilot territories, with their measured results and "
                "what it takes to replicate them.",
            ),
        ),
    )


def sheet(key, pilot, theme, title, slug, summary, done, lessons, **shared) -> PageSpec:
    staff = shared.pop("staff_texts")
    return PageSpec(
        SolutionPage,
        key,
        shared={"pilot": pilot, "theme": theme, **shared},
        texts=texts(
            title=title,
            slug=slug,
            summary=summary,
            what_was_done=rich(done),
            lessons=rich(lessons),
            staff=staff,
        ),
    )


def solution_specs(pilots, themes) -> list[PageSpec]:
    return [
        sheet(
            "solution-desk",
            pilots["desk"],
            themes.get("Servizi pubblici digitali"),
            tri(
                "Uno sportello digitale che gira per i comuni",
                "Un guichet numérique qui va de commune en commune",
                "A digital help desk that tours the municipalities",
            ),
            tri("sportello-itinerante", "guichet-itinerant", "mobile-help-desk"),
            tri(
                "Un facilitatore aiuta i residenti nelle pratiche online, a turno in ogni comune.",
                "Un médiateur aide les habitants dans leurs démarches en ligne, dans chaque "
                "commune à tour de rôle.",
                "A helper assists residents with online procedures, in each municipality in turn.",
            ),
            tri(
                "Due mezze giornate a settimana per comune, nella biblioteca o in municipio.",
                "Deux demi-journées par semaine et par commune, à la bibliothèque ou à la mairie.",
                "Two half-days a week per municipality, in the library or the town hall.",
            ),
            tri(
                "Annunciare le date in bacheca e in parrocchia raddoppia le visite.",
                "Annoncer les dates en mairie et à la paroisse double les visites.",
                "Announcing the dates at the town hall and the parish doubles the visits.",
            ),
            cost=Decimal("45000"),
            duration_months=10,
            municipality_size=SolutionPage.Size.SMALL,
            connectivity=SolutionPage.Connectivity.MOBILE,
            yearly_running_cost=Decimal("30000"),
            staff_texts=tri(
                "Un facilitatore digitale a tempo pieno per otto comuni",
                "Un médiateur numérique à plein temps pour huit communes",
                "One full-time digital helper for eight municipalities",
            ),
        ),
        sheet(
            "solution-workshops",
            pilots["workshops"],
            themes.get("Competenze digitali"),
            tri(
                "Laboratori digitali che arrivano in furgone",
                "Des ateliers numériques qui arrivent en camionnette",
                "Digital workshops that arrive by van",
            ),
            tri("laboratori-itineranti", "ateliers-itinerants", "travelling-workshops"),
            tri(
                "Corsi brevi di smartphone e servizi online, nel villaggio, per chi non si sposta.",
                "Des ateliers courts sur le smartphone et les services en ligne, au village, pour "
                "ceux qui ne se déplacent pas.",
                "Short courses on smartphones and online services, in the village, for those who "
                "do not travel.",
            ),
            tri(
                "Dodici villaggi, tre incontri ciascuno, gruppi di sei persone.",
                "Douze villages, trois séances chacun, des groupes de six personnes.",
                "Twelve villages, three sessions each, groups of six.",
            ),
            tri(
                "I gruppi piccoli e un secondo incontro a una settimana fanno la differenza.",
                "Les petits groupes et une deuxième séance une semaine après font la différence.",
                "Small groups and a second session a week later make the difference.",
            ),
            cost=Decimal("9000"),
            duration_months=6,
            municipality_size=SolutionPage.Size.SMALL,
            connectivity=SolutionPage.Connectivity.ANY,
            staff_texts=tri(
                "Due formatori per due giorni a settimana",
                "Deux formateurs deux jours par semaine",
                "Two trainers two days a week",
            ),
        ),
        sheet(
            "solution-coworking",
            pilots["coworking"],
            themes.get("Lavoro, coworking e smart working"),
            tri(
                "Postazioni di coworking nell'hub locale",
                "Des postes de coworking au pôle local",
                "Coworking desks at the local hub",
            ),
            tri("coworking-nell-hub", "coworking-au-pole", "coworking-at-the-hub"),
            tri(
                "Otto postazioni connesse nell'hub, prenotabili a giornata da chi lavora da casa.",
                "Huit postes connectés au pôle, réservables à la journée par les télétravailleurs.",
                "Eight connected desks at the hub, bookable by the day by remote workers.",
            ),
            tri(
                "Fibra, arredi e un sistema di prenotazione semplice; la gestione a una "
                "cooperativa.",
                "Fibre, mobilier et un système de réservation simple ; la gestion confiée à une "
                "coopérative.",
                "Fibre, furniture and a simple booking system; run by a cooperative.",
            ),
            tri(
                "Il venerdì è pieno, il lunedì vuoto: prezzi diversi aiutano.",
                "Le vendredi est plein, le lundi vide : des prix différents aident.",
                "Fridays are full, Mondays empty: different prices help.",
            ),
            cost=Decimal("62000"),
            duration_months=8,
            municipality_size=SolutionPage.Size.LARGE,
            connectivity=SolutionPage.Connectivity.BROADBAND,
            yearly_running_cost=Decimal("9000"),
            staff_texts=tri(
                "Una persona della cooperativa mezza giornata al giorno",
                "Une personne de la coopérative une demi-journée par jour",
                "One person from the cooperative half a day every day",
            ),
        ),
    ]


def model_spec(templates: list[tuple[int, dict]]) -> PageSpec:
    steps = [
        (
            "needs",
            tri("Ascoltare", "Écouter", "Listen"),
            tri(
                "Questionari online e su carta negli hub: i bisogni validati entrano nel registro.",
                "Des enquêtes en ligne et sur papier dans les pôles : les besoins validés entrent "
                "dans le registre.",
                "Surveys online and on paper at the hubs: validated needs enter the register.",
            ),
        ),
        (
            "strategy",
            tri("Decidere", "Décider", "Decide"),
            tri(
                "Ogni territorio trasforma i bisogni in una strategia locale, adottata in "
                "pubblico.",
                "Chaque territoire transforme ses besoins en une stratégie locale, adoptée en "
                "public.",
                "Each territory turns its needs into a local strategy, adopted in public.",
            ),
        ),
        (
            "calls",
            tri("Chiedere soluzioni", "Demander des solutions", "Ask for solutions"),
            tri(
                "Le sfide d'innovazione nascono dalle priorità della strategia.",
                "Les défis d'innovation naissent des priorités de la stratégie.",
                "Innovation challenges grow out of the strategy's priorities.",
            ),
        ),
        (
            "proposals",
            tri("Valutare", "Évaluer", "Evaluate"),
            tri(
                "Le imprese propongono, i valutatori danno i punteggi, i cittadini sostengono.",
                "Les entreprises proposent, les évaluateurs notent, les citoyens soutiennent.",
                "Businesses propose, evaluators score, citizens support.",
            ),
        ),
        (
            "pilots",
            tri("Sperimentare", "Expérimenter", "Test"),
            tri(
                "Le soluzioni scelte diventano sperimentazioni con indicatori misurati in "
                "pubblico.",
                "Les solutions retenues deviennent des expérimentations aux indicateurs mesurés en "
                "public.",
                "Selected solutions become pilots whose indicators are measured in public.",
            ),
        ),
        (
            "solutions",
            tri("Replicare", "Reproduire", "Replicate"),
            tri(
                "Ciò che ha funzionato è descritto perché altri comuni possano adottarlo.",
                "Ce qui a fonctionné est décrit pour que d'autres communes puissent l'adopter.",
                "What worked is described so that other municipalities can adopt it.",
            ),
        ),
    ]
    per_language = texts(
        title=tri("Il modello DigiVillae", "Le modèle DigiVillae", "The DigiVillae model"),
        slug=tri("modello", "modele", "model"),
        introduction=rich(
            tri(
                "Come un piccolo comune passa da un bisogno dei suoi abitanti a una soluzione "
                "provata, con il portale: sei passi, ciascuno pubblico.",
                "Comment une petite commune passe d'un besoin de ses habitants à une solution "
                "éprouvée, avec le portail : six étapes, chacune publique.",
                "How a small municipality goes from its residents' need to a tested solution, "
                "with the portal: six steps, each of them public.",
            )
        ),
    )
    for language in LANGUAGES:
        per_language[language]["steps"] = [
            {
                "type": "step",
                "id": block_id("model", stage),
                "value": {
                    "stage": stage,
                    "heading": heading[language],
                    "text": f"<p>{text[language]}</p>",
                },
            }
            for stage, heading, text in steps
        ]
        per_language[language]["templates"] = [
            {
                "type": "template",
                "id": block_id("model", "template", str(pk)),
                "value": {"page": pk, "description": description[language]},
            }
            for pk, description in templates
        ]
    return PageSpec(
        OperatingModelPage, "operating-model", shared={"show_in_menus": True}, texts=per_language
    )


def ensure_replication(builder: DemoBuilder, home) -> None:
    ensure_fifth_territory()
    pilots = ensure_pilots(builder)
    italian = builder.locales["it"]
    themes = {theme.name: theme for theme in Theme.objects.filter(locale=italian)}
    catalogue = builder.ensure_page(home, catalogue_spec())
    sheets = [builder.ensure_page(catalogue, spec) for spec in solution_specs(pilots, themes)]
    templates = [
        (
            SurveyPage.objects.get(locale=italian, slug="bisogni-del-territorio").pk,
            tri(
                "Il questionario sui bisogni del territorio, in tre lingue",
                "L'enquête sur les besoins du territoire, en trois langues",
                "The local needs survey, in three languages",
            ),
        ),
        (
            ChallengeCallPage.objects.get(locale=italian, slug="sportelli-digitali").pk,
            tri(
                "Una sfida con criteri e pesi di valutazione",
                "Un défi avec ses critères et leurs poids",
                "A challenge call with its criteria and weights",
            ),
        ),
    ]
    builder.ensure_page(home, model_spec(templates))
    if not ReplicationInterest.objects.exists():
        desk = sheets[0]
        for municipality, role, email, language in (
            ("Comune di Usseaux", "Segretario comunale", "segreteria@usseaux.example.org", "it"),
            ("Commune de Colmars", "Adjointe au numérique", "mairie@colmars.example.org", "fr"),
        ):
            ReplicationInterest.objects.create(
                solution_key=desk.translation_key,
                municipality=municipality,
                role=role,
                email=email,
                language=language,
                consent_given_at=timezone.now(),
            )

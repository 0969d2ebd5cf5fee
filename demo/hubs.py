"""Demo of the work of the local hubs (one per pilot territory, on its territory page): a survey
in steps with a condition and every newer question type, answers collected on paper, by phone
and in person at the hubs beside online ones, and a need raised at a hub workshop, published in
the register."""

import datetime
import random
import uuid

from participation.models import Need, SurveyPage, Theme
from participation.surveys import tallies
from participation.surveys.forms import build_survey_form_class
from participation.surveys.services import record_answer
from pilots.models import LocalHub, PilotTerritoryPage

from .builder import LANGUAGES, DemoBuilder, PageSpec, rome
from .surveys import THANKS, question, survey_texts


def local_hubs(locale) -> dict[str, LocalHub]:
    """The demo territories' local hubs in ``locale``, by the territory's Italian slug."""
    hubs = LocalHub.objects.filter(locale=locale).select_related("page")
    slugs = dict(
        PilotTerritoryPage.objects.filter(locale__language_code="it").values_list(
            "translation_key", "slug"
        )
    )
    return {
        slugs[hub.page.translation_key]: hub for hub in hubs if hub.page.translation_key in slugs
    }


def with_shared(row: dict, **shared) -> dict:
    row["shared"].update(shared)
    return row


def with_rows(row: dict, rows: tuple[list[str], list[str], list[str]]) -> dict:
    for index, language in enumerate(LANGUAGES):
        row[language]["rows"] = "\n".join(rows[index])
    return row


def section(clean_name, labels, **shared) -> dict:
    return with_shared(question(clean_name, "section", labels, required=False), **shared)


def stepped_survey_spec() -> PageSpec:
    return PageSpec(
        SurveyPage,
        "survey-connection",
        shared={
            "opens_at": rome(2026, 11, 2, 9),
            "closes_at": rome(2027, 2, 26, 18),
            "results_published": True,
            "retention_days": 180,
        },
        texts=survey_texts(
            (
                "Connessione e servizi: com'è la vita digitale nel tuo comune?",
                "Connexion et services : comment va la vie numérique dans votre commune ?",
                "Connection and services: how is digital life in your municipality?",
            ),
            ("connessione-e-servizi", "connexion-et-services", "connection-and-services"),
            (
                "Un questionario in tre passi, online o su carta negli hub locali: chi lavora da "
                "casa ci racconta anche la sua connessione.",
                "Une enquête en trois étapes, en ligne ou sur papier dans les pôles locaux : "
                "celles et ceux qui travaillent à domicile nous parlent aussi de leur connexion.",
                "A survey in three steps, online or on paper at the local hubs: people who work "
                "from home also tell us about their connection.",
            ),
            THANKS,
        ),
        children={
            "form_fields": [
                question(
                    "territory", "territory", ("Il tuo territorio", "Votre territoire", "Your area")
                ),
                question(
                    "works_from_home",
                    "radio",
                    ("Lavori da casa?", "Travaillez-vous à domicile ?", "Do you work from home?"),
                    choices=(["Sì", "No"], ["Oui", "Non"], ["Yes", "No"]),
                ),
                section(
                    "section_connection",
                    ("La tua connessione", "Votre connexion", "Your connection"),
                    show_when="works_from_home=0",
                ),
                with_shared(
                    question(
                        "connection_problems",
                        "checkboxes",
                        (
                            "Che cosa rallenta il tuo lavoro?",
                            "Qu'est-ce qui ralentit votre travail ?",
                            "What slows your work down?",
                        ),
                        choices=(
                            ["Connessione lenta", "Interruzioni", "Nessuna copertura mobile"],
                            ["Connexion lente", "Coupures", "Pas de réseau mobile"],
                            ["Slow connection", "Outages", "No mobile coverage"],
                        ),
                    ),
                    allow_other=True,
                ),
                section(
                    "section_services",
                    ("I servizi del territorio", "Les services du territoire", "Local services"),
                ),
                with_rows(
                    question(
                        "satisfaction",
                        "grid",
                        (
                            "Quanto sei soddisfatto di questi servizi?",
                            "Êtes-vous satisfait de ces services ?",
                            "How satisfied are you with these services?",
                        ),
                        choices=(
                            ["Soddisfatto", "Né sì né no", "Insoddisfatto"],
                            ["Satisfait", "Ni l'un ni l'autre", "Insatisfait"],
                            ["Satisfied", "Neither", "Dissatisfied"],
                        ),
                    ),
                    (
                        ["Trasporti", "Servizi sanitari", "Servizi digitali del comune"],
                        ["Transports", "Services de santé", "Services numériques de la commune"],
                        ["Transport", "Health services", "The municipality's digital services"],
                    ),
                ),
                question(
                    "priorities",
                    "ranking",
                    (
                        "Metti in ordine le priorità",
                        "Classez les priorités",
                        "Rank the priorities",
                    ),
                    choices=(
                        ["Banda larga", "Trasporto pubblico", "Sportello digitale", "Coworking"],
                        ["Haut débit", "Transports publics", "Guichet numérique", "Coworking"],
                        ["Broadband", "Public transport", "Digital help desk", "Coworking"],
                    ),
                ),
                with_shared(
                    question(
                        "household",
                        "number",
                        (
                            "Quante persone vivono in casa tua?",
                            "Combien de personnes vivent dans votre foyer ?",
                            "How many people live in your household?",
                        ),
                    ),
                    minimum=1,
                    maximum=20,
                ),
                question(
                    "living_here_since",
                    "date",
                    (
                        "Da quando vivi qui? (facoltativo)",
                        "Depuis quand vivez-vous ici ? (facultatif)",
                        "Since when have you lived here? (optional)",
                    ),
                    required=False,
                ),
            ]
        },
    )


CHANNELS = ["online", "online", "paper", "phone", "in_person"]


def add_stepped_answers(survey: SurveyPage, count: int, seed: int) -> None:
    """Answers through the same form validation as a visitor's: online in Italian and French,
    and entered from the hubs (on paper, by phone, in person) in their territory."""
    if survey.all_submissions().exists():
        return
    rng = random.Random(seed)  # noqa: S311 (demo data, not security)
    locales = {
        language: survey.locale.__class__.objects.get(language_code=language)
        for language in ("it", "fr")
    }
    versions = {language: survey.get_translation(locale) for language, locale in locales.items()}
    hubs = {language: list(local_hubs(locale).values()) for language, locale in locales.items()}
    for number in range(count):
        language = "fr" if number % 3 == 2 else "it"
        version = versions[language]
        channel = CHANNELS[number % len(CHANNELS)]
        hub = hubs[language][number % len(hubs[language])] if channel != "online" else None
        form_class = build_survey_form_class(version)
        territory = hub.page if hub else rng.choice(hubs[language]).page
        data = {
            "submission_token": str(uuid.UUID(int=rng.getrandbits(128))),
            "territory": str(territory.translation_key),
            "works_from_home": rng.choice(["0", "1"]),
            "connection_problems": rng.sample(["0", "1", "2"], k=rng.randint(1, 2)),
            "household": str(rng.randint(1, 6)),
        }
        for row in range(3):
            data[f"satisfaction__{row}"] = str(rng.choice([0, 0, 1, 2]))
        ranks = rng.sample(range(1, 5), k=4)
        for option, rank in enumerate(ranks):
            data[f"priorities__{option}"] = str(rank)
        if number % 4 == 0:
            data["living_here_since"] = f"{rng.randint(1975, 2024)}-0{rng.randint(1, 9)}-15"
        form = form_class(data)
        form.validate_only = form.plan().names_through(form.plan().last)
        if not form.is_valid():
            raise ValueError(f"demo answer rejected: {form.errors.as_json()}")
        collected = (survey.opens_at + datetime.timedelta(days=number % 20)).date()
        submission, _created = record_answer(
            version,
            form,
            channel=channel,
            hub=hub,
            collected_on=collected if hub else None,
        )
        submission.submit_time = survey.opens_at + datetime.timedelta(hours=9 * number + 2)
        submission.save(update_fields=["submit_time"])
    tallies.recount(survey)  # the answers were dated afterwards: count them on their days


WORKSHOP_NEED = (
    (
        "Un punto di ricarica per bici elettriche vicino alla stazione",
        "Point de recharge pour vélos électriques près de la gare",
        "A charging point for e-bikes near the station",
    ),
    (
        "Al laboratorio sulla mobilità dell'hub, i partecipanti hanno chiesto un punto di "
        "ricarica coperto per raggiungere la stazione in bicicletta elettrica.",
        "Lors de l'atelier mobilité du pôle local, les participants ont demandé un point de "
        "recharge couvert pour rejoindre la gare à vélo électrique.",
        "At the hub's mobility workshop, participants asked for a covered charging point to "
        "reach the station by e-bike.",
    ),
)


def ensure_workshop_need(builder: DemoBuilder) -> None:
    italian = builder.locales["it"]
    hub = local_hubs(italian).get("fossanese")
    if Need.objects.filter(origin=Need.Origin.WORKSHOP).exists() or hub is None:
        return
    theme = Theme.objects.filter(locale=italian, name="Mobilità e trasporti").first()
    titles, descriptions = WORKSHOP_NEED
    need = Need.objects.create(
        locale=italian,
        title=titles[0],
        description=descriptions[0],
        status=Need.Status.VALIDATED,
        territory=hub.page,
        theme=theme,
        origin=Need.Origin.WORKSHOP,
        hub_key=hub.translation_key,
        workshop_date=datetime.date(2026, 11, 14),
        participants=18,
    )
    for index, language in enumerate(LANGUAGES[1:], start=1):
        locale = builder.locales[language]
        translated = need.copy_for_translation(locale)
        translated.title = titles[index]
        translated.description = descriptions[index]
        translated.territory = hub.page.get_translation(locale)
        translated.theme = theme.get_translation(locale) if theme else None
        translated.save()


def ensure_hub_demo(builder: DemoBuilder, survey_index) -> None:
    survey = builder.ensure_page(survey_index, stepped_survey_spec())
    add_stepped_answers(survey, 30, seed=2027)
    ensure_workshop_need(builder)

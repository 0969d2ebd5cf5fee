"""Demo surveys: an open need survey and a closed one with published results, with answers in
Italian and French recorded through the same form validation a visitor goes through."""

import datetime
import random
import uuid

from django.utils import timezone

from participation.models import Need, NeedsIndexPage, SurveyIndexPage, SurveyPage, Theme
from participation.surveys import tallies
from participation.surveys.forms import build_survey_form_class
from participation.surveys.services import record_answer
from pilots.models import PilotTerritoryPage

from .builder import LANGUAGES, DemoBuilder, PageSpec, rome

THEMES = [
    ("Mobilità e trasporti", "Mobilité et transports", "Mobility and transport"),
    ("Servizi pubblici digitali", "Services publics numériques", "Digital public services"),
    (
        "Lavoro, coworking e smart working",
        "Travail, coworking et télétravail",
        "Work, coworking and remote working",
    ),
    ("Competenze digitali", "Compétences numériques", "Digital skills"),
    ("Servizi di prossimità", "Services de proximité", "Local services"),
]


def ensure_themes(builder: DemoBuilder) -> None:
    for names in THEMES:
        theme = Theme.objects.filter(locale=builder.locales["it"], name=names[0]).first()
        if theme is None:
            theme = Theme.objects.create(locale=builder.locales["it"], name=names[0])
        for language, name in zip(LANGUAGES[1:], names[1:], strict=True):
            if theme.get_translation_or_none(builder.locales[language]) is None:
                translated = theme.copy_for_translation(builder.locales[language])
                translated.name = name
                translated.save()


def surveys_index_spec() -> PageSpec:
    return PageSpec(
        SurveyIndexPage,
        "surveys",
        shared={"show_in_menus": True},
        texts={
            "it": {
                "title": "Partecipa",
                "slug": "partecipa",
                "introduction": "Questionari per raccontare i bisogni del tuo territorio.",
            },
            "fr": {
                "title": "Participez",
                "slug": "participez",
                "introduction": "Des enquêtes pour raconter les besoins de votre territoire.",
            },
            "en": {
                "title": "Take part",
                "slug": "take-part",
                "introduction": "Surveys to tell us what your area needs.",
            },
        },
    )


def question(
    clean_name, field_type, labels, *, required=True, choices=None, personal=False, help_texts=None
):
    row = {
        "shared": {
            "clean_name": clean_name,
            "field_type": field_type,
            "required": required,
            "personal_data": personal,
        }
    }
    for index, language in enumerate(LANGUAGES):
        row[language] = {
            "label": labels[index],
            "choices": "\n".join(choices[index]) if choices else "",
            "help_text": help_texts[index] if help_texts else "",
        }
    return row


def survey_texts(title, slug, introduction, thank_you):
    return {
        language: {
            "title": title[i],
            "slug": slug[i],
            "introduction": f"<p>{introduction[i]}</p>",
            "thank_you_text": f"<p>{thank_you[i]}</p>",
        }
        for i, language in enumerate(LANGUAGES)
    }


THANKS = (
    "Grazie: la tua risposta è stata registrata e contribuirà al registro dei bisogni locali.",
    "Merci : votre réponse a été enregistrée et alimentera le registre des besoins locaux.",
    "Thank you: your answer has been recorded and will feed the register of local needs.",
)


def needs_survey_spec() -> PageSpec:
    return PageSpec(
        SurveyPage,
        "survey-needs",
        shared={
            "opens_at": rome(2026, 10, 1, 9),
            "closes_at": rome(2027, 3, 31, 18),
            "results_published": True,
            "retention_days": 365,
        },
        texts=survey_texts(
            (
                "Di che cosa ha bisogno il tuo comune?",
                "De quoi votre commune a-t-elle besoin ?",
                "What does your municipality need?",
            ),
            ("bisogni-del-territorio", "besoins-du-territoire", "local-needs"),
            (
                "Dieci minuti per dirci quali servizi mancano e quali idee vorresti vedere "
                "sperimentate nel tuo territorio.",
                "Dix minutes pour nous dire quels services manquent et quelles idées vous "
                "aimeriez voir expérimentées sur votre territoire.",
                "Ten minutes to tell us which services are missing and which ideas you would like "
                "to see tested in your area.",
            ),
            THANKS,
        ),
        children={
            "form_fields": [
                question(
                    "territory", "territory", ("Il tuo territorio", "Votre territoire", "Your area")
                ),
                question(
                    "respondent_type",
                    "radio",
                    ("Rispondi come…", "Vous répondez en tant que…", "You are answering as…"),
                    choices=(
                        ["Residente", "Associazione", "Impresa", "Amministrazione"],
                        ["Habitant", "Association", "Entreprise", "Administration"],
                        ["Resident", "Association", "Business", "Local authority"],
                    ),
                ),
                question(
                    "priority_themes",
                    "checkboxes",
                    (
                        "Quali temi sono prioritari?",
                        "Quels thèmes sont prioritaires ?",
                        "Which themes come first?",
                    ),
                    choices=(
                        [t[0] for t in THEMES],
                        [t[1] for t in THEMES],
                        [t[2] for t in THEMES],
                    ),
                ),
                question(
                    "connection_quality",
                    "rating",
                    (
                        "Come valuti la connessione internet dove vivi? (1 = pessima, 5 = ottima)",
                        "Comment jugez-vous la connexion internet chez vous ? (1 = très mauvaise, "
                        "5 = excellente)",
                        "How good is the internet connection where you live? (1 = very poor, "
                        "5 = excellent)",
                    ),
                ),
                question(
                    "online_services",
                    "dropdown",
                    (
                        "Quanto spesso usi servizi pubblici online?",
                        "À quelle fréquence utilisez-vous les services publics en ligne ?",
                        "How often do you use public services online?",
                    ),
                    choices=(
                        ["Mai", "Qualche volta all'anno", "Ogni mese", "Ogni settimana"],
                        ["Jamais", "Quelques fois par an", "Chaque mois", "Chaque semaine"],
                        ["Never", "A few times a year", "Every month", "Every week"],
                    ),
                ),
                question(
                    "distance_km",
                    "number",
                    (
                        "Quanti km percorri per raggiungere lo sportello pubblico più vicino?",
                        "Combien de km parcourez-vous jusqu'au guichet public le plus proche ?",
                        "How many km do you travel to the nearest public service desk?",
                    ),
                    required=False,
                ),
                question(
                    "main_need",
                    "multiline",
                    (
                        "Descrivi il bisogno più importante per te",
                        "Décrivez le besoin le plus important pour vous",
                        "Describe the need that matters most to you",
                    ),
                    required=False,
                ),
                question(
                    "email",
                    "email",
                    (
                        "E-mail (facoltativa, per essere ricontattato)",
                        "E-mail (facultatif, pour être recontacté)",
                        "E-mail (optional, if you would like us to contact you)",
                    ),
                    required=False,
                ),
            ]
        },
    )


def coworking_survey_spec() -> PageSpec:
    return PageSpec(
        SurveyPage,
        "survey-coworking",
        shared={
            "opens_at": rome(2025, 11, 3, 9),
            "closes_at": rome(2026, 1, 31, 18),
            "results_published": True,
            "retention_days": 180,
        },
        texts=survey_texts(
            (
                "Spazi di coworking: li useresti?",
                "Espaces de coworking : les utiliseriez-vous ?",
                "Coworking spaces: would you use them?",
            ),
            ("coworking", "coworking", "coworking"),
            (
                "Una prima consultazione sugli hub locali come spazi di lavoro condiviso.",
                "Une première consultation sur les pôles locaux comme espaces de travail partagés.",
                "A first consultation on local hubs as shared workspaces.",
            ),
            THANKS,
        ),
        children={
            "form_fields": [
                question(
                    "territory", "territory", ("Il tuo territorio", "Votre territoire", "Your area")
                ),
                question(
                    "would_use",
                    "radio",
                    (
                        "Useresti uno spazio di coworking vicino a casa?",
                        "Utiliseriez-vous un espace de coworking près de chez vous ?",
                        "Would you use a coworking space near home?",
                    ),
                    choices=(
                        ["Sì, ogni settimana", "Sì, ogni tanto", "No"],
                        ["Oui, chaque semaine", "Oui, de temps en temps", "Non"],
                        ["Yes, every week", "Yes, now and then", "No"],
                    ),
                ),
                question(
                    "usefulness",
                    "rating",
                    ("Quanto sarebbe utile? (1–5)", "Quelle utilité ? (1–5)", "How useful? (1–5)"),
                ),
            ]
        },
    )


def ensure_surveys(builder: DemoBuilder, home) -> SurveyIndexPage:
    ensure_themes(builder)
    index = builder.ensure_page(home, surveys_index_spec())
    needs = builder.ensure_page(index, needs_survey_spec())
    coworking = builder.ensure_page(index, coworking_survey_spec())
    add_demo_answers(needs, 36, seed=2026)
    add_demo_answers(coworking, 24, seed=2025)
    ensure_needs(builder, home, needs)
    return index


def add_demo_answers(survey: SurveyPage, count: int, seed: int) -> None:
    """Varied answers, two in three in Italian and one in three in French."""
    if survey.all_submissions().exists():
        return
    rng = random.Random(seed)  # noqa: S311 (demo data, not security)
    versions = {
        language: survey.get_translation(
            survey.locale.__class__.objects.get(language_code=language)
        )
        for language in ("it", "fr")
    }
    needs = {
        "it": [
            "Un bus serale per raggiungere Fossano.",
            "Corsi per usare lo SPID.",
            "Uno sportello unico per le pratiche del comune.",
            "Connessione più stabile in frazione.",
        ],
        "fr": [
            "Une navette le soir vers la vallée.",
            "Un accompagnement aux démarches en ligne.",
            "Un espace de travail partagé au village.",
        ],
    }
    # Spread over the days the survey has been open, never after today: a demo answer from the
    # future would count among today's and stand last in every list.
    end = min(survey.closes_at, timezone.now())
    step = max(
        min(datetime.timedelta(hours=7), (end - survey.opens_at) / (count + 1)),
        datetime.timedelta(minutes=1),
    )
    for number in range(count):
        language = "fr" if number % 3 == 2 else "it"
        version = versions[language]
        form_class = build_survey_form_class(version)
        data = {"submission_token": str(uuid.UUID(int=rng.getrandbits(128)))}
        for field in version.get_form_fields():
            form_field = form_class.base_fields[field.clean_name]
            choices = [value for value, _label in getattr(form_field, "choices", []) if value]
            if field.field_type in ("checkboxes", "multiselect"):
                data[field.clean_name] = rng.sample(choices, k=rng.randint(1, 3))
            elif choices:
                data[field.clean_name] = rng.choice(choices)
            elif field.field_type == "number":
                data[field.clean_name] = str(rng.randint(1, 30))
            elif field.field_type == "multiline" and rng.random() < 0.6:
                data[field.clean_name] = rng.choice(needs[language])
            elif field.field_type == "email" and number % 6 == 0:
                data[field.clean_name] = f"partecipante{number}@example.org"
        if data.get("email"):
            data["consent"] = "on"
        form = form_class(data)
        if not form.is_valid():
            raise ValueError(f"demo answer rejected: {form.errors.as_json()}")
        submission, _created = record_answer(version, form)
        submission.submit_time = version.opens_at + step * (number + 1)
        submission.save(update_fields=["submit_time"])
    tallies.recount(survey)  # the answers were dated afterwards: count them on their days


NEEDS = [
    # territory slug (it), theme (it), status, (title it, fr, en), (description it, fr, en)
    (
        "fossanese",
        "Mobilità e trasporti",
        "validated",
        (
            "Collegamenti serali verso Fossano",
            "Liaisons en soirée vers Fossano",
            "Evening connections to Fossano",
        ),
        (
            "Chi vive nelle frazioni non ha mezzi pubblici dopo le 19 per raggiungere servizi e "
            "lavoro.",
            "Les habitants des hameaux n'ont pas de transport public après 19 h pour rejoindre "
            "services et emplois.",
            "People in the outlying hamlets have no public transport after 7 pm to reach services "
            "and jobs.",
        ),
    ),
    (
        "mont-rose",
        "Servizi pubblici digitali",
        "validated",
        (
            "Accompagnamento alle pratiche online",
            "Accompagnement aux démarches en ligne",
            "Help with online public services",
        ),
        (
            "Molti residenti rinunciano ai servizi online perché nessuno li aiuta a usarli.",
            "Beaucoup d'habitants renoncent aux services en ligne faute d'accompagnement.",
            "Many residents give up on online services because nobody helps them use them.",
        ),
    ),
    (
        "liguria",
        "Lavoro, coworking e smart working",
        "validated",
        (
            "Spazio di lavoro condiviso nei borghi",
            "Espace de travail partagé dans les villages",
            "Shared workspace in the villages",
        ),
        (
            "Lavoratori a distanza e giovani imprese cercano un luogo attrezzato e connesso.",
            "Télétravailleurs et jeunes entreprises cherchent un lieu équipé et connecté.",
            "Remote workers and young businesses are looking for an equipped, connected place.",
        ),
    ),
    (
        "alpi-region-sud",
        "Competenze digitali",
        "addressed",
        (
            "Formazione digitale per gli anziani",
            "Formation numérique pour les seniors",
            "Digital skills for older residents",
        ),
        (
            "Corsi brevi e vicini a casa per usare smartphone e servizi essenziali.",
            "Des cours courts et proches de chez soi pour utiliser smartphone et services "
            "essentiels.",
            "Short courses close to home on using smartphones and essential services.",
        ),
    ),
    (
        "fossanese",
        "Servizi pubblici digitali",
        "reported",
        ("Sportello unico digitale", "Guichet unique numérique", "One-stop digital desk"),
        (
            "Segnalato da più risposte: un unico punto di accesso per le pratiche comunali.",
            "Signalé par plusieurs réponses : un point d'accès unique pour les démarches "
            "communales.",
            "Reported in several answers: a single access point for municipal procedures.",
        ),
    ),
]


def needs_index_spec() -> PageSpec:
    return PageSpec(
        NeedsIndexPage,
        "needs-register",
        shared={"show_in_menus": True},
        texts={
            "it": {
                "title": "Registro dei bisogni",
                "slug": "bisogni",
                "introduction": "I bisogni locali emersi dai questionari e validati.",
            },
            "fr": {
                "title": "Registre des besoins",
                "slug": "besoins",
                "introduction": "Les besoins locaux issus des enquêtes et validés.",
            },
            "en": {
                "title": "Needs register",
                "slug": "needs",
                "introduction": "Local needs found through the surveys and validated.",
            },
        },
    )


def ensure_needs(builder: DemoBuilder, home, survey: SurveyPage) -> None:
    builder.ensure_page(home, needs_index_spec())
    italian = builder.locales["it"]
    if Need.objects.filter(locale=italian).exists():
        return
    territories = {page.slug: page for page in PilotTerritoryPage.objects.filter(locale=italian)}
    themes = {theme.name: theme for theme in Theme.objects.filter(locale=italian)}
    answers = list(survey.all_submissions().order_by("pk")[:6])
    for number, (territory, theme, status, titles, descriptions) in enumerate(NEEDS):
        need = Need.objects.create(
            locale=italian,
            title=titles[0],
            description=descriptions[0],
            status=status,
            territory=territories[territory],
            theme=themes[theme],
            source_survey=survey,
            origin=Need.Origin.SURVEY,
        )
        need.source_answers.set(answers[number : number + 2])
        for index, language in enumerate(LANGUAGES[1:], start=1):
            locale = builder.locales[language]
            translated = need.copy_for_translation(locale)
            translated.title = titles[index]
            translated.description = descriptions[index]
            translated.territory = territories[territory].get_translation(locale)
            translated.theme = themes[theme].get_translation(locale)
            translated.source_survey = survey.get_translation_or_none(locale)
            translated.save()

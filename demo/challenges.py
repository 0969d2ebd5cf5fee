"""Demo challenge calls: a closed call with evaluated, shortlisted and selected proposals whose
winner runs as a pilot with measured indicators, and an open call. The companies are fictional
and marked as examples; no real person's contact details appear anywhere."""

import datetime
import io
import uuid
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image as PILImage

from participation.challenges.services import email_digest, record_evaluation
from participation.models import (
    ChallengeCallPage,
    ChallengeIndexPage,
    EvaluatorAssignment,
    Need,
    Proposal,
    ProposalAttachment,
    ProposalDecision,
    Support,
)
from pilots.models import IndicatorMeasurement, PilotPage, PilotTerritoryPage

from .builder import DEMO_NAMESPACE, DemoBuilder, PageSpec, rome, texts, tri

EVALUATORS = ("valutatrice.demo", "evaluateur.demo")


def challenges_index_spec() -> PageSpec:
    return PageSpec(
        ChallengeIndexPage,
        "challenges",
        shared={"show_in_menus": True},
        texts=texts(
            title=tri("Sfide di innovazione", "Défis d'innovation", "Innovation challenges"),
            slug=tri("sfide", "defis", "challenges"),
            introduction=tri(
                "I bisogni validati diventano sfide: le imprese propongono soluzioni, esperti e "
                "cittadini le valutano, le migliori vengono sperimentate nei territori pilota.",
                "Les besoins validés deviennent des défis : les entreprises proposent des "
                "solutions, experts et citoyens les évaluent, les meilleures sont testées dans "
                "les territoires pilotes.",
                "Validated needs become challenges: companies propose solutions, experts and "
                "residents assess them, and the best are tested in the pilot territories.",
            ),
        ),
    )


def rich(text: dict[str, str]) -> dict[str, str]:
    return {lang: f"<p>{value}</p>" for lang, value in text.items()}


CRITERIA = [
    (
        tri("Risposta ai bisogni locali", "Réponse aux besoins locaux", "Fit with local needs"),
        tri(
            "Quanto la soluzione risponde ai bisogni del registro collegati alla sfida.",
            "Dans quelle mesure la solution répond aux besoins du registre liés au défi.",
            "How well the solution answers the register needs linked to the challenge.",
        ),
        40,
        Decimal("3"),
    ),
    (
        tri("Fattibilità tecnica", "Faisabilité technique", "Technical feasibility"),
        tri(
            "Maturità della soluzione e capacità di attivarla nei tempi del progetto.",
            "Maturité de la solution et capacité à la déployer dans les délais du projet.",
            "Maturity of the solution and ability to deploy it within the project's timeline.",
        ),
        30,
        None,
    ),
    (
        tri(
            "Sostenibilità e replicabilità",
            "Durabilité et reproductibilité",
            "Sustainability and replicability",
        ),
        tri(
            "Capacità di durare oltre il progetto e di essere ripresa da altri comuni.",
            "Capacité à durer au-delà du projet et à être reprise par d'autres communes.",
            "Ability to last beyond the project and be taken up by other municipalities.",
        ),
        30,
        Decimal("2"),
    ),
]


def criteria_rows():
    return [
        {
            "shared": {"weight": weight, "minimum_score": minimum},
            **{lang: {"name": name[lang], "description": text[lang]} for lang in name},
        }
        for name, text, weight, minimum in CRITERIA
    ]


def need_rows(*titles: str) -> list[dict]:
    needs = Need.objects.filter(locale__language_code="it", title__in=titles)
    return [{"shared": {"need": need}, "it": {}, "fr": {}, "en": {}} for need in needs]


def closed_call_spec() -> PageSpec:
    return PageSpec(
        ChallengeCallPage,
        "call-proximity-desks",
        shared={
            "budget": Decimal("60000"),
            "opens_at": rome(2026, 3, 2, 9, 0),
            "questions_until": rome(2026, 4, 15, 12, 0),
            "submission_deadline": rome(2026, 5, 15, 12, 0),
            "evaluation_ends_at": rome(2026, 7, 15, 12, 0),
            "results_on": datetime.date(2026, 7, 20),
        },
        texts=texts(
            title=tri(
                "Sfida: sportelli digitali di prossimità",
                "Défi : guichets numériques de proximité",
                "Challenge: local digital help desks",
            ),
            slug=tri("sportelli-digitali", "guichets-numeriques", "digital-help-desks"),
            listing_summary=tri(
                "Soluzioni per accompagnare i residenti nelle pratiche online vicino a casa.",
                "Des solutions pour accompagner les habitants dans leurs démarches en ligne "
                "près de chez eux.",
                "Solutions that help residents with online procedures close to home.",
            ),
            context=rich(
                tri(
                    "Nei piccoli comuni molti residenti rinunciano ai servizi pubblici online "
                    "perché nessuno li accompagna. Il registro dei bisogni lo segnala in più "
                    "territori.",
                    "Dans les petites communes, beaucoup d'habitants renoncent aux services "
                    "publics en ligne faute d'accompagnement. Le registre des besoins le signale "
                    "dans plusieurs territoires.",
                    "In small municipalities many residents give up on online public services "
                    "because nobody helps them. The needs register shows it in several "
                    "territories.",
                )
            ),
            objectives=rich(
                tri(
                    "Attivare uno sportello di prossimità, fisico o itinerante, e formare i "
                    "residenti all'uso autonomo dei servizi.",
                    "Ouvrir un guichet de proximité, fixe ou itinérant, et former les habitants "
                    "à utiliser seuls les services.",
                    "Open a local help desk, fixed or mobile, and train residents to use the "
                    "services on their own.",
                )
            ),
            eligibility=rich(
                tri(
                    "Imprese, cooperative ed enti di ricerca con sede in Italia o in Francia.",
                    "Entreprises, coopératives et organismes de recherche établis en Italie ou "
                    "en France.",
                    "Companies, cooperatives and research bodies based in Italy or France.",
                )
            ),
            support_offered=rich(
                tri(
                    "Fino a 20.000 euro per soluzione selezionata, un luogo di prova nell'hub "
                    "locale e l'accompagnamento dei partner.",
                    "Jusqu'à 20 000 euros par solution retenue, un lieu d'essai dans le pôle "
                    "local et l'accompagnement des partenaires.",
                    "Up to 20,000 euros per selected solution, a test site in the local hub and "
                    "support from the partners.",
                )
            ),
        ),
        children={
            "call_needs": need_rows("Accompagnamento alle pratiche online"),
            "criteria": criteria_rows(),
            "questions": [
                {
                    "shared": {"asked_on": datetime.date(2026, 3, 20)},
                    **{
                        lang: {"question": q, "answer": a}
                        for lang, q, a in (
                            (
                                "it",
                                "Una proposta può coprire più territori pilota?",
                                "Sì, indicando per ciascun territorio come sarà attivata.",
                            ),
                            (
                                "fr",
                                "Une proposition peut-elle couvrir plusieurs territoires ?",
                                "Oui, en précisant pour chaque territoire comment elle sera "
                                "déployée.",
                            ),
                            (
                                "en",
                                "Can one proposal cover several pilot territories?",
                                "Yes, if it says how it will be deployed in each territory.",
                            ),
                        )
                    },
                }
            ],
        },
    )


def open_call_spec() -> PageSpec:
    # Relative dates, so that the demo always shows an open call whenever it is loaded.
    today = timezone.localdate()
    opens = today - datetime.timedelta(days=30)
    deadline = today + datetime.timedelta(days=75)
    return PageSpec(
        ChallengeCallPage,
        "call-coworking",
        shared={
            "budget": Decimal("45000"),
            "opens_at": rome(opens.year, opens.month, opens.day, 9, 0),
            "questions_until": rome(deadline.year, deadline.month, deadline.day, 12, 0)
            - datetime.timedelta(days=14),
            "submission_deadline": rome(deadline.year, deadline.month, deadline.day, 12, 0),
            "evaluation_ends_at": rome(deadline.year, deadline.month, deadline.day, 12, 0)
            + datetime.timedelta(days=60),
            "results_on": deadline + datetime.timedelta(days=65),
        },
        texts=texts(
            title=tri(
                "Sfida: coworking nei borghi",
                "Défi : coworking dans les villages",
                "Challenge: coworking in the villages",
            ),
            slug=tri("coworking-nei-borghi", "coworking-villages", "village-coworking"),
            listing_summary=tri(
                "Spazi di lavoro condivisi, attrezzati e connessi, gestiti con la comunità.",
                "Des espaces de travail partagés, équipés et connectés, gérés avec la communauté.",
                "Shared, equipped and connected workspaces, run with the community.",
            ),
            context=rich(
                tri(
                    "Lavoratori a distanza e giovani imprese cercano nei borghi un luogo "
                    "attrezzato e connesso.",
                    "Télétravailleurs et jeunes entreprises cherchent dans les villages un lieu "
                    "équipé et connecté.",
                    "Remote workers and young businesses look for an equipped, connected place "
                    "in the villages.",
                )
            ),
            objectives=rich(
                tri(
                    "Avviare almeno uno spazio di coworking per territorio, sostenibile dopo il "
                    "progetto.",
                    "Ouvrir au moins un espace de coworking par territoire, durable après le "
                    "projet.",
                    "Open at least one coworking space per territory that lasts after the project.",
                )
            ),
            eligibility=rich(
                tri(
                    "Imprese e cooperative con sede nell'area ALCOTRA.",
                    "Entreprises et coopératives établies dans la zone ALCOTRA.",
                    "Companies and cooperatives based in the ALCOTRA area.",
                )
            ),
            support_offered=rich(
                tri(
                    "Fino a 15.000 euro per soluzione e l'uso gratuito di un locale comunale "
                    "per la sperimentazione.",
                    "Jusqu'à 15 000 euros par solution et l'usage gratuit d'un local communal "
                    "pour l'expérimentation.",
                    "Up to 15,000 euros per solution and free use of a municipal room for the "
                    "trial.",
                )
            ),
        ),
        children={
            "call_needs": need_rows("Spazio di lavoro condiviso nei borghi"),
            "criteria": criteria_rows(),
        },
    )


# Fictional applicants: (organisation, country, size, language, title, summary, maturity, cost)
PROPOSALS = [
    (
        "Esempio – Valli Connesse Soc. Coop.",
        "IT",
        "non_profit",
        "it",
        "Sportello itinerante «Pratiche vicine»",
        "Un furgone attrezzato visita a turno i comuni con un facilitatore digitale che aiuta "
        "i residenti a usare SPID, fascicolo sanitario e servizi comunali.",
        "demonstrated",
        Decimal("19500"),
    ),
    (
        "Exemple – Alpes Numérique SAS",
        "FR",
        "small",
        "fr",
        "Bornes d'accompagnement en visioconférence",
        "Des bornes installées en mairie relient les habitants à un médiateur numérique à "
        "distance, avec prise en main de l'écran et impression des documents.",
        "market",
        Decimal("18000"),
    ),
    (
        "Esempio – Borgo Smart Srl",
        "IT",
        "micro",
        "it",
        "App di prenotazione dell'aiuto digitale",
        "Un'app e un numero verde per prenotare un aiuto a domicilio da volontari formati.",
        "prototype",
        Decimal("12000"),
    ),
    (
        "Exemple – Médiation Montagne",
        "FR",
        "non_profit",
        "fr",
        "Ateliers numériques au café du village",
        "Des ateliers hebdomadaires dans les commerces du village, animés par des jeunes en "
        "service civique.",
        "idea",
        Decimal("9000"),
    ),
]
# Each evaluator's scores per proposal, in the order of CRITERIA.
SCORES = [((5, 4, 4), (4, 4, 5)), ((4, 5, 3), (4, 4, 3)), ((3, 2, 1), (2, 3, 2)), None]
OUTCOMES = [
    ["admissible", "shortlisted", "selected"],
    ["admissible", "shortlisted", "not_selected"],
    ["admissible", "not_selected"],
    ["inadmissible"],
]
REASONS = {
    "admissible": "Proposta completa e conforme ai requisiti del bando.",
    "inadmissible": "La proposta non indica un numero di registrazione valido.",
    "shortlisted": "Punteggio sopra le soglie minime: ammessa alla valutazione dei cittadini.",
    "selected": "Miglior punteggio complessivo e ampio sostegno dei cittadini.",
    "not_selected": "Punteggio inferiore alle proposte selezionate.",
}
SUPPORTS = [23, 11, 0, 0]


def tiny_pdf(title: str) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (595, 842), (255, 255, 255)).save(buffer, "PDF", title=title)
    return buffer.getvalue()


def ensure_evaluators(call: ChallengeCallPage) -> list:
    group = Group.objects.get(name="Evaluators")
    users = []
    for username in EVALUATORS:
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"first_name": username.split(".")[0].title()}
        )
        if created:
            user.set_unusable_password()
            user.save()
            user.groups.add(group)
        EvaluatorAssignment.objects.get_or_create(call=call, evaluator=user)
        users.append(user)
    return users


def ensure_proposals(builder: DemoBuilder, call: ChallengeCallPage) -> Proposal | None:
    if call.all_proposals().exists():
        return call.all_proposals().filter(status=Proposal.Status.SELECTED).first()
    evaluators = ensure_evaluators(call)
    criteria = list(call.criteria.all())
    selected = None
    submitted = rome(2026, 5, 10, 16, 30)
    for number, item in enumerate(PROPOSALS):
        organisation, country, size, language, title, summary, maturity, cost = item
        proposal = Proposal.objects.create(
            call=call.get_translation(builder.locales[language]),
            reference=f"DV26-DEMO{number + 1}",
            language=language,
            organisation_name=organisation,
            country=country,
            registration_number=f"DEMO{number + 1:07d}",
            organisation_size=size,
            contact_name="Referente di esempio",
            contact_email=f"proposta-{number + 1}@example.invalid",
            title=title,
            summary=summary,
            description=summary,
            maturity=maturity,
            estimated_cost=cost,
            consent_given_at=submitted,
            submitted_at=submitted + datetime.timedelta(hours=number),
            access_token=uuid.uuid5(DEMO_NAMESPACE, f"proposal-{number}"),
        )
        attachment = ProposalAttachment(
            proposal=proposal, original_name="scheda-tecnica.pdf", size=0
        )
        content = tiny_pdf(title)
        attachment.size = len(content)
        attachment.file.save("upload.pdf", ContentFile(content), save=False)
        attachment.save()
        for step, status in enumerate(OUTCOMES[number]):
            proposal.status = status
            if status == "shortlisted":
                proposal.was_shortlisted = True
            proposal.save()
            ProposalDecision.objects.create(
                proposal=proposal,
                status=status,
                reason=REASONS[status],
                decided_at=rome(2026, 5, 20, 10, 0) + datetime.timedelta(days=step * 20),
            )
            if status == "admissible" and SCORES[number]:
                for evaluator, marks in zip(evaluators, SCORES[number], strict=True):
                    record_evaluation(
                        proposal,
                        evaluator,
                        {
                            criterion.translation_key: (mark, "")
                            for criterion, mark in zip(criteria, marks, strict=True)
                        },
                        "",
                        True,
                    )
        for index in range(SUPPORTS[number]):
            Support.objects.create(
                proposal=proposal,
                email_digest=email_digest(f"sostegno-{number}-{index}@example.invalid"),
                confirmed_at=rome(2026, 6, 15, 10, 0),
            )
        if proposal.status == "selected":
            selected = proposal
    return selected


def pilot_spec(proposal: Proposal) -> PageSpec:
    milestones = [
        (
            tri("Avvio dello sportello", "Ouverture du guichet", "Help desk opens"),
            datetime.date(2026, 9, 1),
            datetime.date(2026, 9, 8),
        ),
        (
            tri(
                "Primo ciclo di formazione",
                "Premier cycle de formation",
                "First training round",
            ),
            datetime.date(2026, 11, 30),
            None,
        ),
        (
            tri("Valutazione intermedia", "Évaluation intermédiaire", "Mid-term review"),
            datetime.date(2027, 2, 28),
            None,
        ),
    ]
    indicators = [
        (
            tri(
                "Pratiche svolte con l'aiuto dello sportello",
                "Démarches réalisées avec l'aide du guichet",
                "Procedures completed with the help desk",
            ),
            tri("pratiche al mese", "démarches par mois", "procedures per month"),
            Decimal("0"),
            Decimal("120"),
        ),
        (
            tri(
                "Residenti formati all'uso autonomo dei servizi",
                "Habitants formés à l'usage autonome des services",
                "Residents trained to use the services on their own",
            ),
            tri("persone", "personnes", "people"),
            Decimal("0"),
            Decimal("200"),
        ),
    ]
    return PageSpec(
        PilotPage,
        "pilot-proximity-desk",
        shared={
            "proposal": proposal,
            "company": proposal.organisation_name,
            "status": PilotPage.Status.RUNNING,
            "starts_on": datetime.date(2026, 9, 1),
            "ends_on": datetime.date(2027, 6, 30),
        },
        texts=texts(
            title=tri(
                "Pilota: sportello itinerante nelle valli del Monte Rosa",
                "Pilote : guichet itinérant dans les vallées du Mont-Rose",
                "Pilot: mobile help desk in the Monte Rosa valleys",
            ),
            slug=tri("sportello-itinerante", "guichet-itinerant", "mobile-help-desk"),
            listing_summary=tri(
                "La soluzione selezionata dalla sfida sugli sportelli digitali, in prova.",
                "La solution retenue par le défi des guichets numériques, à l'essai.",
                "The solution selected by the digital help desk challenge, on trial.",
            ),
            description=rich(
                tri(
                    "Un facilitatore digitale visita a turno i comuni dell'Unité Mont-Rose e "
                    "aiuta i residenti nelle pratiche online.",
                    "Un médiateur numérique visite à tour de rôle les communes de l'Unité "
                    "Mont-Rose et aide les habitants dans leurs démarches en ligne.",
                    "A digital helper visits the municipalities of the Unité Mont-Rose in turn "
                    "and helps residents with online procedures.",
                )
            ),
        ),
        children={
            "milestones": [
                {
                    "shared": {"planned_on": planned, "achieved_on": achieved},
                    **{lang: {"title": title[lang]} for lang in title},
                }
                for title, planned, achieved in milestones
            ],
            "indicators": [
                {
                    "shared": {"baseline": baseline, "target": target},
                    **{lang: {"name": name[lang], "unit": unit[lang]} for lang in name},
                }
                for name, unit, baseline, target in indicators
            ],
        },
    )


MEASUREMENTS = [
    [(datetime.date(2026, 9, 30), "18"), (datetime.date(2026, 10, 31), "46")],
    [(datetime.date(2026, 9, 30), "25"), (datetime.date(2026, 10, 31), "60")],
]


def ensure_challenges(builder: DemoBuilder, home) -> None:
    index = builder.ensure_page(home, challenges_index_spec())
    closed = builder.ensure_page(index, closed_call_spec())
    builder.ensure_page(index, open_call_spec())
    selected = ensure_proposals(builder, closed)
    if selected is None:
        return
    territory = PilotTerritoryPage.objects.get(locale=builder.locales["it"], slug="mont-rose")
    pilot = builder.ensure_page(territory, pilot_spec(selected))
    for indicator, values in zip(pilot.indicators.all(), MEASUREMENTS, strict=True):
        for measured_on, value in values:
            IndicatorMeasurement.objects.get_or_create(
                indicator=indicator, measured_on=measured_on, defaults={"value": Decimal(value)}
            )

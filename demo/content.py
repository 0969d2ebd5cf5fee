"""The real DigiVillae site as demo content, written from the project's public sources.

Facts (names, dates, figures) come from the project's documents; the wording is ours. No
individual's phone number or e-mail appears here.
"""

import datetime

from wagtail.models import Page, Site
from wagtail_localize.models import LocaleSynchronization

from core.models import SiteSettings
from events.models import EventIndexPage, EventPage
from home.models import HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage
from partners.models import PartnerIndexPage, PartnerPage, PartnerTerritoryLink
from pilots.models import PilotTerritoryIndexPage, PilotTerritoryPage

from .builder import (
    LANGUAGES,
    DemoBuilder,
    PageSpec,
    alpine_landscape,
    badge,
    block_id,
    rome,
    texts,
    tri,
)
from .challenges import ensure_challenges
from .hubs import ensure_hub_demo
from .outreach import ensure_outreach
from .replication import ensure_replication
from .strategies import ensure_strategies
from .subscribers import ensure_subscribers
from .surveys import ensure_surveys


def body(key: str, *blocks: tuple[str, dict]) -> dict[str, list[dict]]:
    """StreamField data per language with the same block ids in every language."""
    return {
        language: [
            {"type": block_type, "value": values[language], "id": block_id(key, str(index))}
            for index, (block_type, values) in enumerate(blocks)
        ]
        for language in LANGUAGES
    }


def paragraph(it: str, fr: str, en: str) -> tuple[str, dict]:
    return ("paragraph", tri(f"<p>{it}</p>", f"<p>{fr}</p>", f"<p>{en}</p>"))


def heading(it: str, fr: str, en: str) -> tuple[str, dict]:
    return (
        "heading",
        {lang: {"text": text, "level": "h2"} for lang, text in tri(it, fr, en).items()},
    )


def build(builder: DemoBuilder) -> HomePage:
    hero = builder.image(
        "Villaggi alpini (illustrazione)",
        "Illustrazione di montagne alpine al sole, con due catene di rilievi.",
        alpine_landscape((70, 130, 180), (60, 110, 95), (11, 93, 75)),
        size=(960, 640),
    )
    home = ensure_home(builder, hero)
    project = builder.ensure_page(home, project_spec())
    accessibility = builder.ensure_page(home, accessibility_spec())
    privacy = builder.ensure_page(home, privacy_spec())
    partners_index = builder.ensure_page(home, partners_index_spec())
    territories_index = builder.ensure_page(home, territories_index_spec())
    partners = {
        spec.key: builder.ensure_page(partners_index, spec) for spec in partner_specs(builder)
    }
    territories = {
        spec.key: builder.ensure_page(territories_index, spec) for spec in territory_specs(partners)
    }
    for key, territory_keys in PARTNER_TERRITORIES.items():
        link_partner_territories(partners[f"partner-{key}"], territories, territory_keys)
    news_index = builder.ensure_page(home, news_index_spec())
    for spec in news_specs(builder, territories):
        builder.ensure_page(news_index, spec)
    events_index = builder.ensure_page(home, events_index_spec())
    for spec in event_specs(territories):
        builder.ensure_page(events_index, spec)

    survey_index = ensure_surveys(builder, home)
    ensure_hub_demo(builder, survey_index)
    ensure_challenges(builder, home)
    ensure_strategies(builder, home)
    ensure_replication(builder, home)
    ensure_subscribers()
    ensure_outreach()

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if site_settings.accessibility_page_id is None:
        site_settings.accessibility_page = accessibility
        site_settings.privacy_page = privacy
        site_settings.programme_url = "https://www.interreg-alcotra.eu"
        site_settings.save()
    _ = project
    # From now on a page an editor creates in Italian appears in the French and English trees as
    # a placeholder (an alias) awaiting translation.
    for language in LANGUAGES[1:]:
        LocaleSynchronization.objects.get_or_create(
            locale=builder.locales[language], defaults={"sync_from": builder.locales["it"]}
        )
    return home


def ensure_home(builder: DemoBuilder, hero) -> HomePage:
    """The Italian home page becomes the default site's root, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    spec = PageSpec(
        HomePage,
        "home",
        shared={"hero_image": hero, "show_in_menus": False},
        texts=texts(
            title=tri("DigiVillae", "DigiVillae", "DigiVillae"),
            slug=tri("digivillae-it", "digivillae-fr", "digivillae-en"),
            hero_title=tri(
                "Piccoli comuni, grandi idee: verso gli Smart Village alpini",
                "Petites communes, grandes idées : vers des Smart Villages alpins",
                "Small municipalities, big ideas: towards Alpine Smart Villages",
            ),
            introduction=tri(
                "<p>DigiVillae aiuta i piccoli comuni tra Italia e Francia a capire i bisogni "
                "di chi ci vive, a trasformarli in sfide d'innovazione e a sperimentare soluzioni "
                "digitali insieme alle imprese.</p>",
                "<p>DigiVillae aide les petites communes entre l'Italie et la France à "
                "comprendre les besoins de leurs habitants, à les transformer en défis "
                "d'innovation et à expérimenter des solutions numériques avec les entreprises.</p>",
                "<p>DigiVillae helps small municipalities between Italy and France understand "
                "what their residents need, turn those needs into innovation challenges and "
                "test digital solutions together with businesses.</p>",
            ),
            hero_image_alt=tri(
                "Illustrazione di montagne alpine al sole.",
                "Illustration de montagnes alpines au soleil.",
                "Illustration of Alpine mountains in the sun.",
            ),
            participation_heading=tri("Partecipa", "Participez", "Take part"),
            participation_text=tri(
                "<p>Residenti, associazioni e amministrazioni: rispondete al questionario sui "
                "bisogni del vostro territorio. Imprese e centri di ricerca: proponete una "
                "soluzione alla sfida di innovazione aperta. Poi seguite le sperimentazioni.</p>",
                "<p>Habitants, associations et administrations : répondez au questionnaire sur "
                "les besoins de votre territoire. Entreprises et centres de recherche : proposez "
                "une solution au défi d'innovation ouvert. Puis suivez les expérimentations.</p>",
                "<p>Residents, associations and local authorities: answer the survey on your "
                "area's needs. Businesses and research centres: propose a solution to the open "
                "innovation challenge. Then follow the pilots.</p>",
            ),
        ),
    )
    home = root.get_children().type(HomePage).filter(locale=builder.locales["it"]).first()
    if home is None:
        home = builder.build_instance(spec, "it")
        home.locale = builder.locales["it"]
        root.add_child(instance=home)
        home.save_revision().publish()
        builder.created += 1
        site = Site.objects.filter(is_default_site=True).first()
        welcome = site.root_page if site else None
        if site:
            site.root_page = home
            site.site_name = "DigiVillae"
            site.save()
        else:
            Site.objects.create(
                hostname="localhost", root_page=home, is_default_site=True, site_name="DigiVillae"
            )
        if welcome is not None and welcome.specific_class is Page and not welcome.get_children():
            welcome.delete()
    home = home.specific
    for language in LANGUAGES[1:]:
        builder.ensure_translation(home, spec, language)
    return home


def project_spec() -> PageSpec:
    return PageSpec(
        StandardPage,
        "project",
        shared={"show_in_menus": True},
        texts=texts(
            title=tri("Il progetto", "Le projet", "The project"),
            slug=tri("progetto", "projet", "project"),
            introduction=tri(
                "DigiVillae definisce e sperimenta un modello di governance dell'innovazione "
                "per i piccoli comuni alpini, dall'ascolto dei bisogni locali alla prova sul "
                "campo delle soluzioni.",
                "DigiVillae définit et expérimente un modèle de gouvernance de l'innovation pour "
                "les petites communes alpines, de l'écoute des besoins locaux à l'essai des "
                "solutions sur le terrain.",
                "DigiVillae designs and tests a model for governing innovation in small Alpine "
                "municipalities, from listening to local needs to trying solutions in the field.",
            ),
            body=body(
                "project",
                heading("Programma e contesto", "Programme et contexte", "Programme and context"),
                paragraph(
                    "Il progetto è finanziato dal programma Interreg VI-A Italia–Francia ALCOTRA "
                    "2021–2027 (Alpi Latine Cooperazione Transfrontaliera), sostenuto dal Fondo "
                    "europeo di sviluppo regionale, e si inserisce nella Strategia dell'Unione "
                    "europea per la regione alpina (EUSALP) con l'approccio Smart Village.",
                    "Le projet est financé par le programme Interreg VI-A France–Italie ALCOTRA "
                    "2021–2027 (Alpes Latines Coopération Transfrontalière), soutenu par le Fonds "
                    "européen de développement régional, et s'inscrit dans la Stratégie de l'Union "
                    "européenne pour la région alpine (EUSALP) avec l'approche Smart Village.",
                    "The project is funded by the Interreg VI-A Italy–France ALCOTRA 2021–2027 "
                    "programme (Latin Alps cross-border cooperation), supported by the European "
                    "Regional Development Fund, and is part of the EU Strategy for the Alpine "
                    "Region (EUSALP) with its Smart Village approach.",
                ),
                heading("Obiettivi", "Objectifs", "Objectives"),
                (
                    "paragraph",
                    tri(
                        "<ul><li>Individuare i bisogni locali con processi partecipativi.</li>"
                        "<li>Rendere trasparente la strategia con una piattaforma digitale.</li>"
                        "<li>Favorire il dialogo pubblico-privato per sviluppare soluzioni "
                        "territoriali.</li><li>Valorizzare gli spazi fisici come hub della comunità."
                        "</li></ul>",
                        "<ul><li>Identifier les besoins locaux par des démarches participatives.</li>"
                        "<li>Rendre la stratégie transparente grâce à une plateforme numérique.</li>"
                        "<li>Favoriser le dialogue public-privé pour développer des solutions "
                        "territoriales.</li><li>Valoriser les espaces physiques comme pôles de la "
                        "communauté.</li></ul>",
                        "<ul><li>Identify local needs through participatory processes.</li>"
                        "<li>Make the strategy transparent through a digital platform.</li>"
                        "<li>Foster public–private dialogue to develop local solutions.</li>"
                        "<li>Use physical spaces as community hubs.</li></ul>",
                    ),
                ),
                heading("Durata e budget", "Durée et budget", "Duration and budget"),
                paragraph(
                    "DigiVillae dura 30 mesi, dal 1° settembre 2025 al 1° marzo 2028. Il budget "
                    "complessivo è di 1.586.411,77 euro.",
                    "DigiVillae dure 30 mois, du 1er septembre 2025 au 1er mars 2028. Le budget "
                    "total s'élève à 1 586 411,77 euros.",
                    "DigiVillae runs for 30 months, from 1 September 2025 to 1 March 2028. Its "
                    "total budget is €1,586,411.77.",
                ),
                (
                    "quote",
                    {
                        "it": {
                            "quote": "Mettere l'innovazione al servizio delle persone e dei "
                            "territori.",
                            "attribution": "Fondazione Piemonte Innova",
                        },
                        "fr": {
                            "quote": "Mettre l'innovation au service des personnes et des "
                            "territoires.",
                            "attribution": "Fondazione Piemonte Innova",
                        },
                        "en": {
                            "quote": "Putting innovation at the service of people and places.",
                            "attribution": "Fondazione Piemonte Innova",
                        },
                    },
                ),
            ),
        ),
    )


def accessibility_spec() -> PageSpec:
    return PageSpec(
        StandardPage,
        "accessibility",
        texts=texts(
            title=tri(
                "Dichiarazione di accessibilità",
                "Déclaration d'accessibilité",
                "Accessibility statement",
            ),
            slug=tri("accessibilita", "accessibilite", "accessibility"),
            introduction=tri(
                "Vogliamo che questo portale sia utilizzabile da tutte e tutti.",
                "Nous voulons que ce portail soit utilisable par toutes et tous.",
                "We want everyone to be able to use this portal.",
            ),
            body=body(
                "accessibility",
                paragraph(
                    "Il portale è progettato secondo le WCAG 2.1 livello AA: navigazione da "
                    "tastiera, link per saltare al contenuto, contrasti adeguati, testi "
                    "alternativi per le immagini e pagine leggere anche con connessioni lente. "
                    "Ogni versione viene verificata automaticamente con axe-core.",
                    "Le portail est conçu selon les WCAG 2.1 niveau AA : navigation au clavier, "
                    "lien d'accès direct au contenu, contrastes suffisants, textes alternatifs "
                    "pour les images et pages légères même avec une connexion lente. Chaque "
                    "version est vérifiée automatiquement avec axe-core.",
                    "The portal is built to WCAG 2.1 level AA: keyboard navigation, a skip link, "
                    "sufficient contrast, alternative text for images and pages that stay light "
                    "on slow connections. Every release is checked automatically with axe-core.",
                ),
                paragraph(
                    "La mappa dei territori richiede JavaScript; le stesse informazioni sono "
                    "sempre disponibili nell'elenco accanto alla mappa.",
                    "La carte des territoires nécessite JavaScript ; les mêmes informations sont "
                    "toujours disponibles dans la liste à côté de la carte.",
                    "The map of the territories needs JavaScript; the same information is always "
                    "available in the list beside it.",
                ),
            ),
        ),
    )


def privacy_spec() -> PageSpec:
    return PageSpec(
        StandardPage,
        "privacy",
        texts=texts(
            title=tri(
                "Informativa sulla privacy", "Politique de confidentialité", "Privacy notice"
            ),
            slug=tri("privacy", "confidentialite", "privacy-notice"),
            introduction=tri(
                "Come trattiamo i dati personali raccolti attraverso il portale.",
                "Comment nous traitons les données personnelles recueillies par le portail.",
                "How we handle personal data collected through the portal.",
            ),
            body=body(
                "privacy",
                paragraph(
                    "La semplice consultazione del portale non richiede dati personali e non usa "
                    "cookie di profilazione. Quando partecipi a un'iniziativa, raccogliamo solo "
                    "i dati necessari, per il tempo indicato, e puoi chiederne la cancellazione.",
                    "La simple consultation du portail ne demande aucune donnée personnelle et "
                    "n'utilise pas de cookies de profilage. Lorsque vous participez à une "
                    "initiative, nous ne recueillons que les données nécessaires, pour la durée "
                    "indiquée, et vous pouvez en demander l'effacement.",
                    "Simply reading the portal requires no personal data and uses no profiling "
                    "cookies. When you take part in an initiative we collect only the data we "
                    "need, for the period stated, and you can ask for it to be erased.",
                ),
            ),
        ),
    )


def partners_index_spec() -> PageSpec:
    return PageSpec(
        PartnerIndexPage,
        "partners",
        shared={"show_in_menus": True},
        texts=texts(
            title=tri("Partner", "Partenaires", "Partners"),
            slug=tri("partner", "partenaires", "partners"),
            introduction=tri(
                "Sei organizzazioni italiane e francesi lavorano insieme a DigiVillae.",
                "Six organisations italiennes et françaises travaillent ensemble sur DigiVillae.",
                "Six Italian and French organisations work together on DigiVillae.",
            ),
        ),
    )


def territories_index_spec() -> PageSpec:
    return PageSpec(
        PilotTerritoryIndexPage,
        "territories",
        shared={"show_in_menus": True},
        texts=texts(
            title=tri("Territori pilota", "Territoires pilotes", "Pilot territories"),
            slug=tri("territori", "territoires", "territories"),
            introduction=tri(
                "I territori dove DigiVillae ascolta i bisogni e sperimenta le soluzioni.",
                "Les territoires où DigiVillae écoute les besoins et expérimente les solutions.",
                "The areas where DigiVillae listens to needs and tests solutions.",
            ),
        ),
    )


PARTNERS = [
    # key, title, official name, country, role, website, colour, initials, description (it, fr, en)
    (
        "fpi",
        "Fondazione Piemonte Innova",
        "Fondazione Piemonte Innova",
        "IT",
        "lead",
        "https://www.piemonteinnova.it",
        (11, 93, 75),
        "FPI",
        tri(
            "Capofila del progetto, con sede a Torino: coordina il partenariato e sistematizza la "
            "visione condivisa dei territori.",
            "Chef de file du projet, basé à Turin : il coordonne le partenariat et formalise la "
            "vision partagée des territoires.",
            "Lead partner, based in Turin: it coordinates the partnership and turns the "
            "territories' shared vision into a plan.",
        ),
    ),
    (
        "sct",
        "Cluster Smart Communities Tech",
        "Associazione Cluster Tecnologico Nazionale sulle Tecnologie per le Smart Communities",
        "IT",
        "partner",
        "",
        (27, 79, 140),
        "SCT",
        tri(
            "Il cluster nazionale delle tecnologie per le smart communities porta nel progetto le "
            "reti d'impresa e le competenze tecnologiche.",
            "Le cluster national des technologies pour les smart communities apporte au projet ses "
            "réseaux d'entreprises et ses compétences technologiques.",
            "The national technology cluster for smart communities brings business networks and "
            "technical expertise to the project.",
        ),
    ),
    (
        "fossanese",
        "Unione del Fossanese",
        "Unione dei Comuni del Fossanese",
        "IT",
        "partner",
        "",
        (120, 60, 20),
        "UF",
        tri(
            "Unione di comuni della provincia di Cuneo, in Piemonte, e territorio pilota.",
            "Union de communes de la province de Coni, dans le Piémont, et territoire pilote.",
            "A union of municipalities in the province of Cuneo, Piedmont, and a pilot area.",
        ),
    ),
    (
        "anci",
        "ANCI Liguria",
        "Associazione Nazionale Comuni Italiani – Liguria",
        "IT",
        "partner",
        "",
        (150, 30, 50),
        "ANCI",
        tri(
            "L'associazione dei comuni liguri accompagna i piccoli comuni soci nel percorso.",
            "L'association des communes ligures accompagne ses petites communes membres.",
            "The association of Ligurian municipalities supports its small member municipalities.",
        ),
    ),
    (
        "montrose",
        "Unité des Communes valdôtaines Mont-Rose",
        "Unité des Communes valdôtaines Mont-Rose",
        "IT",
        "partner",
        "",
        (70, 50, 130),
        "MR",
        tri(
            "Unione di comuni della Valle d'Aosta; partecipa tramite il suo ufficio di "
            "rappresentanza a Bruxelles.",
            "Union de communes de la Vallée d'Aoste ; elle participe par son bureau de "
            "représentation à Bruxelles.",
            "A union of municipalities in the Aosta Valley, taking part through its Brussels "
            "representation office.",
        ),
    ),
    (
        "aktantis",
        "AKTANTIS",
        "AKTANTIS (ex Pôle Solutions Communicantes Sécurisées)",
        "FR",
        "partner",
        "https://www.aktantis.com",
        (180, 90, 0),
        "AK",
        tri(
            "Polo d'innovazione francese della Région Sud: porta l'esperienza delle imprese del "
            "digitale e i territori alpini francesi.",
            "Pôle d'innovation de la Région Sud : il apporte l'expertise des entreprises du "
            "numérique et les territoires alpins français.",
            "An innovation cluster in France's Région Sud, bringing digital businesses and the "
            "French Alpine areas into the project.",
        ),
    ),
]

PARTNER_TERRITORIES = {
    "fpi": ["fossanese", "montrose", "liguria", "alpes"],
    "sct": ["fossanese", "montrose", "liguria", "alpes"],
    "fossanese": ["fossanese"],
    "anci": ["liguria"],
    "montrose": ["montrose"],
    "aktantis": ["alpes"],
}

COUNTRY = {"IT": tri("Italia", "Italie", "Italy"), "FR": tri("Francia", "France", "France")}


def partner_specs(builder: DemoBuilder) -> list[PageSpec]:
    specs = []
    for key, title, official, country, role, website, colour, initials, description in PARTNERS:
        logo = builder.image(
            f"Logo {title}",
            f"Logo di {title}",
            badge(initials, colour),
            size=(400, 200),
            fmt="PNG",
        )
        specs.append(
            PageSpec(
                PartnerPage,
                f"partner-{key}",
                shared={
                    "country": country,
                    "role": role,
                    "website": website,
                    "logo": logo,
                    "organisation_name": official,
                },
                texts=texts(
                    title=tri(title, title, title),
                    slug=tri(key, key, key),
                    description={lang: f"<p>{text}</p>" for lang, text in description.items()},
                    listing_summary=description,
                ),
            )
        )
    return specs


TERRITORIES = [
    {
        "key": "fossanese",
        "partner": "fossanese",
        "lat": "44.550000",
        "lng": "7.725000",
        "title": tri("Unione del Fossanese", "Unione del Fossanese", "Unione del Fossanese"),
        "slug": tri("fossanese", "fossanese", "fossanese"),
        "region": tri(
            "Piemonte (provincia di Cuneo)",
            "Piémont (province de Coni)",
            "Piedmont (province of Cuneo)",
        ),
        "municipalities": "Fossano\nBene Vagienna\nGenola\nLequio Tanaro\nSalmour\n"
        "Sant'Albano Stura\nTrinità",
        "summary": tri(
            "Comuni della pianura cuneese che lavorano insieme su servizi e innovazione.",
            "Des communes de la plaine de Coni qui travaillent ensemble sur les services et "
            "l'innovation.",
            "Municipalities of the Cuneo plain working together on services and innovation.",
        ),
        "hub_place": "Fossano (CN)",
    },
    {
        "key": "montrose",
        "partner": "montrose",
        "lat": "45.596000",
        "lng": "7.796000",
        "title": tri(
            "Unité des Communes valdôtaines Mont-Rose",
            "Unité des Communes valdôtaines Mont-Rose",
            "Unité des Communes valdôtaines Mont-Rose",
        ),
        "slug": tri("mont-rose", "mont-rose", "mont-rose"),
        "region": tri("Valle d'Aosta", "Vallée d'Aoste", "Aosta Valley"),
        "municipalities": "Arnad\nBard\nChamporcher\nDonnas\nHône\nPerloz\nPont-Saint-Martin\n"
        "Pontboset",
        "summary": tri(
            "I comuni della bassa Valle d'Aosta, tra il Piemonte e il massiccio del Monte Rosa.",
            "Les communes de la basse Vallée d'Aoste, entre le Piémont et le massif du Mont-Rose.",
            "The municipalities of the lower Aosta Valley, between Piedmont and Monte Rosa.",
        ),
        "hub_place": "Pont-Saint-Martin (AO)",
    },
    {
        "key": "liguria",
        "partner": "anci",
        "lat": "44.350000",
        "lng": "8.450000",
        "title": tri(
            "Comuni soci di ANCI Liguria",
            "Communes membres d'ANCI Liguria",
            "ANCI Liguria member municipalities",
        ),
        "slug": tri("liguria", "ligurie", "liguria"),
        "region": tri("Liguria", "Ligurie", "Liguria"),
        "municipalities": None,
        "municipalities_text": tri(
            "Piccoli comuni soci di ANCI Liguria (in corso di selezione)",
            "Petites communes membres d'ANCI Liguria (sélection en cours)",
            "Small member municipalities of ANCI Liguria (selection in progress)",
        ),
        "summary": tri(
            "I piccoli comuni dell'entroterra ligure associati ad ANCI Liguria.",
            "Les petites communes de l'arrière-pays ligure membres d'ANCI Liguria.",
            "Small inland Ligurian municipalities that are members of ANCI Liguria.",
        ),
        "hub_place": "Liguria",
    },
    {
        "key": "alpes",
        "partner": "aktantis",
        "lat": "44.400000",
        "lng": "6.500000",
        "title": tri("Alpi della Région Sud", "Alpes de la Région Sud", "Alps of the Région Sud"),
        "slug": tri("alpi-region-sud", "alpes-region-sud", "alps-region-sud"),
        "region": tri(
            "Provenza-Alpi-Costa Azzurra",
            "Provence-Alpes-Côte d'Azur",
            "Provence-Alpes-Côte d'Azur",
        ),
        "municipalities": None,
        "municipalities_text": tri(
            "Comuni delle Alpi dell'Alta Provenza\nComuni delle Alte Alpi\n"
            "Comuni delle Alpi Marittime",
            "Communes des Alpes-de-Haute-Provence\nCommunes des Hautes-Alpes\n"
            "Communes des Alpes-Maritimes",
            "Municipalities of Alpes-de-Haute-Provence\nMunicipalities of Hautes-Alpes\n"
            "Municipalities of Alpes-Maritimes",
        ),
        "summary": tri(
            "I tre dipartimenti francesi del programma ALCOTRA nella Région Sud.",
            "Les trois départements français du programme ALCOTRA dans la Région Sud.",
            "The three French ALCOTRA departments in the Région Sud.",
        ),
        "hub_place": "Région Sud",
    },
]


def territory_specs(partners: dict[str, PartnerPage]) -> list[PageSpec]:
    specs = []
    for item in TERRITORIES:
        municipalities = (
            item["municipalities_text"]
            if item["municipalities"] is None
            else tri(item["municipalities"], item["municipalities"], item["municipalities"])
        )
        place = item["hub_place"]
        hub = {
            "it": {
                "name": f"Hub locale DigiVillae – {place}",
                "address": place,
                "opening_hours": "Da definire con l'avvio delle attività pilota",
                "contact": "Tramite il partner di riferimento del territorio",
            },
            "fr": {
                "name": f"Pôle local DigiVillae – {place}",
                "address": place,
                "opening_hours": "À définir au lancement des activités pilotes",
                "contact": "Par l'intermédiaire du partenaire référent du territoire",
            },
            "en": {
                "name": f"DigiVillae local hub – {place}",
                "address": place,
                "opening_hours": "To be set when the pilot activities start",
                "contact": "Through the territory's partner organisation",
            },
        }
        specs.append(
            PageSpec(
                PilotTerritoryPage,
                f"territory-{item['key']}",
                shared={
                    "latitude": item["lat"],
                    "longitude": item["lng"],
                    "partner": partners[f"partner-{item['partner']}"],
                },
                texts=texts(
                    title=item["title"],
                    slug=item["slug"],
                    region=item["region"],
                    municipalities=municipalities,
                    listing_summary=item["summary"],
                    description={lang: f"<p>{text}</p>" for lang, text in item["summary"].items()},
                ),
                children={"local_hubs": [hub]},
            )
        )
    return specs


def link_partner_territories(partner: PartnerPage, territories: dict, keys: list[str]) -> None:
    """Territories exist only after their partners, so the links are added in a new revision of
    every language version of the partner page."""
    for version in partner.get_translations(inclusive=True).specific():
        if version.territory_links.exists():
            continue
        version.territory_links = [
            PartnerTerritoryLink(territory=territories[f"territory-{key}"]) for key in keys
        ]
        version.save_revision().publish()


def news_index_spec() -> PageSpec:
    return PageSpec(
        NewsIndexPage,
        "news",
        shared={"show_in_menus": True},
        texts=texts(
            title=tri("Notizie", "Actualités", "News"),
            slug=tri("notizie", "actualites", "news"),
            introduction=tri(
                "Novità dal progetto e storie dai progetti che ci hanno preceduto.",
                "Les nouvelles du projet et les récits des projets qui nous ont précédés.",
                "Project updates and stories from the projects that came before us.",
            ),
        ),
    )


def news_specs(builder: DemoBuilder, territories: dict) -> list[PageSpec]:
    all_territories = [
        {"shared": {"territory": page}, "it": {}, "fr": {}, "en": {}}
        for page in territories.values()
    ]
    kickoff_image = builder.image(
        "Kick-off a Torino (illustrazione)",
        "Illustrazione: colline e montagne all'alba, evocazione del Piemonte.",
        alpine_landscape((220, 140, 90), (150, 90, 70), (90, 60, 50)),
    )
    iot_image = builder.image(
        "IoTXchange (illustrazione)",
        "Illustrazione: rilievi verdi sotto un cielo azzurro.",
        alpine_landscape((90, 160, 210), (80, 140, 110), (40, 100, 70)),
    )
    coeur_image = builder.image(
        "Alte Valli (illustrazione)",
        "Illustrazione: valli alpine innevate sotto un cielo chiaro.",
        alpine_landscape((140, 170, 210), (200, 210, 225), (120, 140, 160)),
    )
    return [
        PageSpec(
            NewsPage,
            "news-kickoff",
            shared={
                "date": datetime.date(2025, 10, 20),
                "lead_image": kickoff_image,
                "tags": ["ALCOTRA", "kick-off", "Smart Village"],
            },
            texts=texts(
                title=tri(
                    "A Torino il kick-off di DigiVillae",
                    "À Turin, le lancement de DigiVillae",
                    "DigiVillae kicks off in Turin",
                ),
                slug=tri("kick-off-torino", "lancement-turin", "kick-off-turin"),
                summary=tri(
                    "Il 16 e 17 ottobre 2025 i sei partner si sono riuniti a Torino per avviare "
                    "il progetto transfrontaliero sugli Smart Village.",
                    "Les 16 et 17 octobre 2025, les six partenaires se sont réunis à Turin pour "
                    "lancer le projet transfrontalier sur les Smart Villages.",
                    "On 16 and 17 October 2025 the six partners met in Turin to launch the "
                    "cross-border Smart Village project.",
                ),
                lead_image_alt=tri(
                    "Illustrazione: colline e montagne all'alba.",
                    "Illustration : collines et montagnes à l'aube.",
                    "Illustration: hills and mountains at dawn.",
                ),
                body=body(
                    "news-kickoff",
                    paragraph(
                        "Fondazione Piemonte Innova, capofila, ha accolto a Torino ANCI Liguria, "
                        "l'Unione del Fossanese, l'Unité des Communes valdôtaines Mont-Rose, il "
                        "Cluster Smart Communities Tech e AKTANTIS per due giornate di lavoro.",
                        "Fondazione Piemonte Innova, chef de file, a accueilli à Turin ANCI "
                        "Liguria, l'Unione del Fossanese, l'Unité des Communes valdôtaines "
                        "Mont-Rose, le Cluster Smart Communities Tech et AKTANTIS pour deux "
                        "journées de travail.",
                        "Fondazione Piemonte Innova, the lead partner, welcomed ANCI Liguria, "
                        "Unione del Fossanese, the Unité des Communes valdôtaines Mont-Rose, the "
                        "Smart Communities Tech cluster and AKTANTIS to Turin for two days of "
                        "work.",
                    ),
                    paragraph(
                        "Ogni partner ha presentato il proprio territorio: bisogni, priorità, "
                        "criticità e opportunità. Ne è nata una visione comune che guiderà le "
                        "prime attività sul campo.",
                        "Chaque partenaire a présenté son territoire : besoins, priorités, "
                        "difficultés et opportunités. Il en est ressorti une vision commune qui "
                        "guidera les premières actions sur le terrain.",
                        "Each partner presented its area: needs, priorities, weaknesses and "
                        "opportunities. The result is a shared vision that will guide the first "
                        "activities in the field.",
                    ),
                    paragraph(
                        "Le azioni pilota potranno andare dagli spazi di coworking alla "
                        "formazione digitale, dagli sportelli di prossimità ai laboratori di "
                        "sperimentazione tecnologica.",
                        "Les actions pilotes pourront aller des espaces de coworking à la "
                        "formation numérique, des guichets de proximité aux laboratoires "
                        "d'expérimentation technologique.",
                        "Pilot actions may range from coworking spaces to digital skills "
                        "training, and from local public-service desks to technology labs.",
                    ),
                ),
            ),
            children={"territory_links": all_territories},
        ),
        PageSpec(
            NewsPage,
            "news-iotxchange",
            shared={
                "date": datetime.date(2025, 11, 10),
                "lead_image": iot_image,
                "tags": ["capitalisation", "IoT"],
            },
            texts=texts(
                title=tri(
                    "Capitalizzazione: cosa insegna IoTXchange",
                    "Capitalisation : les leçons d'IoTXchange",
                    "Capitalisation: lessons from IoTXchange",
                ),
                slug=tri("iotxchange", "iotxchange", "iotxchange"),
                summary=tri(
                    "Il progetto URBACT IoTXchange ha costruito piani d'azione locali basati "
                    "sull'Internet delle cose per città piccole e medie.",
                    "Le projet URBACT IoTXchange a construit des plans d'action locaux fondés sur "
                    "l'Internet des objets pour les petites et moyennes villes.",
                    "The URBACT project IoTXchange built local action plans based on the "
                    "Internet of Things for small and medium-sized towns.",
                ),
                lead_image_alt=tri(
                    "Illustrazione: rilievi verdi sotto un cielo azzurro.",
                    "Illustration : reliefs verts sous un ciel bleu.",
                    "Illustration: green hills under a blue sky.",
                ),
                body=body(
                    "news-iotxchange",
                    paragraph(
                        "Guidato dal comune di Fundão (Portogallo), IoTXchange ha riunito otto "
                        "partner europei con un budget di 744.166,92 euro. La seconda fase si è "
                        "conclusa nell'agosto 2022.",
                        "Mené par la municipalité de Fundão (Portugal), IoTXchange a réuni huit "
                        "partenaires européens avec un budget de 744 166,92 euros. La deuxième "
                        "phase s'est achevée en août 2022.",
                        "Led by the municipality of Fundão (Portugal), IoTXchange brought "
                        "together eight European partners with a budget of €744,166.92. Its "
                        "second phase ended in August 2022.",
                    ),
                    paragraph(
                        "Per DigiVillae la lezione è il metodo: un gruppo d'azione locale che "
                        "definisce i problemi comuni prima di scegliere la tecnologia.",
                        "Pour DigiVillae, la leçon est la méthode : un groupe d'action locale qui "
                        "définit les problèmes communs avant de choisir la technologie.",
                        "For DigiVillae the lesson is the method: a local action group that "
                        "defines shared problems before choosing the technology.",
                    ),
                ),
            ),
        ),
        PageSpec(
            NewsPage,
            "news-coeur",
            shared={
                "date": datetime.date(2025, 12, 1),
                "lead_image": coeur_image,
                "tags": ["capitalisation", "ALCOTRA"],
            },
            texts=texts(
                title=tri(
                    "Cœur Résilient e Cœur Innovant: l'eredità delle Alte Valli",
                    "Cœur Résilient et Cœur Innovant : l'héritage des Hautes Vallées",
                    "Cœur Résilient and Cœur Innovant: the legacy of the Upper Valleys",
                ),
                slug=tri(
                    "coeur-resilient-innovant",
                    "coeur-resilient-innovant",
                    "coeur-resilient-innovant",
                ),
                summary=tri(
                    "Due progetti ALCOTRA del PITer Alte Valli hanno lasciato strumenti di "
                    "prevenzione e piattaforme per le imprese locali.",
                    "Deux projets ALCOTRA du PITer Hautes Vallées ont laissé des outils de "
                    "prévention et des plateformes pour les entreprises locales.",
                    "Two ALCOTRA projects of the Upper Valleys PITer left prevention tools and "
                    "platforms for local businesses.",
                ),
                lead_image_alt=tri(
                    "Illustrazione: valli alpine innevate.",
                    "Illustration : vallées alpines enneigées.",
                    "Illustration: snowy Alpine valleys.",
                ),
                body=body(
                    "news-coeur",
                    paragraph(
                        "Cœur Résilient ha creato nuovi strumenti di allerta per la popolazione; "
                        "Cœur Innovant ha studiato le piccole imprese e lanciato piattaforme come "
                        "BizAlp per lo scambio tra operatori economici.",
                        "Cœur Résilient a créé de nouveaux outils d'alerte pour la population ; "
                        "Cœur Innovant a étudié les petites entreprises et lancé des plateformes "
                        "comme BizAlp pour les échanges entre acteurs économiques.",
                        "Cœur Résilient created new alert tools for residents; Cœur Innovant "
                        "studied small businesses and launched platforms such as BizAlp for "
                        "exchanges between local firms.",
                    ),
                    paragraph(
                        "L'evento di chiusura si è tenuto a Bardonecchia il 23 marzo. DigiVillae "
                        "riparte da qui: proseguire gli scambi tra territori e rafforzare il "
                        "tessuto imprenditoriale e sociale delle valli.",
                        "L'événement de clôture s'est tenu à Bardonecchia le 23 mars. DigiVillae "
                        "repart de là : poursuivre les échanges entre territoires et renforcer le "
                        "tissu entrepreneurial et social des vallées.",
                        "The closing event took place in Bardonecchia on 23 March. DigiVillae "
                        "picks up from there: keeping the territories talking and strengthening "
                        "the valleys' economic and social fabric.",
                    ),
                ),
            ),
        ),
    ]


def events_index_spec() -> PageSpec:
    return PageSpec(
        EventIndexPage,
        "events",
        shared={"show_in_menus": True},
        texts=texts(
            title=tri("Eventi", "Événements", "Events"),
            slug=tri("eventi", "evenements", "events"),
            introduction=tri(
                "Incontri, comitati e iniziative aperte ai territori.",
                "Rencontres, comités et initiatives ouvertes aux territoires.",
                "Meetings, committees and activities open to the territories.",
            ),
        ),
    )


def event_specs(territories: dict) -> list[PageSpec]:
    every_territory = [
        {"shared": {"territory": page}, "it": {}, "fr": {}, "en": {}}
        for page in territories.values()
    ]
    return [
        PageSpec(
            EventPage,
            "event-kickoff",
            shared={
                "start": rome(2025, 10, 16, 9, 30),
                "end": rome(2025, 10, 17, 13, 0),
                "address": "Torino",
            },
            texts=texts(
                title=tri(
                    "Kick-off meeting di DigiVillae",
                    "Réunion de lancement de DigiVillae",
                    "DigiVillae kick-off meeting",
                ),
                slug=tri("kick-off-meeting", "reunion-de-lancement", "kick-off-meeting"),
                venue_name=tri(
                    "Fondazione Piemonte Innova",
                    "Fondazione Piemonte Innova",
                    "Fondazione Piemonte Innova",
                ),
                summary=tri(
                    "Due giornate a Torino per avviare il progetto con tutti i partner.",
                    "Deux journées à Turin pour lancer le projet avec tous les partenaires.",
                    "Two days in Turin to launch the project with all the partners.",
                ),
            ),
            children={"territory_links": every_territory},
        ),
        PageSpec(
            EventPage,
            "event-online",
            shared={"start": rome(2025, 11, 27, 10, 0), "end": rome(2025, 11, 27, 12, 0)},
            texts=texts(
                title=tri(
                    "Incontro di progetto online",
                    "Réunion de projet en ligne",
                    "Online project meeting",
                ),
                slug=tri("incontro-online", "reunion-en-ligne", "online-meeting"),
                venue_name=tri(
                    "Videoconferenza riservata ai partner",
                    "Visioconférence réservée aux partenaires",
                    "Video conference for partners",
                ),
                summary=tri(
                    "Il coordinamento prosegue online per preparare l'avvio delle attività pilota.",
                    "La coordination se poursuit en ligne pour préparer le lancement des "
                    "activités pilotes.",
                    "Coordination continues online to prepare the start of the pilot activities.",
                ),
            ),
        ),
        PageSpec(
            EventPage,
            "event-workshop-fossano",
            shared={
                "start": rome(2027, 2, 18, 17, 30),
                "end": rome(2027, 2, 18, 19, 30),
                "address": "Fossano (CN)",
                "takes_registrations": True,
                "capacity": 12,
            },
            texts=texts(
                title=tri(
                    "Laboratorio dei bisogni al polo locale di Fossano",
                    "Atelier des besoins au pôle local de Fossano",
                    "Needs workshop at the Fossano local hub",
                ),
                slug=tri(
                    "laboratorio-bisogni-fossano",
                    "atelier-besoins-fossano",
                    "needs-workshop-fossano",
                ),
                venue_name=tri(
                    "Polo locale dell'Unione del Fossanese",
                    "Pôle local de l'Unione del Fossanese",
                    "Unione del Fossanese local hub",
                ),
                summary=tri(
                    "Residenti, comuni e imprese raccolgono insieme i bisogni del territorio "
                    "che diventeranno sfide d'innovazione. Posti limitati: iscriviti qui.",
                    "Habitants, communes et entreprises recueillent ensemble les besoins du "
                    "territoire qui deviendront des défis d'innovation. Places limitées : "
                    "inscrivez-vous ici.",
                    "Residents, municipalities and businesses gather the area's needs that will "
                    "become innovation challenges. Limited places: sign up here.",
                ),
            ),
            children={
                "territory_links": [
                    {
                        "shared": {"territory": territories["territory-fossanese"]},
                        "it": {},
                        "fr": {},
                        "en": {},
                    }
                ]
            },
        ),
        PageSpec(
            EventPage,
            "event-steering",
            shared={
                "start": rome(2027, 1, 28, 10, 0),
                "end": rome(2027, 1, 28, 16, 0),
                "address": "Pont-Saint-Martin (AO)",
            },
            texts=texts(
                title=tri("Comitato di pilotaggio", "Comité de pilotage", "Steering committee"),
                slug=tri("comitato-di-pilotaggio", "comite-de-pilotage", "steering-committee"),
                venue_name=tri(
                    "Unité des Communes valdôtaines Mont-Rose",
                    "Unité des Communes valdôtaines Mont-Rose",
                    "Unité des Communes valdôtaines Mont-Rose",
                ),
                summary=tri(
                    "I partner fanno il punto sui territori pilota e sulle prossime sfide "
                    "d'innovazione.",
                    "Les partenaires font le point sur les territoires pilotes et les prochains "
                    "défis d'innovation.",
                    "The partners review the pilot territories and the next innovation challenges.",
                ),
            ),
            children={
                "territory_links": [
                    {
                        "shared": {"territory": territories["territory-montrose"]},
                        "it": {},
                        "fr": {},
                        "en": {},
                    }
                ]
            },
        ),
    ]

"""Italian and French translations of the interface strings, keyed by the English msgid.

`python locale/translations.py` fills locale/{it,fr,en}/LC_MESSAGES/django.po after
`make messages`; English msgstrs repeat the msgid. A missing key fails loudly, so a new string
cannot slip through untranslated (the test suite checks the catalogues too).
"""

import sys
from pathlib import Path

import polib

T = {
    "Portal core": ("Nucleo del portale", "Noyau du portail"),
    "Heading text": ("Testo del titolo", "Texte du titre"),
    "Level": ("Livello", "Niveau"),
    "Section heading": ("Titolo di sezione", "Titre de section"),
    "Subsection heading": ("Titolo di sottosezione", "Titre de sous-section"),
    "Heading": ("Titolo", "Titre"),
    "A heading that structures the page for readers and screen readers.": (
        "Un titolo che struttura la pagina per chi legge e per i lettori di schermo.",
        "Un titre qui structure la page pour les lecteurs et les lecteurs d'écran.",
    ),
    "Image": ("Immagine", "Image"),
    "Caption": ("Didascalia", "Légende"),
    "An image with alternative text and an optional caption.": (
        "Un'immagine con testo alternativo e una didascalia facoltativa.",
        "Une image avec un texte alternatif et une légende facultative.",
    ),
    "Quote": ("Citazione", "Citation"),
    "Attribution": ("Fonte", "Source"),
    "A highlighted quotation with its source.": (
        "Una citazione in evidenza con la sua fonte.",
        "Une citation mise en valeur avec sa source.",
    ),
    "Document": ("Documento", "Document"),
    "Link text": ("Testo del link", "Texte du lien"),
    "Leave empty to use the document title.": (
        "Lascia vuoto per usare il titolo del documento.",
        "Laissez vide pour utiliser le titre du document.",
    ),
    "Document link": ("Link a documento", "Lien vers un document"),
    "A link to download a document, with its format and size.": (
        "Un link per scaricare un documento, con formato e dimensione.",
        "Un lien pour télécharger un document, avec son format et sa taille.",
    ),
    "Title": ("Titolo", "Titre"),
    "Text": ("Testo", "Texte"),
    "Button label": ("Testo del pulsante", "Texte du bouton"),
    "Page": ("Pagina", "Page"),
    "External link": ("Link esterno", "Lien externe"),
    "Call to action": ("Invito all'azione", "Appel à l'action"),
    "A highlighted box inviting readers to take one action.": (
        "Un riquadro in evidenza che invita a compiere un'azione.",
        "Un encadré mis en valeur qui invite à accomplir une action.",
    ),
    "Choose either a page or an external link.": (
        "Scegli una pagina oppure un link esterno, non entrambi.",
        "Choisissez soit une page, soit un lien externe.",
    ),
    "Paragraph": ("Paragrafo", "Paragraphe"),
    "Rich text: paragraphs, lists and links.": (
        "Testo formattato: paragrafi, elenchi e link.",
        "Texte mis en forme : paragraphes, listes et liens.",
    ),
    "Embedded media": ("Contenuto incorporato", "Média intégré"),
    "A video or other media from a URL (YouTube, Vimeo…).": (
        "Un video o altro contenuto da un indirizzo web (YouTube, Vimeo…).",
        "Une vidéo ou un autre média depuis une adresse web (YouTube, Vimeo…).",
    ),
    "Demo site ready at %(url)s (%(count)d pages or translations created).": (
        "Sito dimostrativo pronto su %(url)s (%(count)d pagine o traduzioni create).",
        "Site de démonstration prêt sur %(url)s (%(count)d pages ou traductions créées).",
    ),
    "alternative text": ("testo alternativo", "texte alternatif"),
    "Describe what the image shows for people who cannot see it.": (
        "Descrivi che cosa mostra l'immagine per chi non può vederla.",
        "Décrivez ce que montre l'image pour les personnes qui ne peuvent pas la voir.",
    ),
    "listing summary": ("sintesi per gli elenchi", "résumé pour les listes"),
    "Short text shown in listings, search results and link previews.": (
        "Breve testo mostrato negli elenchi, nei risultati di ricerca e nelle anteprime.",
        "Texte court affiché dans les listes, les résultats de recherche et les aperçus.",
    ),
    "social sharing image": ("immagine per la condivisione", "image de partage"),
    "Shown when the page is shared on social networks.": (
        "Mostrata quando la pagina viene condivisa sui social network.",
        "Affichée lorsque la page est partagée sur les réseaux sociaux.",
    ),
    "Common page configuration": (
        "Configurazione comune della pagina",
        "Configuration commune de la page",
    ),
    "contact e-mail": ("e-mail di contatto", "adresse e-mail de contact"),
    "The project's institutional address shown in the footer.": (
        "L'indirizzo istituzionale del progetto mostrato a piè di pagina.",
        "L'adresse institutionnelle du projet affichée en pied de page.",
    ),
    "Facebook": ("Facebook", "Facebook"),
    "LinkedIn": ("LinkedIn", "LinkedIn"),
    "Instagram": ("Instagram", "Instagram"),
    "YouTube": ("YouTube", "YouTube"),
    "programme website": ("sito del programma", "site du programme"),
    "Link to the Interreg ALCOTRA programme.": (
        "Link al programma Interreg ALCOTRA.",
        "Lien vers le programme Interreg ALCOTRA.",
    ),
    "accessibility statement": ("dichiarazione di accessibilità", "déclaration d'accessibilité"),
    "privacy notice": ("informativa sulla privacy", "politique de confidentialité"),
    "Social networks": ("Social network", "Réseaux sociaux"),
    "Footer pages": ("Pagine a piè di pagina", "Pages du pied de page"),
    "site settings": ("impostazioni del sito", "paramètres du site"),
    "Pages": ("Pagine", "Pages"),
    "Previous": ("Precedente", "Précédent"),
    "Page %(number)s of %(total)s": (
        "Pagina %(number)s di %(total)s",
        "Page %(number)s sur %(total)s",
    ),
    "Next": ("Successiva", "Suivant"),
    "Search results for “%(search_query)s”": (
        "Risultati per «%(search_query)s»",
        "Résultats pour « %(search_query)s »",
    ),
    "Search": ("Cerca", "Rechercher"),
    "Search the site": ("Cerca nel sito", "Rechercher sur le site"),
    "%(counter)s result": (
        ("%(counter)s risultato", "%(counter)s risultati"),
        ("%(counter)s résultat", "%(counter)s résultats"),
    ),
    "No page matches your search. Try other words.": (
        "Nessuna pagina corrisponde alla ricerca. Prova con altre parole.",
        "Aucune page ne correspond à votre recherche. Essayez d'autres mots.",
    ),
    "Your search is too long: use at most %(max)d characters.": (
        "La ricerca è troppo lunga: usa al massimo %(max)d caratteri.",
        "Votre recherche est trop longue : utilisez au plus %(max)d caractères.",
    ),
    "Events": ("Eventi", "Événements"),
    "introduction": ("introduzione", "introduction"),
    "events index page": ("pagina indice degli eventi", "page d'index des événements"),
    "start": ("inizio", "début"),
    "Date and time in Italian time.": ("Data e ora italiana.", "Date et heure d'Italie."),
    "end": ("fine", "fin"),
    "venue": ("luogo", "lieu"),
    "address": ("indirizzo", "adresse"),
    "online meeting link": ("link alla riunione online", "lien de la réunion en ligne"),
    "registration link": ("link di iscrizione", "lien d'inscription"),
    "summary": ("sintesi", "résumé"),
    "body": ("corpo", "corps"),
    "When": ("Quando", "Quand"),
    "Where": ("Dove", "Où"),
    "Pilot territories": ("Territori pilota", "Territoires pilotes"),
    "Territory": ("Territorio", "Territoire"),
    "event page": ("pagina evento", "page d'événement"),
    "event pages": ("pagine evento", "pages d'événement"),
    "The end must come after the start.": (
        "La fine deve seguire l'inizio.",
        "La fin doit suivre le début.",
    ),
    "Give a venue, an address or an online meeting link.": (
        "Indica un luogo, un indirizzo o un link alla riunione online.",
        "Indiquez un lieu, une adresse ou un lien de réunion en ligne.",
    ),
    "Subscribe to the calendar of upcoming events (iCalendar)": (
        "Abbonati al calendario dei prossimi eventi (iCalendar)",
        "S'abonner au calendrier des prochains événements (iCalendar)",
    ),
    "Upcoming events": ("Prossimi eventi", "Événements à venir"),
    "No upcoming events at the moment.": (
        "Nessun evento in programma al momento.",
        "Aucun événement prévu pour le moment.",
    ),
    "Past events": ("Eventi passati", "Événements passés"),
    "No past events.": ("Nessun evento passato.", "Aucun événement passé."),
    "This event has taken place.": (
        "Questo evento si è già svolto.",
        "Cet événement a déjà eu lieu.",
    ),
    "Starts": ("Inizio", "Début"),
    "Ends": ("Fine", "Fin"),
    "Time zone": ("Fuso orario", "Fuseau horaire"),
    "Italian time (Europe/Rome)": ("Ora italiana (Europe/Rome)", "Heure d'Italie (Europe/Rome)"),
    "Venue": ("Luogo", "Lieu"),
    "Online": ("Online", "En ligne"),
    "Join the online meeting": ("Partecipa alla riunione online", "Rejoindre la réunion en ligne"),
    "Register": ("Iscriviti", "S'inscrire"),
    "Add to my calendar (.ics)": (
        "Aggiungi al mio calendario (.ics)",
        "Ajouter à mon agenda (.ics)",
    ),
    "Home and project pages": (
        "Home page e pagine di progetto",
        "Page d'accueil et pages du projet",
    ),
    "hero title": ("titolo principale", "titre principal"),
    "hero image": ("immagine principale", "image principale"),
    "hero image alternative text": (
        "testo alternativo dell'immagine principale",
        "texte alternatif de l'image principale",
    ),
    "Describe the image in this page's language; leave empty to use the image's own text.": (
        "Descrivi l'immagine nella lingua di questa pagina; lascia vuoto per usare il testo "
        "dell'immagine.",
        "Décrivez l'image dans la langue de cette page ; laissez vide pour utiliser le texte "
        "de l'image.",
    ),
    "participation heading": ("titolo della partecipazione", "titre de la participation"),
    "participation text": ("testo della partecipazione", "texte de la participation"),
    "Invites residents to take part; open surveys and calls are listed below it.": (
        "Invita i residenti a partecipare; sotto sono elencati questionari e bandi aperti.",
        "Invite les habitants à participer ; les enquêtes et appels ouverts sont listés "
        "en dessous.",
    ),
    "Open participation": ("Partecipazione aperta", "Participation ouverte"),
    "home page": ("home page", "page d'accueil"),
    "standard page": ("pagina standard", "page standard"),
    "Latest news": ("Ultime notizie", "Dernières actualités"),
    "All news": ("Tutte le notizie", "Toutes les actualités"),
    "No news yet.": ("Ancora nessuna notizia.", "Pas encore d'actualités."),
    "All events": ("Tutti gli eventi", "Tous les événements"),
    "Map of the territories": ("Mappa dei territori", "Carte des territoires"),
    "Take part": ("Partecipa", "Participez"),
    "News": ("Notizie", "Actualités"),
    "DigiVillae — %(section)s": ("DigiVillae — %(section)s", "DigiVillae — %(section)s"),
    "News from the DigiVillae project": (
        "Notizie dal progetto DigiVillae",
        "Actualités du projet DigiVillae",
    ),
    "news index page": ("pagina indice delle notizie", "page d'index des actualités"),
    "date": ("data", "date"),
    "lead image": ("immagine principale", "image principale"),
    "lead image alternative text": (
        "testo alternativo dell'immagine principale",
        "texte alternatif de l'image principale",
    ),
    "One or two sentences shown in listings.": (
        "Una o due frasi mostrate negli elenchi.",
        "Une ou deux phrases affichées dans les listes.",
    ),
    "tags": ("etichette", "mots-clés"),
    "news page": ("pagina notizia", "page d'actualité"),
    "news pages": ("pagine notizia", "pages d'actualité"),
    "Follow the news:": ("Segui le notizie:", "Suivre les actualités :"),
    "Filter by tag": ("Filtra per etichetta", "Filtrer par mot-clé"),
    "All": ("Tutte", "Toutes"),
    "No news matches this filter.": (
        "Nessuna notizia corrisponde a questo filtro.",
        "Aucune actualité ne correspond à ce filtre.",
    ),
    "Pilot territories:": ("Territori pilota:", "Territoires pilotes :"),
    "Tags:": ("Etichette:", "Mots-clés :"),
    "Participation": ("Partecipazione", "Participation"),
    "Partners": ("Partner", "Partenaires"),
    "partners index page": ("pagina indice dei partner", "page d'index des partenaires"),
    "Lead partner": ("Capofila", "Chef de file"),
    "Partner": ("Partner", "Partenaire"),
    "Associated partner": ("Partner associato", "Partenaire associé"),
    "Italy": ("Italia", "Italie"),
    "France": ("Francia", "France"),
    "organisation's full name": (
        "nome completo dell'organizzazione",
        "nom complet de l'organisation",
    ),
    "The official name; the page title may be a shorter form.": (
        "Il nome ufficiale; il titolo della pagina può esserne una forma breve.",
        "Le nom officiel ; le titre de la page peut en être une forme courte.",
    ),
    "country": ("paese", "pays"),
    "role": ("ruolo", "rôle"),
    "logo": ("logo", "logo"),
    "website": ("sito web", "site web"),
    "description": ("descrizione", "description"),
    "Territories it works in": ("Territori in cui opera", "Territoires où il intervient"),
    "partner page": ("pagina partner", "page partenaire"),
    "Logo": ("Logo", "Logo"),
    "Organisation": ("Organizzazione", "Organisation"),
    "Country": ("Paese", "Pays"),
    "Role in the project": ("Ruolo nel progetto", "Rôle dans le projet"),
    "Website": ("Sito web", "Site web"),
    "pilot territory": ("territorio pilota", "territoire pilote"),
    "pilot territories index page": (
        "pagina indice dei territori pilota",
        "page d'index des territoires pilotes",
    ),
    "name": ("nome", "nom"),
    "opening hours": ("orari di apertura", "horaires d'ouverture"),
    "contact": ("contatto", "contact"),
    "An office's address or web page; never an individual's phone or e-mail.": (
        "L'indirizzo o la pagina web di un ufficio; mai telefono o e-mail di una persona.",
        "L'adresse ou la page web d'un bureau ; jamais le téléphone ou l'e-mail d'une personne.",
    ),
    "local hub": ("hub locale", "pôle local"),
    "local hubs": ("hub locali", "pôles locaux"),
    "region": ("regione", "région"),
    "municipalities": ("comuni", "communes"),
    "One per line.": ("Uno per riga.", "Une par ligne."),
    "population": ("popolazione", "population"),
    "latitude": ("latitudine", "latitude"),
    "longitude": ("longitudine", "longitude"),
    "partner running the pilot": (
        "partner che gestisce il pilota",
        "partenaire qui conduit le pilote",
    ),
    "Map position": ("Posizione sulla mappa", "Position sur la carte"),
    "Local hub": ("Hub locale", "Pôle local"),
    "Local hubs": ("Hub locali", "Pôles locaux"),
    "pilot territory page": ("pagina territorio pilota", "page de territoire pilote"),
    "Map": ("Mappa", "Carte"),
    "Map of the pilot territories": ("Mappa dei territori pilota", "Carte des territoires pilotes"),
    "The map needs JavaScript; the list of territories gives the same information.": (
        "La mappa richiede JavaScript; l'elenco dei territori contiene le stesse informazioni.",
        "La carte nécessite JavaScript ; la liste des territoires donne les mêmes informations.",
    ),
    "All territories": ("Tutti i territori", "Tous les territoires"),
    "%(population)s inhabitants": ("%(population)s abitanti", "%(population)s habitants"),
    "Region": ("Regione", "Région"),
    "Population": ("Popolazione", "Population"),
    "Partner running the pilot": (
        "Partner che gestisce il pilota",
        "Partenaire qui conduit le pilote",
    ),
    "Coordinates": ("Coordinate", "Coordonnées"),
    "Municipalities": ("Comuni", "Communes"),
    "Address": ("Indirizzo", "Adresse"),
    "Opening hours": ("Orari di apertura", "Horaires d'ouverture"),
    "Contact": ("Contatti", "Contact"),
    "News from this territory": ("Notizie da questo territorio", "Actualités de ce territoire"),
    "No news for this territory yet.": (
        "Ancora nessuna notizia per questo territorio.",
        "Pas encore d'actualités pour ce territoire.",
    ),
    "Upcoming events in this territory": (
        "Prossimi eventi in questo territorio",
        "Prochains événements dans ce territoire",
    ),
    "No upcoming events in this territory.": (
        "Nessun evento in programma in questo territorio.",
        "Aucun événement prévu dans ce territoire.",
    ),
    "Interreg VI-A Italy–France ALCOTRA 2021–2027": (
        "Interreg VI-A Italia–Francia ALCOTRA 2021–2027",
        "Interreg VI-A France–Italie ALCOTRA 2021–2027",
    ),
    "Page not found": ("Pagina non trovata", "Page introuvable"),
    "The page you asked for does not exist or has been moved.": (
        "La pagina richiesta non esiste o è stata spostata.",
        "La page demandée n'existe pas ou a été déplacée.",
    ),
    "Go to the home page": ("Vai alla home page", "Aller à la page d'accueil"),
    "Something went wrong": ("Qualcosa è andato storto", "Une erreur s'est produite"),
    "An error occurred on our side. Please try again in a few minutes.": (
        "Si è verificato un errore da parte nostra. Riprova tra qualche minuto.",
        "Une erreur s'est produite de notre côté. Veuillez réessayer dans quelques minutes.",
    ),
    "Skip to main content": ("Vai al contenuto principale", "Aller au contenu principal"),
    "Smart Villages across the Alps": ("Smart Village nelle Alpi", "Smart Villages dans les Alpes"),
    "Breadcrumb": ("Percorso di navigazione", "Fil d'Ariane"),
    "Funding": ("Finanziamento", "Financement"),
    "Flag of the European Union": ("Bandiera dell'Unione europea", "Drapeau de l'Union européenne"),
    "Co-funded by the European Union": (
        "Cofinanziato dall'Unione europea",
        "Cofinancé par l'Union européenne",
    ),
    "DigiVillae is co-funded by the European Regional Development Fund through the Interreg "
    "VI-A Italy–France ALCOTRA programme. The views expressed are those of the authors only.": (
        "DigiVillae è cofinanziato dal Fondo europeo di sviluppo regionale attraverso il "
        "programma Interreg VI-A Italia–Francia ALCOTRA. Le opinioni espresse sono "
        "esclusivamente quelle degli autori.",
        "DigiVillae est cofinancé par le Fonds européen de développement régional dans le cadre "
        "du programme Interreg VI-A France–Italie ALCOTRA. Les opinions exprimées n'engagent que "
        "leurs auteurs.",
    ),
    "Legal information": ("Informazioni legali", "Informations légales"),
    "Information": ("Informazioni", "Informations"),
    "Sitemap": ("Mappa del sito", "Plan du site"),
    "Choose language": ("Scegli la lingua", "Choisir la langue"),
    "Main menu": ("Menu principale", "Menu principal"),
    "%(counter)s answer": (
        ("%(counter)s risposta", "%(counter)s risposte"),
        ("%(counter)s réponse", "%(counter)s réponses"),
    ),
    "%(counter)s person answered, in all languages.": (
        (
            "%(counter)s persona ha risposto, in tutte le lingue.",
            "%(counter)s persone hanno risposto, in tutte le lingue.",
        ),
        (
            "%(counter)s personne a répondu, toutes langues confondues.",
            "%(counter)s personnes ont répondu, toutes langues confondues.",
        ),
    ),
    "A new answer was given in %(language)s on %(date)s.": (
        "È arrivata una nuova risposta in %(language)s il %(date)s.",
        "Une nouvelle réponse a été donnée en %(language)s le %(date)s.",
    ),
    "All surveys and their results": (
        "Tutti i questionari e i risultati",
        "Toutes les enquêtes et leurs résultats",
    ),
    "Answer": ("Risposta", "Réponse"),
    "Back to the surveys": ("Torna ai questionari", "Retour aux enquêtes"),
    "Charts of the answers appear on the page once the survey has closed.": (
        "I grafici delle risposte compaiono sulla pagina alla chiusura del questionario.",
        "Les graphiques des réponses apparaissent sur la page à la clôture de l'enquête.",
    ),
    "Closed": ("Chiuso", "Clôturée"),
    "Closed surveys": ("Questionari chiusi", "Enquêtes clôturées"),
    "Coming soon": ("Prossimamente", "Bientôt"),
    "Count": ("Numero", "Nombre"),
    "Free-text answers": ("Risposte libere", "Réponses libres"),
    "If I give personal data, I agree that it is used for this survey as described in the privacy notice.": (
        "Se fornisco dati personali, acconsento al loro uso per questo questionario come "
        "descritto nell'informativa sulla privacy.",
        "Si je fournis des données personnelles, j'accepte leur utilisation pour cette enquête "
        "comme décrit dans la politique de confidentialité.",
    ),
    "Leave this field empty": ("Lascia vuoto questo campo", "Laissez ce champ vide"),
    "New answer to “%(survey)s”": (
        "Nuova risposta a «%(survey)s»",
        "Nouvelle réponse à « %(survey)s »",
    ),
    "No": ("No", "Non"),
    "Yes": ("Sì", "Oui"),
    "No survey is open at the moment.": (
        "Nessun questionario è aperto al momento.",
        "Aucune enquête n'est ouverte pour le moment.",
    ),
    "Open": ("Apertura", "Ouverture"),
    "Open from %(opens)s to %(closes)s (Italian time).": (
        "Aperto dal %(opens)s al %(closes)s (ora italiana).",
        "Ouverte du %(opens)s au %(closes)s (heure d'Italie).",
    ),
    "Open surveys": ("Questionari aperti", "Enquêtes ouvertes"),
    "Open until %(closes)s": ("Aperto fino al %(closes)s", "Ouverte jusqu'au %(closes)s"),
    "open until %(closes)s": ("aperto fino al %(closes)s", "ouverte jusqu'au %(closes)s"),
    "Opens on %(opens)s": ("Apre il %(opens)s", "Ouvre le %(opens)s"),
    "Optional: the survey owner's address, to receive a notice per answer.": (
        "Facoltativo: l'indirizzo del responsabile del questionario, per ricevere un avviso a "
        "ogni risposta.",
        "Facultatif : l'adresse du responsable de l'enquête, pour recevoir un avis à chaque "
        "réponse.",
    ),
    "Percentage": ("Percentuale", "Pourcentage"),
    "Personal answers are erased this many days after they were given.": (
        "Le risposte personali vengono cancellate dopo questo numero di giorni.",
        "Les réponses personnelles sont effacées après ce nombre de jours.",
    ),
    "Please correct the answers marked below.": (
        "Correggi le risposte segnalate qui sotto.",
        "Veuillez corriger les réponses signalées ci-dessous.",
    ),
    "Please give your consent to send personal data.": (
        "Per inviare dati personali devi dare il tuo consenso.",
        "Pour envoyer des données personnelles, vous devez donner votre consentement.",
    ),
    "Questions": ("Domande", "Questions"),
    "Rating from 1 to 5": ("Valutazione da 1 a 5", "Note de 1 à 5"),
    "Read the privacy notice": (
        "Leggi l'informativa sulla privacy",
        "Lire la politique de confidentialité",
    ),
    "Results": ("Risultati", "Résultats"),
    "Results and personal data": (
        "Risultati e dati personali",
        "Résultats et données personnelles",
    ),
    "Results available": ("Risultati disponibili", "Résultats disponibles"),
    "Send my answers": ("Invia le mie risposte", "Envoyer mes réponses"),
    "Thank you!": ("Grazie!", "Merci !"),
    "The survey must close after it opens.": (
        "Il questionario deve chiudere dopo l'apertura.",
        "L'enquête doit se clôturer après son ouverture.",
    ),
    "Themes": ("Temi", "Thèmes"),
    "This survey is closed and no longer accepts answers.": (
        "Questo questionario è chiuso e non accetta più risposte.",
        "Cette enquête est clôturée et n'accepte plus de réponses.",
    ),
    "This survey is not accepting answers: nothing was saved.": (
        "Questo questionario non accetta risposte: non è stato salvato nulla.",
        "Cette enquête n'accepte pas de réponses : rien n'a été enregistré.",
    ),
    "This survey opens on %(opens)s.": (
        "Questo questionario apre il %(opens)s.",
        "Cette enquête ouvre le %(opens)s.",
    ),
    "Tick for names, phone numbers or addresses: these answers are erased after the retention period and never published. E-mail questions always count as personal.": (
        "Spunta per nomi, numeri di telefono o indirizzi: queste risposte vengono cancellate "
        "dopo il periodo di conservazione e mai pubblicate. Le domande e-mail sono sempre "
        "personali.",
        "Cochez pour les noms, numéros de téléphone ou adresses : ces réponses sont effacées "
        "après la durée de conservation et jamais publiées. Les questions e-mail sont toujours "
        "personnelles.",
    ),
    "Too many answers have come from your connection in the last hour. Nothing was saved: please try again later.": (
        "Nell'ultima ora sono arrivate troppe risposte dalla tua connessione. Non è stato "
        "salvato nulla: riprova più tardi.",
        "Trop de réponses sont venues de votre connexion au cours de la dernière heure. Rien "
        "n'a été enregistré : veuillez réessayer plus tard.",
    ),
    "Which pilot territory": ("Quale territorio pilota", "Quel territoire pilote"),
    "Which theme": ("Quale tema", "Quel thème"),
    "Your answer looks automated and was not saved. If you are a person, leave the “Leave this field empty” box empty and send the form again.": (
        "La tua risposta sembra automatica e non è stata salvata. Se sei una persona, lascia "
        "vuoto il campo «Lascia vuoto questo campo» e invia di nuovo il modulo.",
        "Votre réponse semble automatique et n'a pas été enregistrée. Si vous êtes une "
        "personne, laissez vide le champ « Laissez ce champ vide » et renvoyez le formulaire.",
    ),
    "asks for personal data": ("chiede dati personali", "demande des données personnelles"),
    "average": ("media", "moyenne"),
    "closes at": ("chiude il", "se clôture le"),
    "field type": ("tipo di campo", "type de champ"),
    "language": ("lingua", "langue"),
    "opens at": ("apre il", "ouvre le"),
    "personal data": ("dati personali", "données personnelles"),
    "personal data erased at": ("dati personali cancellati il", "données personnelles effacées le"),
    "publish results": ("pubblica i risultati", "publier les résultats"),
    "question": ("domanda", "question"),
    "questions": ("domande", "questions"),
    "required": ("obbligatorio", "obligatoire"),
    "respondent's e-mail": ("e-mail di chi risponde", "e-mail du répondant"),
    "retention of personal data (days)": (
        "conservazione dei dati personali (giorni)",
        "conservation des données personnelles (jours)",
    ),
    "send each answer to": ("invia ogni risposta a", "envoyer chaque réponse à"),
    "submission token": ("codice di invio", "jeton d'envoi"),
    "survey answer": ("risposta al questionario", "réponse à l'enquête"),
    "survey answers": ("risposte al questionario", "réponses à l'enquête"),
    "survey page": ("pagina questionario", "page d'enquête"),
    "surveys index page": ("pagina indice dei questionari", "page d'index des enquêtes"),
    "territory": ("territorio", "territoire"),
    "thank-you text": ("testo di ringraziamento", "texte de remerciement"),
    "theme": ("tema", "thème"),
    "themes": ("temi", "thèmes"),
    "%(counter)s answer found.": (
        ("%(counter)s risposta trovata.", "%(counter)s risposte trovate."),
        ("%(counter)s réponse trouvée.", "%(counter)s réponses trouvées."),
    ),
    "Actions": ("Azioni", "Actions"),
    "Answers": ("Risposte", "Réponses"),
    "Answers (all languages)": ("Risposte (tutte le lingue)", "Réponses (toutes langues)"),
    "Download CSV": ("Scarica CSV", "Télécharger CSV"),
    "Download XLSX": ("Scarica XLSX", "Télécharger XLSX"),
    "Erase this person's personal data": (
        "Cancella i dati personali di questa persona",
        "Effacer les données personnelles de cette personne",
    ),
    "Export this person's answers (CSV)": (
        "Esporta le risposte di questa persona (CSV)",
        "Exporter les réponses de cette personne (CSV)",
    ),
    "Filter": ("Filtra", "Filtrer"),
    "Filter the answers": ("Filtra le risposte", "Filtrer les réponses"),
    "Find": ("Cerca", "Chercher"),
    "Find a respondent's data": (
        "Trova i dati di una persona",
        "Trouver les données d'une personne",
    ),
    "From": ("Dal", "Du"),
    "To": ("Al", "Au"),
    "Language": ("Lingua", "Langue"),
    "No survey yet.": ("Ancora nessun questionario.", "Pas encore d'enquête."),
    "Personal data erased from %(count)d answer(s).": (
        "Dati personali cancellati da %(count)d risposta/e.",
        "Données personnelles effacées de %(count)d réponse(s).",
    ),
    "Respondent's data": ("Dati di una persona", "Données d'une personne"),
    "Respondent's e-mail": ("E-mail della persona", "E-mail de la personne"),
    "See the answers one by one": ("Vedi le risposte una per una", "Voir les réponses une par une"),
    "Submission date": ("Data di invio", "Date d'envoi"),
    "Survey": ("Questionario", "Enquête"),
    "Survey results": ("Risultati dei questionari", "Résultats des enquêtes"),
    "Surveys": ("Questionari", "Enquêtes"),
    "The end date must not be before the start date.": (
        "La data di fine non può precedere la data di inizio.",
        "La date de fin ne peut pas précéder la date de début.",
    ),
    "%(counter)s need": (
        ("%(counter)s bisogno", "%(counter)s bisogni"),
        ("%(counter)s besoin", "%(counter)s besoins"),
    ),
    "%(counter)s validated need in the public register.": (
        (
            "%(counter)s bisogno validato nel registro pubblico.",
            "%(counter)s bisogni validati nel registro pubblico.",
        ),
        (
            "%(counter)s besoin validé dans le registre public.",
            "%(counter)s besoins validés dans le registre public.",
        ),
    ),
    "Addressed": ("Affrontato", "Traité"),
    "All themes": ("Tutti i temi", "Tous les thèmes"),
    "Create a need from the ticked answers": (
        "Crea un bisogno dalle risposte spuntate",
        "Créer un besoin à partir des réponses cochées",
    ),
    "Filter the needs": ("Filtra i bisogni", "Filtrer les besoins"),
    "Free-text answers: tick those that describe the same need": (
        "Risposte libere: spunta quelle che descrivono lo stesso bisogno",
        "Réponses libres : cochez celles qui décrivent le même besoin",
    ),
    "Local needs": ("Bisogni locali", "Besoins locaux"),
    "Need created from %(count)d answer(s): check its title and theme, then save.": (
        "Bisogno creato da %(count)d risposta/e: controlla titolo e tema, poi salva.",
        "Besoin créé à partir de %(count)d réponse(s) : vérifiez son titre et son thème, puis "
        "enregistrez.",
    ),
    "Needs register": ("Registro dei bisogni", "Registre des besoins"),
    "No validated need matches these filters yet.": (
        "Nessun bisogno validato corrisponde ancora a questi filtri.",
        "Aucun besoin validé ne correspond encore à ces filtres.",
    ),
    "Reported": ("Segnalato", "Signalé"),
    "See the needs of this territory": (
        "Vedi i bisogni di questo territorio",
        "Voir les besoins de ce territoire",
    ),
    "Theme": ("Tema", "Thème"),
    "Tick at least one free-text answer to create a need.": (
        "Spunta almeno una risposta libera per creare un bisogno.",
        "Cochez au moins une réponse libre pour créer un besoin.",
    ),
    "Validated": ("Validato", "Validé"),
    "created at": ("creato il", "créé le"),
    "need": ("bisogno", "besoin"),
    "needs": ("bisogni", "besoins"),
    "needs register page": ("pagina del registro dei bisogni", "page du registre des besoins"),
    "source answers": ("risposte di origine", "réponses d'origine"),
    "source survey": ("questionario di origine", "enquête d'origine"),
    "status": ("stato", "statut"),
    "title": ("titolo", "titre"),
    "updated at": ("aggiornato il", "mis à jour le"),
}


def fill(base: Path) -> list[str]:
    missing = []
    for index, language in enumerate(("it", "fr", "en")):
        path = base / language / "LC_MESSAGES" / "django.po"
        catalogue = polib.pofile(str(path))
        catalogue.metadata_is_fuzzy = False
        catalogue.metadata["Project-Id-Version"] = "DigiVillae portal"
        catalogue.metadata["Content-Type"] = "text/plain; charset=UTF-8"
        catalogue.metadata["Language"] = language
        catalogue.metadata["Plural-Forms"] = (
            "nplurals=2; plural=(n > 1);" if language == "fr" else "nplurals=2; plural=(n != 1);"
        )
        for entry in catalogue:
            if entry.obsolete:
                continue
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            entry.previous_msgid = None
            entry.previous_msgid_plural = None
            entry.previous_msgctxt = None
            if language == "en":
                translation = (
                    (entry.msgid, entry.msgid_plural) if entry.msgid_plural else entry.msgid
                )
            elif entry.msgid in T:
                translation = T[entry.msgid][index]
            else:
                missing.append(entry.msgid)
                continue
            if entry.msgid_plural:
                entry.msgstr_plural = {0: translation[0], 1: translation[1]}
            else:
                entry.msgstr = translation
        catalogue.save(str(path))
    return missing


if __name__ == "__main__":
    missing_ids = fill(Path(__file__).resolve().parent)
    if missing_ids:
        sys.exit("Missing translations:\n" + "\n".join(sorted(set(missing_ids))))

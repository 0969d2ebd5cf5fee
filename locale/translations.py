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
    "%(counter)s confirmed support": (
        ("%(counter)s sostegno confermato", "%(counter)s sostegni confermati"),
        ("%(counter)s soutien confirmé", "%(counter)s soutiens confirmés"),
    ),
    "%(criterion)s (weight %(weight)s) — score from 0 to 5": (
        "%(criterion)s (peso %(weight)s) — punteggio da 0 a 5",
        "%(criterion)s (poids %(weight)s) — note de 0 à 5",
    ),
    "%(percent)s %% of the way to the target": (
        "%(percent)s %% del percorso verso l'obiettivo",
        "%(percent)s %% du chemin vers la cible",
    ),
    "%(status)s · deadline %(date)s": (
        "%(status)s · scadenza %(date)s",
        "%(status)s · échéance %(date)s",
    ),
    "%(value)s %(unit)s on %(date)s (target %(target)s)": (
        "%(value)s %(unit)s al %(date)s (obiettivo %(target)s)",
        "%(value)s %(unit)s au %(date)s (cible %(target)s)",
    ),
    "A draft pilot page is created there, ready to be completed.": (
        "Vi viene creata una bozza di pagina della sperimentazione, da completare.",
        "Un brouillon de page du pilote y est créé, prêt à être complété.",
    ),
    "A draft pilot page was created: complete it and publish it.": (
        "È stata creata una bozza della pagina della sperimentazione: completala e pubblicala.",
        "Un brouillon de page du pilote a été créé : complétez-le et publiez-le.",
    ),
    "A proposal can have at most %(count)d attachments.": (
        "Una proposta può avere al massimo %(count)d allegati.",
        "Une proposition peut avoir au plus %(count)d pièces jointes.",
    ),
    "A receipt has been sent to %(email)s.": (
        "Una ricevuta è stata inviata a %(email)s.",
        "Un accusé de réception a été envoyé à %(email)s.",
    ),
    "A report, photo album or dataset that shows the pilot's results.": (
        "Un rapporto, un album fotografico o un insieme di dati che mostra i risultati.",
        "Un rapport, un album photo ou un jeu de données qui montre les résultats du pilote.",
    ),
    "A running or completed pilot needs a start date.": (
        "Una sperimentazione in corso o conclusa ha bisogno di una data di inizio.",
        "Un pilote en cours ou terminé doit avoir une date de début.",
    ),
    "Actual": ("Effettiva", "Réelle"),
    "Admissible": ("Ammissibile", "Recevable"),
    "Already confirmed": ("Già confermato", "Déjà confirmé"),
    "Another European Union country": (
        "Altro paese dell'Unione europea",
        "Autre pays de l'Union européenne",
    ),
    "Another country": ("Altro paese", "Autre pays"),
    "Association, cooperative or social enterprise": (
        "Associazione, cooperativa o impresa sociale",
        "Association, coopérative ou entreprise sociale",
    ),
    "Attachments": ("Allegati", "Pièces jointes"),
    "Attachments (PDF)": ("Allegati (PDF)", "Pièces jointes (PDF)"),
    "Back": ("Indietro", "Retour"),
    "Back to the call": ("Torna alla sfida", "Retour au défi"),
    "Back to the calls": ("Torna alle sfide", "Retour aux défis"),
    "Budget and support": ("Budget e sostegno", "Budget et soutien"),
    "Budget and support offered": ("Budget e sostegno offerti", "Budget et soutien proposés"),
    "Call": ("Sfida", "Défi"),
    "Call closed": ("Conclusa", "Clôturé"),
    "Calls": ("Sfide", "Défis"),
    "Can decide on proposals and see every call": (
        "Può decidere sulle proposte e vedere tutte le sfide",
        "Peut décider des propositions et voir tous les défis",
    ),
    "Challenge call": ("Sfida", "Défi"),
    "Challenge proposals": ("Proposte alle sfide", "Propositions aux défis"),
    "Change your proposal": ("Modifica la proposta", "Modifier votre proposition"),
    "Check your e-mail": ("Controlla la tua email", "Consultez vos e-mails"),
    "Choose the territory where the pilot will run.": (
        "Scegli il territorio in cui si svolgerà la sperimentazione.",
        "Choisissez le territoire où se déroulera le pilote.",
    ),
    "Choose…": ("Scegli…", "Choisir…"),
    "Citizen supports": ("Sostegni dei cittadini", "Soutiens des citoyens"),
    "Comment on “%(criterion)s”": (
        "Commento su «%(criterion)s»",
        "Commentaire sur « %(criterion)s »",
    ),
    "Company": ("Impresa", "Entreprise"),
    "Completed": ("Conclusa", "Terminé"),
    "Confirm my support": ("Confermo il mio sostegno", "Je confirme mon soutien"),
    "Confirm your support": ("Conferma il tuo sostegno", "Confirmez votre soutien"),
    "Confirm your support for “%(title)s”": (
        "Conferma il tuo sostegno a «%(title)s»",
        "Confirmez votre soutien à « %(title)s »",
    ),
    "Confirmed citizen supports": (
        "Sostegni confermati dei cittadini",
        "Soutiens confirmés des citoyens",
    ),
    "Contact person (not published)": (
        "Persona di contatto (non pubblicata)",
        "Personne de contact (non publiée)",
    ),
    "Context": ("Contesto", "Contexte"),
    "Criterion": ("Criterio", "Critère"),
    "Date": ("Data", "Date"),
    "Deadline: %(deadline)s (Italian time)": (
        "Scadenza: %(deadline)s (ora italiana)",
        "Échéance : %(deadline)s (heure italienne)",
    ),
    "Decision": ("Decisione", "Décision"),
    "Decisions": ("Decisioni", "Décisions"),
    "Demonstrated in a real setting (TRL 7–8)": (
        "Dimostrata in un contesto reale (TRL 7–8)",
        "Démontrée en conditions réelles (TRL 7–8)",
    ),
    "Description": ("Descrizione", "Description"),
    "Documents": ("Documenti", "Documents"),
    "Each evaluator scores each criterion from 0 to 5; the total is the weighted average, out of 100.": (
        "Ogni valutatore assegna a ogni criterio un punteggio da 0 a 5; il totale è la media ponderata, su 100.",
        "Chaque évaluateur note chaque critère de 0 à 5 ; le total est la moyenne pondérée, sur 100.",
    ),
    "End": ("Fine", "Fin"),
    "Enter the VAT, SIRET, P.IVA or registration number as it appears on your documents: 5 to 30 letters and digits.": (
        "Inserisci la partita IVA, il SIRET o il numero di registrazione come appare nei tuoi documenti: da 5 a 30 lettere e cifre.",
        "Saisissez le numéro de TVA, SIRET, P.IVA ou d'immatriculation tel qu'il figure sur vos documents : 5 à 30 lettres et chiffres.",
    ),
    "Estimated cost": ("Costo stimato", "Coût estimé"),
    "Evaluation criteria": ("Criteri di valutazione", "Critères d'évaluation"),
    "Evaluation criteria, their weights and minimum scores": (
        "Criteri di valutazione, pesi e punteggi minimi",
        "Critères d'évaluation, poids et notes minimales",
    ),
    "Evaluation until": ("Valutazione fino al", "Évaluation jusqu'au"),
    "Evaluations": ("Valutazioni", "Évaluations"),
    "Evaluator assignments": ("Assegnazioni dei valutatori", "Affectations des évaluateurs"),
    "Every criterion must be scored.": (
        "Ogni criterio deve avere un punteggio.",
        "Chaque critère doit être noté.",
    ),
    "Evidence": ("Documentazione", "Justificatifs"),
    "Evidence document": ("Documento di prova", "Document justificatif"),
    "Expert score (out of 100)": ("Punteggio degli esperti (su 100)", "Note des experts (sur 100)"),
    "Expert score and citizen support of each shortlisted proposal": (
        "Punteggio degli esperti e sostegno dei cittadini per ogni proposta in lista",
        "Note des experts et soutien des citoyens pour chaque proposition présélectionnée",
    ),
    "Experts are evaluating these proposals. You can support the ones you find useful: your support counts once you confirm it by e-mail.": (
        "Gli esperti stanno valutando queste proposte. Puoi sostenere quelle che ritieni utili: il tuo sostegno conta quando lo confermi via email.",
        "Les experts évaluent ces propositions. Vous pouvez soutenir celles qui vous semblent utiles : votre soutien compte dès que vous le confirmez par e-mail.",
    ),
    "For example: people, hours, %.": (
        "Per esempio: persone, ore, %.",
        "Par exemple : personnes, heures, %.",
    ),
    "Found through the survey “%(survey)s”.": (
        "Emerso dal questionario «%(survey)s».",
        "Issu de l'enquête « %(survey)s ».",
    ),
    "From need to result": ("Dal bisogno al risultato", "Du besoin au résultat"),
    "From this moment the call is closed and expert scores are published.": (
        "Da questo momento la sfida è conclusa e i punteggi degli esperti sono pubblicati.",
        "À partir de ce moment le défi est clôturé et les notes des experts sont publiées.",
    ),
    "Give the reason that will be sent to the applicant.": (
        "Indica la motivazione che sarà inviata al proponente.",
        "Indiquez le motif qui sera envoyé au candidat.",
    ),
    "History": ("Cronologia", "Historique"),
    "How the solution works and how it answers the call. Seen only by evaluators.": (
        "Come funziona la soluzione e come risponde alla sfida. Visibile solo ai valutatori.",
        "Comment fonctionne la solution et comment elle répond au défi. Vue seulement par les évaluateurs.",
    ),
    "How we handle your personal data": (
        "Come trattiamo i tuoi dati personali",
        "Comment nous traitons vos données personnelles",
    ),
    "I agree that the DigiVillae partners process these data to evaluate the proposal, and that the title, public summary and organisation name are published if the proposal is shortlisted.": (
        "Acconsento che i partner di DigiVillae trattino questi dati per valutare la proposta e che titolo, sintesi pubblica e nome dell'organizzazione siano pubblicati se la proposta entra in lista.",
        "J'accepte que les partenaires de DigiVillae traitent ces données pour évaluer la proposition, et que le titre, le résumé public et le nom de l'organisation soient publiés si elle est présélectionnée.",
    ),
    "I declare that I have no conflict of interest with this applicant (no family, financial or professional tie).": (
        "Dichiaro di non avere conflitti di interesse con questo proponente (nessun legame familiare, finanziario o professionale).",
        "Je déclare n'avoir aucun conflit d'intérêts avec ce candidat (aucun lien familial, financier ou professionnel).",
    ),
    "I withdraw this proposal: it will not be evaluated.": (
        "Ritiro questa proposta: non sarà valutata.",
        "Je retire cette proposition : elle ne sera pas évaluée.",
    ),
    "Idea or concept (TRL 1–3)": ("Idea o concetto (TRL 1–3)", "Idée ou concept (TRL 1–3)"),
    "Inadmissible": ("Non ammissibile", "Irrecevable"),
    "Indicator": ("Indicatore", "Indicateur"),
    "Indicator values": ("Valori degli indicatori", "Valeurs des indicateurs"),
    "Indicators": ("Indicatori", "Indicateurs"),
    "Large enterprise (250 people or more)": (
        "Grande impresa (250 persone o più)",
        "Grande entreprise (250 personnes ou plus)",
    ),
    "Last changed on": ("Ultima modifica il", "Dernière modification le"),
    "Local need": ("Bisogno locale", "Besoin local"),
    "Maturity level": ("Livello di maturità", "Niveau de maturité"),
    "Medium-sized enterprise (50 to 249 people)": (
        "Media impresa (da 50 a 249 persone)",
        "Moyenne entreprise (50 à 249 personnes)",
    ),
    "Micro enterprise (fewer than 10 people)": (
        "Microimpresa (meno di 10 persone)",
        "Microentreprise (moins de 10 personnes)",
    ),
    "Milestone": ("Tappa", "Étape"),
    "Milestones": ("Tappe", "Étapes"),
    "Milestones with planned and actual dates": (
        "Tappe con date previste ed effettive",
        "Étapes avec dates prévues et réelles",
    ),
    "Minimum score (0–5)": ("Punteggio minimo (0–5)", "Note minimale (0–5)"),
    "Monaco": ("Monaco", "Monaco"),
    "Need": ("Bisogno", "Besoin"),
    "Needs": ("Bisogni", "Besoins"),
    "Needs answered": ("Bisogni a cui risponde", "Besoins auxquels il répond"),
    "Needs this call answers": (
        "Bisogni a cui risponde la sfida",
        "Besoins auxquels répond le défi",
    ),
    "Needs, calls, selected proposals and pilot indicators, linked step by step, without personal data (licence CC BY 4.0):": (
        "Bisogni, sfide, proposte selezionate e indicatori delle sperimentazioni, collegati passo per passo, senza dati personali (licenza CC BY 4.0):",
        "Besoins, défis, propositions retenues et indicateurs des pilotes, reliés étape par étape, sans données personnelles (licence CC BY 4.0) :",
    ),
    "New status": ("Nuovo stato", "Nouveau statut"),
    "No attachment.": ("Nessun allegato.", "Aucune pièce jointe."),
    "No call to show: you are not assigned to any call yet.": (
        "Nessuna sfida da mostrare: non sei ancora assegnato a nessuna sfida.",
        "Aucun défi à afficher : vous n'êtes encore affecté à aucun défi.",
    ),
    "No challenge call answers it yet.": (
        "Nessuna sfida risponde ancora a questo bisogno.",
        "Aucun défi n'y répond encore.",
    ),
    "No challenge call yet.": ("Ancora nessuna sfida.", "Pas encore de défi."),
    "No indicator defined yet.": (
        "Ancora nessun indicatore.",
        "Aucun indicateur défini pour l'instant.",
    ),
    "No milestone yet.": ("Ancora nessuna tappa.", "Aucune étape pour l'instant."),
    "No need from the register is linked yet.": (
        "Ancora nessun bisogno del registro collegato.",
        "Aucun besoin du registre n'est encore lié.",
    ),
    "No need from the register is linked.": (
        "Nessun bisogno del registro è collegato.",
        "Aucun besoin du registre n'est lié.",
    ),
    "No pilot has started in this territory yet.": (
        "Nessuna sperimentazione è ancora partita in questo territorio.",
        "Aucun pilote n'a encore démarré sur ce territoire.",
    ),
    "No pilot has started yet.": (
        "Nessuna sperimentazione è ancora partita.",
        "Aucun pilote n'a encore démarré.",
    ),
    "No proposal has been shortlisted yet.": (
        "Nessuna proposta è ancora in lista.",
        "Aucune proposition n'est encore présélectionnée.",
    ),
    "No proposal yet.": ("Ancora nessuna proposta.", "Pas encore de proposition."),
    "No question has been asked yet.": (
        "Nessuna domanda per ora.",
        "Aucune question pour l'instant.",
    ),
    "No result has been measured yet.": (
        "Nessun risultato ancora misurato.",
        "Aucun résultat mesuré pour l'instant.",
    ),
    "No value has been measured yet.": (
        "Nessun valore ancora misurato.",
        "Aucune valeur mesurée pour l'instant.",
    ),
    "Not allowed": ("Non consentito", "Non autorisé"),
    "Not selected": ("Non selezionata", "Non retenue"),
    "Note": ("Nota", "Note"),
    "Objectives": ("Obiettivi", "Objectifs"),
    "On the market (TRL 9)": ("Sul mercato (TRL 9)", "Sur le marché (TRL 9)"),
    "Only admissible or shortlisted proposals can be scored.": (
        "Si possono valutare solo le proposte ammissibili o in lista.",
        "Seules les propositions recevables ou présélectionnées peuvent être notées.",
    ),
    "Open data": ("Dati aperti", "Données ouvertes"),
    "Open for proposals": ("Aperta alle proposte", "Ouvert aux propositions"),
    "Opening": ("Apertura", "Ouverture"),
    "Opening soon": ("Apertura prossima", "Ouverture prochaine"),
    "Optional: proposals whose average on this criterion is lower are excluded.": (
        "Facoltativo: le proposte con una media inferiore su questo criterio sono escluse.",
        "Facultatif : les propositions dont la moyenne sur ce critère est inférieure sont exclues.",
    ),
    "Overall comment": ("Commento generale", "Commentaire général"),
    "Pilot": ("Sperimentazione", "Pilote"),
    "Pilot indicators": ("Indicatori delle sperimentazioni", "Indicateurs des pilotes"),
    "Pilot territory (when selecting)": (
        "Territorio della sperimentazione (in caso di selezione)",
        "Territoire du pilote (en cas de sélection)",
    ),
    "Pilots in this territory": (
        "Sperimentazioni in questo territorio",
        "Pilotes sur ce territoire",
    ),
    "Planned": ("Prevista", "Prévue"),
    "Please correct the answers marked below. Nothing was saved.": (
        "Correggi le risposte segnalate qui sotto. Nulla è stato salvato.",
        "Veuillez corriger les réponses signalées ci-dessous. Rien n'a été enregistré.",
    ),
    "Please give your consent, or the proposal cannot be sent.": (
        "Dai il tuo consenso, altrimenti la proposta non può essere inviata.",
        "Veuillez donner votre consentement, sinon la proposition ne peut pas être envoyée.",
    ),
    "Press the button to confirm your support. It counts once per e-mail address.": (
        "Premi il pulsante per confermare il tuo sostegno. Conta una volta per indirizzo email.",
        "Appuyez sur le bouton pour confirmer votre soutien. Il compte une fois par adresse e-mail.",
    ),
    "Proposal": ("Proposta", "Proposition"),
    "Proposal %(reference)s changed": (
        "Proposta %(reference)s modificata",
        "Proposition %(reference)s modifiée",
    ),
    "Proposal %(reference)s received": (
        "Proposta %(reference)s ricevuta",
        "Proposition %(reference)s reçue",
    ),
    "Proposal %(reference)s: %(status)s": (
        "Proposta %(reference)s: %(status)s",
        "Proposition %(reference)s : %(status)s",
    ),
    "Proposal not changed": ("Proposta non modificata", "Proposition non modifiée"),
    "Proposal not sent": ("Proposta non inviata", "Proposition non envoyée"),
    "Proposal received": ("Proposta ricevuta", "Proposition reçue"),
    "Proposal withdrawn": ("Proposta ritirata", "Proposition retirée"),
    "Proposals": ("Proposte", "Propositions"),
    "Proposals are accepted until %(deadline)s (Italian time). Write in Italian, French or English: your texts are shown in the language you write them in.": (
        "Le proposte sono accettate fino al %(deadline)s (ora italiana). Scrivi in italiano, francese o inglese: i tuoi testi sono mostrati nella lingua in cui li scrivi.",
        "Les propositions sont acceptées jusqu'au %(deadline)s (heure italienne). Écrivez en italien, en français ou en anglais : vos textes sont affichés dans la langue où vous les écrivez.",
    ),
    "Proposed solution": ("Soluzione proposta", "Solution proposée"),
    "Prototype tested in the lab (TRL 4–6)": (
        "Prototipo provato in laboratorio (TRL 4–6)",
        "Prototype testé en laboratoire (TRL 4–6)",
    ),
    "Public summary": ("Sintesi pubblica", "Résumé public"),
    "Question": ("Domanda", "Question"),
    "Questions and answers": ("Domande e risposte", "Questions et réponses"),
    "Questions are accepted until %(until)s through the project's contact address; answers are published here for everyone.": (
        "Le domande sono accettate fino al %(until)s tramite l'indirizzo di contatto del progetto; le risposte sono pubblicate qui per tutti.",
        "Les questions sont acceptées jusqu'au %(until)s via l'adresse de contact du projet ; les réponses sont publiées ici pour tous.",
    ),
    "Questions until": ("Domande fino al", "Questions jusqu'au"),
    "Rank": ("Posizione", "Rang"),
    "Ranking: proposals meeting every minimum score come first, by weighted total out of 100.": (
        "Graduatoria: prima le proposte che raggiungono tutti i punteggi minimi, per totale ponderato su 100.",
        "Classement : d'abord les propositions qui atteignent toutes les notes minimales, par total pondéré sur 100.",
    ),
    "Reason, sent to the applicant": (
        "Motivazione, inviata al proponente",
        "Motif, envoyé au candidat",
    ),
    "Reason:": ("Motivazione:", "Motif :"),
    "Received on": ("Ricevuta il", "Reçue le"),
    "Reference": ("Riferimento", "Référence"),
    "Reference: %(reference)s": ("Riferimento: %(reference)s", "Référence : %(reference)s"),
    "Relative weight in the total score, for example 40 for 40 %.": (
        "Peso relativo nel punteggio totale, per esempio 40 per il 40 %.",
        "Poids relatif dans la note totale, par exemple 40 pour 40 %.",
    ),
    "Remove these attachments": ("Elimina questi allegati", "Supprimer ces pièces jointes"),
    "Results cannot be announced before the evaluation ends.": (
        "I risultati non possono essere annunciati prima della fine della valutazione.",
        "Les résultats ne peuvent pas être annoncés avant la fin de l'évaluation.",
    ),
    "Results: expert score and citizen support": (
        "Risultati: punteggio degli esperti e sostegno dei cittadini",
        "Résultats : note des experts et soutien des citoyens",
    ),
    "Running": ("In corso", "En cours"),
    "Save my scores": ("Salva i miei punteggi", "Enregistrer mes notes"),
    "Save the changes": ("Salva le modifiche", "Enregistrer les modifications"),
    "Save the decision": ("Salva la decisione", "Enregistrer la décision"),
    "Score this criterion.": ("Assegna un punteggio a questo criterio.", "Notez ce critère."),
    "Scores go from 0 to 5.": ("I punteggi vanno da 0 a 5.", "Les notes vont de 0 à 5."),
    "Selected": ("Selezionata", "Retenue"),
    "Selected proposals": ("Proposte selezionate", "Propositions retenues"),
    "Send me the confirmation link": (
        "Inviami il link di conferma",
        "Envoyez-moi le lien de confirmation",
    ),
    "Send the proposal": ("Invia la proposta", "Envoyer la proposition"),
    "Shortlisted": ("In lista", "Présélectionnée"),
    "Shortlisted proposals": ("Proposte in lista", "Propositions présélectionnées"),
    "Shown to the public if the proposal is shortlisted. At most 1,000 characters.": (
        "Mostrata al pubblico se la proposta entra in lista. Al massimo 1.000 caratteri.",
        "Affiché au public si la proposition est présélectionnée. 1 000 caractères au plus.",
    ),
    "Small enterprise (10 to 49 people)": (
        "Piccola impresa (da 10 a 49 persone)",
        "Petite entreprise (10 à 49 personnes)",
    ),
    "Someone, hopefully you, asked to support the proposal “%(title)s” on the DigiVillae portal. To confirm, open this link within 7 days:\n\n%(link)s\n\nIf it was not you, ignore this message: nothing will be counted.": (
        "Qualcuno, speriamo tu, ha chiesto di sostenere la proposta «%(title)s» sul portale DigiVillae. Per confermare, apri questo link entro 7 giorni:\n\n%(link)s\n\nSe non sei stato tu, ignora questo messaggio: nulla sarà conteggiato.",
        "Quelqu'un, sans doute vous, a demandé à soutenir la proposition « %(title)s » sur le portail DigiVillae. Pour confirmer, ouvrez ce lien dans les 7 jours :\n\n%(link)s\n\nSi ce n'était pas vous, ignorez ce message : rien ne sera compté.",
    ),
    "Start": ("Inizio", "Début"),
    "Status": ("Stato", "Statut"),
    "Status and dates": ("Stato e date", "Statut et dates"),
    "Submission deadline": ("Scadenza per le proposte", "Date limite des propositions"),
    "Submissions are closed": ("Le proposte sono chiuse", "Les propositions sont closes"),
    "Submit a proposal": ("Invia una proposta", "Soumettre une proposition"),
    "Submitted": ("Inviata", "Envoyée"),
    "Support is open only for shortlisted proposals while the call is being evaluated.": (
        "Il sostegno è aperto solo per le proposte in lista mentre la sfida è in valutazione.",
        "Le soutien n'est ouvert que pour les propositions présélectionnées pendant l'évaluation du défi.",
    ),
    "Support not confirmed": ("Sostegno non confermato", "Soutien non confirmé"),
    "Support not recorded": ("Sostegno non registrato", "Soutien non enregistré"),
    "Support this proposal": ("Sostieni questa proposta", "Soutenir cette proposition"),
    "Suspended": ("Sospesa", "Suspendu"),
    "Switzerland": ("Svizzera", "Suisse"),
    "Thank you": ("Grazie", "Merci"),
    "The confirmation e-mail could not be sent. Nothing was saved: try again later.": (
        "Non è stato possibile inviare l'email di conferma. Nulla è stato salvato: riprova più tardi.",
        "L'e-mail de confirmation n'a pas pu être envoyé. Rien n'a été enregistré : réessayez plus tard.",
    ),
    "The deadline of this call has passed (or the call is not open yet): the proposal was not saved.": (
        "La scadenza di questa sfida è passata (o la sfida non è ancora aperta): la proposta non è stata salvata.",
        "La date limite de ce défi est passée (ou le défi n'est pas encore ouvert) : la proposition n'a pas été enregistrée.",
    ),
    "The decision is saved and the applicant is told why.": (
        "La decisione è salvata e il proponente ne riceve la motivazione.",
        "La décision est enregistrée et le candidat en reçoit le motif.",
    ),
    "The form looks automated and was not saved. Leave the last field empty.": (
        "Il modulo sembra automatico e non è stato salvato. Lascia vuoto l'ultimo campo.",
        "Le formulaire semble automatisé et n'a pas été enregistré. Laissez le dernier champ vide.",
    ),
    "The pilot cannot end before it starts.": (
        "La sperimentazione non può finire prima di cominciare.",
        "Le pilote ne peut pas finir avant de commencer.",
    ),
    "The proposal can no longer be changed: the deadline has passed or it has been withdrawn or evaluated.": (
        "La proposta non può più essere modificata: la scadenza è passata oppure è stata ritirata o valutata.",
        "La proposition ne peut plus être modifiée : la date limite est passée, ou elle a été retirée ou évaluée.",
    ),
    "This call is not accepting proposals: the submission period is over or has not started.": (
        "Questa sfida non accetta proposte: il periodo di invio è finito o non è ancora iniziato.",
        "Ce défi n'accepte pas de propositions : la période de dépôt est terminée ou n'a pas commencé.",
    ),
    "This confirmation link has expired. Ask for a new one from the proposal page.": (
        "Questo link di conferma è scaduto. Chiedine uno nuovo dalla pagina della proposta.",
        "Ce lien de confirmation a expiré. Demandez-en un nouveau depuis la page de la proposition.",
    ),
    "This confirmation link is not valid for this proposal.": (
        "Questo link di conferma non è valido per questa proposta.",
        "Ce lien de confirmation n'est pas valable pour cette proposition.",
    ),
    "This confirmation link is not valid. Copy the whole link from the e-mail.": (
        "Questo link di conferma non è valido. Copia il link completo dall'email.",
        "Ce lien de confirmation n'est pas valable. Copiez le lien entier depuis l'e-mail.",
    ),
    "This date must not be before the previous step of the call.": (
        "Questa data non può precedere la fase precedente della sfida.",
        "Cette date ne peut pas précéder l'étape précédente du défi.",
    ),
    "This decision is not possible at this stage.": (
        "Questa decisione non è possibile in questa fase.",
        "Cette décision n'est pas possible à ce stade.",
    ),
    "This link was already used: your support is counted once.": (
        "Questo link è già stato usato: il tuo sostegno è conteggiato una volta.",
        "Ce lien a déjà été utilisé : votre soutien est compté une fois.",
    ),
    "This proposal can no longer be changed.": (
        "Questa proposta non può più essere modificata.",
        "Cette proposition ne peut plus être modifiée.",
    ),
    "Thresholds": ("Soglie", "Seuils"),
    "Tick the box to confirm that you withdraw it.": (
        "Spunta la casella per confermare il ritiro.",
        "Cochez la case pour confirmer le retrait.",
    ),
    "Timeline": ("Calendario", "Calendrier"),
    "Timeline (Italian time)": ("Calendario (ora italiana)", "Calendrier (heure italienne)"),
    "Timeline of the call, Italian time": (
        "Calendario della sfida, ora italiana",
        "Calendrier du défi, heure italienne",
    ),
    "Times are Italian time (Europe/Rome).": (
        "Gli orari sono in ora italiana (Europe/Rome).",
        "Les heures sont en heure italienne (Europe/Rome).",
    ),
    "Too many changes have come from your connection in the last hour. Nothing was saved: please try again later.": (
        "Troppe modifiche dalla tua connessione nell'ultima ora. Nulla è stato salvato: riprova più tardi.",
        "Trop de modifications depuis votre connexion au cours de la dernière heure. Rien n'a été enregistré : réessayez plus tard.",
    ),
    "Too many proposals have come from your connection in the last hour. Nothing was saved: please try again later.": (
        "Troppe proposte dalla tua connessione nell'ultima ora. Nulla è stato salvato: riprova più tardi.",
        "Trop de propositions depuis votre connexion au cours de la dernière heure. Rien n'a été enregistré : réessayez plus tard.",
    ),
    "Too many support requests have come from your connection in the last hour. Nothing was saved: please try again later.": (
        "Troppe richieste di sostegno dalla tua connessione nell'ultima ora. Nulla è stato salvato: riprova più tardi.",
        "Trop de demandes de soutien depuis votre connexion au cours de la dernière heure. Rien n'a été enregistré : réessayez plus tard.",
    ),
    "Total budget: € %(amount)s": ("Budget totale: € %(amount)s", "Budget total : %(amount)s €"),
    "Under evaluation": ("In valutazione", "En cours d'évaluation"),
    "University or research body": (
        "Università o ente di ricerca",
        "Université ou organisme de recherche",
    ),
    "Unknown dataset: choose one of %(names)s.": (
        "Insieme di dati sconosciuto: scegli tra %(names)s.",
        "Jeu de données inconnu : choisissez parmi %(names)s.",
    ),
    "Unknown language: choose one of %(codes)s.": (
        "Lingua sconosciuta: scegli tra %(codes)s.",
        "Langue inconnue : choisissez parmi %(codes)s.",
    ),
    "Until the deadline (%(deadline)s, Italian time) you can change or withdraw it through this private link; do not share it:\n%(link)s": (
        "Fino alla scadenza (%(deadline)s, ora italiana) puoi modificarla o ritirarla con questo link privato; non condividerlo:\n%(link)s",
        "Jusqu'à la date limite (%(deadline)s, heure italienne) vous pouvez la modifier ou la retirer grâce à ce lien privé ; ne le partagez pas :\n%(link)s",
    ),
    "Until the deadline you can change or withdraw your proposal through this private link. Keep it and do not share it:": (
        "Fino alla scadenza puoi modificare o ritirare la proposta con questo link privato. Conservalo e non condividerlo:",
        "Jusqu'à la date limite vous pouvez modifier ou retirer votre proposition grâce à ce lien privé. Gardez-le et ne le partagez pas :",
    ),
    "Up to 3 PDF files of at most 10 MB each: technical sheet, budget, references.": (
        "Fino a 3 file PDF di al massimo 10 MB ciascuno: scheda tecnica, budget, referenze.",
        "Jusqu'à 3 fichiers PDF de 10 Mo au plus chacun : fiche technique, budget, références.",
    ),
    "VAT, SIRET, P.IVA or registration number": (
        "Partita IVA, SIRET o numero di registrazione",
        "Numéro de TVA, SIRET, P.IVA ou d'immatriculation",
    ),
    "Value (%(unit)s)": ("Valore (%(unit)s)", "Valeur (%(unit)s)"),
    "Values of “%(name)s”": ("Valori di «%(name)s»", "Valeurs de « %(name)s »"),
    "We have sent a confirmation link to the address you gave. Your support counts once you open it. Unconfirmed supports are not counted.": (
        "Abbiamo inviato un link di conferma all'indirizzo indicato. Il tuo sostegno conta quando lo apri. I sostegni non confermati non sono conteggiati.",
        "Nous avons envoyé un lien de confirmation à l'adresse indiquée. Votre soutien compte dès que vous l'ouvrez. Les soutiens non confirmés ne sont pas comptés.",
    ),
    "We send you a link to confirm. We keep only a coded fingerprint of the address, to count one support per person; it is never shown.": (
        "Ti inviamo un link per confermare. Conserviamo solo un'impronta cifrata dell'indirizzo, per contare un sostegno per persona; non viene mai mostrata.",
        "Nous vous envoyons un lien de confirmation. Nous ne gardons qu'une empreinte codée de l'adresse, pour compter un soutien par personne ; elle n'est jamais affichée.",
    ),
    "Weight": ("Peso", "Poids"),
    "Weighted total": ("Totale ponderato", "Total pondéré"),
    "What it shows": ("Che cosa mostra", "Ce qu'il montre"),
    "What selected companies receive: funding, a test site, mentoring…": (
        "Che cosa ricevono le imprese selezionate: finanziamento, un luogo di prova, accompagnamento…",
        "Ce que reçoivent les entreprises retenues : financement, lieu d'essai, accompagnement…",
    ),
    "Where this comes from and what came of it: every step is public.": (
        "Da dove nasce e che cosa ne è venuto: ogni passo è pubblico.",
        "D'où cela vient et ce qui en est sorti : chaque étape est publique.",
    ),
    "Who can apply": ("Chi può partecipare", "Qui peut participer"),
    "Withdraw": ("Ritira", "Retirer"),
    "Withdraw your proposal": ("Ritira la proposta", "Retirer votre proposition"),
    "Withdrawn": ("Ritirata", "Retirée"),
    "Withdrawn by the applicant.": ("Ritirata dal proponente.", "Retirée par le candidat."),
    "Written by the applicant in %(language)s; not translated.": (
        "Scritta dal proponente in %(language)s; non tradotta.",
        "Rédigé par le candidat en %(language)s ; non traduit.",
    ),
    "Written in": ("Scritta in", "Rédigée en"),
    "You already support “%(title)s”": (
        "Sostieni già «%(title)s»",
        "Vous soutenez déjà « %(title)s »",
    ),
    "You are not assigned to evaluate this call.": (
        "Non sei assegnato alla valutazione di questa sfida.",
        "Vous n'êtes pas affecté à l'évaluation de ce défi.",
    ),
    "You are not assigned to evaluate this call: nothing was saved.": (
        "Non sei assegnato alla valutazione di questa sfida: nulla è stato salvato.",
        "Vous n'êtes pas affecté à l'évaluation de ce défi : rien n'a été enregistré.",
    ),
    "You must declare that you have no conflict of interest.": (
        "Devi dichiarare di non avere conflitti di interesse.",
        "Vous devez déclarer n'avoir aucun conflit d'intérêts.",
    ),
    "Your changes are saved. A new receipt has been sent by e-mail.": (
        "Le modifiche sono salvate. Una nuova ricevuta è stata inviata via email.",
        "Vos modifications sont enregistrées. Un nouvel accusé de réception a été envoyé par e-mail.",
    ),
    "Your e-mail address": ("Il tuo indirizzo email", "Votre adresse e-mail"),
    "Your organisation": ("La tua organizzazione", "Votre organisation"),
    "Your proposal %(reference)s": (
        "La tua proposta %(reference)s",
        "Votre proposition %(reference)s",
    ),
    "Your proposal %(reference)s is withdrawn and will not be evaluated.": (
        "La tua proposta %(reference)s è ritirata e non sarà valutata.",
        "Votre proposition %(reference)s est retirée et ne sera pas évaluée.",
    ),
    "Your proposal was received on %(moment)s (Italian time). Its reference is <strong>%(reference)s</strong>.": (
        "La tua proposta è stata ricevuta il %(moment)s (ora italiana). Il suo riferimento è <strong>%(reference)s</strong>.",
        "Votre proposition a été reçue le %(moment)s (heure italienne). Sa référence est <strong>%(reference)s</strong>.",
    ),
    "Your proposal “%(title)s” (%(reference)s) is now: %(status)s.": (
        "La tua proposta «%(title)s» (%(reference)s) è ora: %(status)s.",
        "Votre proposition « %(title)s » (%(reference)s) est maintenant : %(status)s.",
    ),
    "Your proposal “%(title)s” to the call “%(call)s” arrived on %(moment)s.": (
        "La tua proposta «%(title)s» alla sfida «%(call)s» è arrivata il %(moment)s.",
        "Votre proposition « %(title)s » au défi « %(call)s » est arrivée le %(moment)s.",
    ),
    "Your proposal “%(title)s” to the call “%(call)s” was changed on %(moment)s.": (
        "La tua proposta «%(title)s» alla sfida «%(call)s» è stata modificata il %(moment)s.",
        "Votre proposition « %(title)s » au défi « %(call)s » a été modifiée le %(moment)s.",
    ),
    "Your scores": ("I tuoi punteggi", "Vos notes"),
    "Your scores are saved.": ("I tuoi punteggi sono salvati.", "Vos notes sont enregistrées."),
    "Your solution": ("La tua soluzione", "Votre solution"),
    "Your support for this proposal was already confirmed; it counts once.": (
        "Il tuo sostegno a questa proposta era già confermato; conta una volta.",
        "Votre soutien à cette proposition était déjà confirmé ; il compte une fois.",
    ),
    "Your support for “%(title)s” is confirmed and counted.": (
        "Il tuo sostegno a «%(title)s» è confermato e conteggiato.",
        "Votre soutien à « %(title)s » est confirmé et compté.",
    ),
    "actual date": ("data effettiva", "date réelle"),
    "answer": ("risposta", "réponse"),
    "asked on": ("chiesta il", "posée le"),
    "assigned at": ("assegnato il", "affecté le"),
    "attachment": ("allegato", "pièce jointe"),
    "attachments": ("allegati", "pièces jointes"),
    "baseline": ("valore iniziale", "valeur de départ"),
    "baseline %(baseline)s, target %(target)s": (
        "valore iniziale %(baseline)s, obiettivo %(target)s",
        "valeur de départ %(baseline)s, cible %(target)s",
    ),
    "budget or support offered": ("budget o sostegno offerto", "budget ou soutien proposé"),
    "call": ("sfida", "défi"),
    "challenge call page": ("pagina di sfida", "page de défi"),
    "challenge calls index page": ("pagina indice delle sfide", "page d'index des défis"),
    "citizen support": ("sostegno dei cittadini", "soutien citoyen"),
    "citizen supports": ("sostegni dei cittadini", "soutiens citoyens"),
    "comment": ("commento", "commentaire"),
    "company": ("impresa", "entreprise"),
    "confirmed at": ("confermato il", "confirmé le"),
    "consent given at": ("consenso dato il", "consentement donné le"),
    "contact person": ("persona di contatto", "personne de contact"),
    "context": ("contesto", "contexte"),
    "criterion": ("criterio", "critère"),
    "criterion score": ("punteggio del criterio", "note du critère"),
    "criterion scores": ("punteggi dei criteri", "notes des critères"),
    "decided at": ("deciso il", "décidé le"),
    "decision": ("decisione", "décision"),
    "decisions": ("decisioni", "décisions"),
    "documents": ("documenti", "documents"),
    "estimated cost (euros)": ("costo stimato (euro)", "coût estimé (euros)"),
    "evaluation": ("valutazione", "évaluation"),
    "evaluation criteria": ("criteri di valutazione", "critères d'évaluation"),
    "evaluation criterion": ("criterio di valutazione", "critère d'évaluation"),
    "evaluation ends at": ("fine della valutazione", "fin de l'évaluation"),
    "evaluations": ("valutazioni", "évaluations"),
    "evaluator": ("valutatore", "évaluateur"),
    "evaluator assignment": ("assegnazione del valutatore", "affectation de l'évaluateur"),
    "evaluator assignments": ("assegnazioni dei valutatori", "affectations des évaluateurs"),
    "evidence documents": ("documenti di prova", "documents justificatifs"),
    "file": ("file", "fichier"),
    "file name": ("nome del file", "nom du fichier"),
    "in %(name)s": ("in %(name)s", "en %(name)s"),
    "indicator": ("indicatore", "indicateur"),
    "indicator value": ("valore dell'indicatore", "valeur de l'indicateur"),
    "indicator values": ("valori degli indicatori", "valeurs des indicateurs"),
    "indicators": ("indicatori", "indicateurs"),
    "late": ("in ritardo", "en retard"),
    "latest value %(value)s on %(date)s": (
        "ultimo valore %(value)s al %(date)s",
        "dernière valeur %(value)s au %(date)s",
    ),
    "maturity level": ("livello di maturità", "niveau de maturité"),
    "measured on": ("misurato il", "mesuré le"),
    "met": ("raggiunte", "atteints"),
    "milestone": ("tappa", "étape"),
    "milestones": ("tappe", "étapes"),
    "minimum score": ("punteggio minimo", "note minimale"),
    "minimum scores not met": ("punteggi minimi non raggiunti", "notes minimales non atteintes"),
    "need answered": ("bisogno a cui risponde", "besoin auquel il répond"),
    "needs answered": ("bisogni a cui risponde", "besoins auxquels il répond"),
    "no conflict of interest declared": (
        "assenza di conflitti di interesse dichiarata",
        "absence de conflit d'intérêts déclarée",
    ),
    "not fully scored yet": ("valutazione non ancora completa", "pas encore entièrement notée"),
    "not met": ("non raggiunte", "non atteints"),
    "not yet": ("non ancora", "pas encore"),
    "note": ("nota", "note"),
    "objectives": ("obiettivi", "objectifs"),
    "organisation": ("organizzazione", "organisation"),
    "overall comment": ("commento generale", "commentaire général"),
    "pilot page": ("pagina della sperimentazione", "page du pilote"),
    "planned date": ("data prevista", "date prévue"),
    "private link key": ("chiave del link privato", "clé du lien privé"),
    "proposal": ("proposta", "proposition"),
    "proposals": ("proposte", "propositions"),
    "public summary": ("sintesi pubblica", "résumé public"),
    "question and answer": ("domanda e risposta", "question et réponse"),
    "questions accepted until": ("domande accettate fino al", "questions acceptées jusqu'au"),
    "questions and answers": ("domande e risposte", "questions et réponses"),
    "rank %(rank)s": ("posizione %(rank)s", "rang %(rank)s"),
    "reached the shortlist": ("entrata in lista", "présélectionnée"),
    "reason": ("motivazione", "motif"),
    "recorded at": ("registrato il", "enregistré le"),
    "reference": ("riferimento", "référence"),
    "results announced on": ("risultati annunciati il", "résultats annoncés le"),
    "score": ("punteggio", "note"),
    "scored by you": ("valutata da te", "notée par vous"),
    "selected proposal": ("proposta selezionata", "proposition retenue"),
    "size": ("dimensione", "taille"),
    "size in bytes": ("dimensione in byte", "taille en octets"),
    "submission deadline": ("scadenza per le proposte", "date limite des propositions"),
    "submitted at": ("inviata il", "envoyée le"),
    "target": ("obiettivo", "cible"),
    "this page": ("questa pagina", "cette page"),
    "title of the solution": ("titolo della soluzione", "titre de la solution"),
    "to be fixed": ("da definire", "à définir"),
    "total budget (euros)": ("budget totale (euro)", "budget total (euros)"),
    "unit": ("unità", "unité"),
    "uploaded at": ("caricato il", "téléversé le"),
    "value": ("valore", "valeur"),
    "weight": ("peso", "poids"),
    "who can apply": ("chi può partecipare", "qui peut participer"),
    "written in": ("scritta in", "rédigée en"),
    "“%(name)s” is %(size)s: each file may be at most %(limit)s.": (
        "«%(name)s» pesa %(size)s: ogni file può pesare al massimo %(limit)s.",
        "« %(name)s » fait %(size)s : chaque fichier peut faire au plus %(limit)s.",
    ),
    "“%(name)s” is not a PDF document. Only PDF files are accepted.": (
        "«%(name)s» non è un documento PDF. Sono accettati solo file PDF.",
        "« %(name)s » n'est pas un document PDF. Seuls les fichiers PDF sont acceptés.",
    ),
    "Too many failed attempts": ("Troppi tentativi non riusciti", "Trop de tentatives échouées"),
    "This account is locked for an hour after too many failed sign-in attempts from your connection. Try again later, or ask an administrator to unlock it.": (
        "Questo account è bloccato per un'ora dopo troppi accessi non riusciti dalla tua "
        "connessione. Riprova più tardi o chiedi a un amministratore di sbloccarlo.",
        "Ce compte est bloqué pendant une heure après trop de tentatives de connexion "
        "échouées depuis votre connexion. Réessayez plus tard ou demandez à un administrateur "
        "de le débloquer.",
    ),
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

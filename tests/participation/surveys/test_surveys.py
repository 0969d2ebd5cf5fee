import datetime
import ipaddress
import uuid

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail_localize.models import TranslationSource

from participation.models import SurveyFormField, SurveyPage, SurveySubmission
from participation.surveys import tallies
from participation.surveys.results import summarise
from participation.surveys.retention import erase_expired_personal_data
from tests.conftest import count_queries, page_in, text_of
from tests.participation.conftest import answer_data, grow_answers, valid_answers

pytestmark = pytest.mark.django_db
IT_URL = "/it/partecipa/bisogni-del-territorio/"
FR_URL = "/fr/participez/besoins-du-territoire/"


def test_questions_translate_but_keep_their_storage_keys(needs_survey):
    french = needs_survey.get_translation(
        needs_survey.locale.__class__.objects.get(language_code="fr")
    )
    italian_keys = [f.clean_name for f in needs_survey.form_fields.all()]
    french_fields = list(french.form_fields.all())
    assert [f.clean_name for f in french_fields] == italian_keys
    assert french_fields[1].label == "Vous répondez en tant que…"
    source = TranslationSource.objects.get_for_instance(needs_survey)
    paths = set(source.stringsegment_set.values_list("context__path", flat=True))
    assert any(path.endswith(".label") for path in paths)
    assert not any(path.endswith(".clean_name") for path in paths)  # synchronised, not translated
    assert {"clean_name", "field_type"} <= {
        f.field_name for f in SurveyFormField.override_translatable_fields
    }


def test_answers_in_italian_and_french_count_together(client, open_survey):
    for url, language in ((IT_URL, "it"), (FR_URL, "fr")):
        response = client.post(url, valid_answers(client, url, language))
        assert response.status_code == 200
        assert (
            "Thank" in response.content.decode()
            or "Grazie" in response.content.decode()
            or ("Merci" in response.content.decode())
        )
    submissions = open_survey.all_submissions()
    assert sorted(submissions.values_list("language", flat=True)) == ["fr", "it"]
    results = {
        r.key: r
        for r in summarise(
            open_survey, tallies.read(open_survey), public=False, submissions=submissions
        )
    }
    role = {option.label: option.count for option in results["respondent_type"].options}
    assert role["Impresa"] == 2  # "Entreprise" and "Impresa" are the same choice
    territory = {option.label: option.count for option in results["territory"].options}
    assert territory["Unione del Fossanese"] == 2
    assert results["connection_quality"].average == 4
    assert set(results["main_need"].texts) == {"Uno sportello digitale", "Un guichet numérique"}


def test_bad_input_gets_a_message_in_the_visitor_language_and_stores_nothing(client, open_survey):
    data = valid_answers(client, FR_URL, "fr")
    data.pop("territory")
    data["email"] = "pas-une-adresse"
    response = client.post(FR_URL, data)
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.select_one(".error-summary").get_text(" ", strip=True)
    assert "Votre territoire: Champ requis." in summary
    assert "Saisissez une adresse de courriel valide." in summary
    assert not open_survey.all_submissions().exists()


def test_personal_data_needs_consent_and_is_kept_apart(client, open_survey):
    data = valid_answers(client, IT_URL, "it")
    data["email"] = "residente@example.org"
    response = client.post(IT_URL, data)
    assert response.status_code == 400
    text = BeautifulSoup(response.content, "html.parser").get_text(" ")
    assert "Per inviare dati personali devi dare il tuo consenso." in text
    assert not open_survey.all_submissions().exists()
    data["consent"] = "on"
    assert client.post(IT_URL, data).status_code == 200
    submission = open_survey.all_submissions().get()
    assert submission.respondent_email == "residente@example.org"
    assert "email" not in submission.form_data
    assert submission.personal_data == {"email": "residente@example.org"}


def test_oversize_answer_is_refused_with_a_message(client, open_survey):
    data = valid_answers(client, IT_URL, "it")
    data["main_need"] = "x" * 10_000
    response = client.post(IT_URL, data)
    assert response.status_code == 400
    assert "4000" in response.content.decode()
    assert not open_survey.all_submissions().exists()


def test_double_submission_stores_one_answer(client, open_survey):
    data = valid_answers(client, IT_URL, "it")
    assert client.post(IT_URL, data).status_code == 200
    assert client.post(IT_URL, data).status_code == 200  # reload / double click
    assert open_survey.all_submissions().count() == 1


def test_honeypot_is_refused_with_a_message(client, open_survey):
    data = valid_answers(client, IT_URL, "it")
    data["website"] = "http://spam.example"
    response = client.post(IT_URL, data)
    assert response.status_code == 400
    alert = BeautifulSoup(response.content, "html.parser").select_one('[role="alert"]')
    assert alert.get_text().startswith("La tua risposta sembra automatica e non è stata salvata.")
    assert not open_survey.all_submissions().exists()


def test_rate_limit_answers_with_a_clear_message(client, open_survey, settings):
    settings.SURVEY_SUBMISSIONS_PER_HOUR = 2
    for _number in range(2):
        assert client.post(IT_URL, valid_answers(client, IT_URL, "it")).status_code == 200
    response = client.post(IT_URL, valid_answers(client, IT_URL, "it"))
    assert response.status_code == 429
    text = BeautifulSoup(response.content, "html.parser").select_one('[role="alert"]').get_text()
    assert text.startswith("Nell'ultima ora sono arrivate troppe risposte dalla tua connessione.")
    assert open_survey.all_submissions().count() == 2


def test_a_workshop_of_sixty_at_one_hub_connection_is_all_stored(client, open_survey):
    """Sixty residents answer from the hub's one connection within the hour; every fourth first
    forgets the territory, is told so, and sends again. Refused answers use up nothing."""
    hub = {"REMOTE_ADDR": "198.51.100.20"}
    template = valid_answers(client, IT_URL, "it")
    for resident in range(60):
        data = answer_data(
            client, IT_URL, **{k: v for k, v in template.items() if k != "submission_token"}
        )
        if resident % 4 == 0:
            mistaken = {key: value for key, value in data.items() if key != "territory"}
            refused = client.post(IT_URL, mistaken, **hub)
            assert refused.status_code == 400
            summary = BeautifulSoup(refused.content, "html.parser").select_one(".error-summary")
            assert "Il tuo territorio: Questo campo è obbligatorio." in summary.get_text(
                " ", strip=True
            )
        response = client.post(IT_URL, data, **hub)
        assert response.status_code == 200, (resident, text_of(response)[:300])
    assert open_survey.all_submissions().count() == 60


def test_a_burst_of_answers_from_one_address_is_stopped_in_the_visitor_language(
    client, open_survey, settings
):
    """A script sending 500 answers from one address (each with a token of its own) is
    stopped at the hourly allowance, with the refusal in the page's language."""
    data = valid_answers(client, FR_URL, "fr")
    script = {"REMOTE_ADDR": "203.0.113.66"}
    statuses = []
    for _number in range(500):
        data["submission_token"] = str(uuid.uuid4())
        response = client.post(FR_URL, data, **script)
        statuses.append(response.status_code)
    allowance = settings.SURVEY_SUBMISSIONS_PER_HOUR
    assert 60 <= allowance < 500
    assert statuses == [200] * allowance + [429] * (500 - allowance)
    alert = BeautifulSoup(response.content, "html.parser").select_one('[role="alert"]')
    assert alert.get_text().startswith(
        "Trop de réponses sont venues de votre connexion au cours de la dernière heure."
    )
    assert open_survey.all_submissions().count() == allowance
    # Another address is not affected.
    data["submission_token"] = str(uuid.uuid4())
    assert client.post(FR_URL, data, REMOTE_ADDR="203.0.113.67").status_code == 200


def test_a_declared_hub_network_is_never_limited(client, open_survey, settings):
    settings.SURVEY_SUBMISSIONS_PER_HOUR = 2
    settings.RATE_LIMIT_EXEMPT_NETWORKS = [ipaddress.ip_network("198.51.100.0/28")]
    data = valid_answers(client, IT_URL, "it")
    for _number in range(4):
        data["submission_token"] = str(uuid.uuid4())
        assert client.post(IT_URL, data, REMOTE_ADDR="198.51.100.9").status_code == 200
    data["submission_token"] = str(uuid.uuid4())
    assert client.post(IT_URL, data, REMOTE_ADDR="198.51.100.9").status_code == 200
    statuses = []
    for _number in range(3):
        data["submission_token"] = str(uuid.uuid4())
        statuses.append(client.post(IT_URL, data, REMOTE_ADDR="198.51.100.99").status_code)
    assert statuses == [200, 200, 429]  # outside the declared network: the usual limit


def test_csrf_is_required(open_survey):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(IT_URL, {"territory": "x"})
    assert response.status_code == 403
    assert not open_survey.all_submissions().exists()


def test_outside_the_window_the_page_says_so_and_refuses_answers(client, open_survey):
    data = valid_answers(client, IT_URL, "it")
    SurveyPage.objects.filter(translation_key=open_survey.translation_key).update(
        opens_at=timezone.now() + datetime.timedelta(days=3),
        closes_at=timezone.now() + datetime.timedelta(days=30),
    )
    page = client.get(IT_URL).content.decode()
    assert "Questo questionario apre il" in page
    assert "<form" not in page.split("<main")[1]
    response = client.post(IT_URL, data)
    assert response.status_code == 403
    assert not open_survey.all_submissions().exists()


def test_public_results_only_after_closing_and_without_personal_data(client):
    closed = page_in(SurveyPage, "it", slug="coworking")
    soup = BeautifulSoup(client.get("/it/partecipa/coworking/").content, "html.parser")
    assert soup.select(".result table.data-table")
    assert "24" in soup.select_one("#results-heading").find_next("p").get_text()
    open_page = client.get(IT_URL).content.decode()
    assert 'id="results-heading"' not in open_page  # still open: no results yet
    SurveyPage.objects.filter(translation_key=closed.translation_key).update(
        results_published=False
    )
    assert 'id="results-heading"' not in client.get("/it/partecipa/coworking/").content.decode()


def test_published_results_never_show_personal_or_free_text(client, needs_survey):
    SurveyPage.objects.filter(translation_key=needs_survey.translation_key).update(
        closes_at=timezone.now() - datetime.timedelta(days=1)
    )
    body = client.get(IT_URL).content.decode()
    assert 'id="results-heading"' in body
    assert "@example.org" not in body
    assert "Un bus serale" not in body  # free text stays in the admin
    assert "Quanto spesso usi servizi pubblici online?" in body


def test_survey_page_queries_do_not_grow_with_answers(client, needs_survey):
    SurveyPage.objects.filter(translation_key=needs_survey.translation_key).update(
        closes_at=timezone.now() - datetime.timedelta(days=1)
    )
    template = needs_survey.all_submissions().first()
    needs_survey.all_submissions().exclude(pk=template.pk).delete()

    grow_answers(needs_survey, 10)
    few, _response = count_queries(client, IT_URL)
    grow_answers(needs_survey, 1000)
    many, response = count_queries(client, IT_URL)
    assert few == many <= 30
    assert "1000" in response.content.decode()


def test_owner_is_notified_outside_the_request_and_mail_failures_do_not_break(
    client, open_survey, monkeypatch, django_capture_on_commit_callbacks
):
    SurveyPage.objects.filter(translation_key=open_survey.translation_key).update(
        notify_email="owner@example.org"
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(IT_URL, valid_answers(client, IT_URL, "it")).status_code == 200
    assert [message.to for message in mail.outbox] == [["owner@example.org"]]

    def broken_mail_server(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("core.mail.EmailMessage.send", broken_mail_server)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(IT_URL, valid_answers(client, IT_URL, "it")).status_code == 200
    assert open_survey.all_submissions().count() == 2


def test_retention_erases_personal_data_but_keeps_statistics(client, open_survey):
    data = valid_answers(client, IT_URL, "it")
    data.update(email="vecchio@example.org", consent="on")
    client.post(IT_URL, data)
    old = open_survey.all_submissions().get()
    SurveySubmission.objects.filter(pk=old.pk).update(
        submit_time=timezone.now() - datetime.timedelta(days=open_survey.retention_days + 1)
    )
    data = valid_answers(client, IT_URL, "it")
    data.update(email="recente@example.org", consent="on")
    client.post(IT_URL, data)
    call_command("erase_expired_personal_data", verbosity=0)
    old.refresh_from_db()
    assert old.personal_data == {} and old.respondent_email == ""
    assert old.personal_data_erased_at is not None
    assert old.form_data["respondent_type"]  # the anonymous part still counts
    recent = open_survey.all_submissions().exclude(pk=old.pk).get()
    assert recent.respondent_email == "recente@example.org"
    assert erase_expired_personal_data() == 0  # idempotent


def test_home_page_lists_open_surveys(client):
    soup = BeautifulSoup(client.get("/fr/").content, "html.parser")
    links = [a.get_text() for a in soup.select(".open-surveys a")]
    assert links == [  # the one that closes first comes first
        "La stratégie du Fossanese : quelles priorités d'abord ?",  # its plan's consultation
        "Connexion et services : comment va la vie numérique dans votre commune ?",
        "De quoi votre commune a-t-elle besoin ?",
    ]


def test_in_production_notifications_wait_in_the_task_queue(
    client, open_survey, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # production
    SurveyPage.objects.filter(translation_key=open_survey.translation_key).update(
        notify_email="owner@example.org"
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(IT_URL, valid_answers(client, IT_URL, "it")).status_code == 200
    assert mail.outbox == []  # nothing sent during the request
    queued = DBTaskResult.objects.get()
    assert queued.task_path.endswith("send_answer_notification")
    from participation.surveys.tasks import send_answer_notification

    # What the worker (`manage.py db_worker`) does with the queued task, run here in-process.
    assert send_answer_notification.call(*queued.args_kwargs["args"]) is True
    assert [message.to for message in mail.outbox] == [["owner@example.org"]]


def test_an_untranslated_copy_says_so_and_records_italian_answers(client, open_survey):
    """wagtail-localize's tree synchronisation puts an alias of a new Italian survey under /fr/
    until it is translated: it must say it is in Italian (notice and lang) and its answers are
    recorded as Italian, the language of the questions answered."""
    from wagtail.models import Locale

    french = Locale.objects.get(language_code="fr")
    open_survey.get_translation(french).delete()
    placeholder = open_survey.copy_for_translation(french, alias=True)  # live, like its source
    url = placeholder.get_url()
    assert url.startswith("/fr/")

    soup = BeautifulSoup(client.get(url).content, "html.parser")
    assert soup.html["lang"] == "fr" and soup.main["lang"] == "it"
    notice = soup.select_one(".untranslated-notice").get_text(" ", strip=True)
    assert notice == (
        "Cette page n'est pas encore traduite : elle est affichée dans sa langue d'origine, "
        "italiano."
    )
    assert client.post(url, valid_answers(client, url, "it")).status_code == 200
    [submission] = open_survey.all_submissions()
    assert submission.page_id == placeholder.pk and submission.language == "it"
    assert "untranslated-notice" not in client.get(IT_URL).content.decode()


def test_a_number_question_keeps_to_its_minimum_and_maximum(client, open_survey):
    from decimal import Decimal

    question = open_survey.form_fields.get(clean_name="distance_km")
    SurveyFormField.objects.filter(translation_key=question.translation_key).update(
        minimum=Decimal("0"), maximum=Decimal("200")
    )
    soup = BeautifulSoup(client.get(FR_URL).content, "html.parser")
    number = soup.select_one('input[name="distance_km"]')
    assert (number["min"], number["max"]) == ("0", "200")

    too_far = valid_answers(client, FR_URL, "fr") | {"distance_km": "250"}
    refused = client.post(FR_URL, too_far)
    assert refused.status_code == 400
    assert "inférieure ou égale à 200" in refused.content.decode()
    assert not open_survey.all_submissions().exists()

    fine = valid_answers(client, IT_URL, "it") | {"distance_km": "199.5"}  # as browsers send it
    assert client.post(IT_URL, fine).status_code == 200
    assert open_survey.all_submissions().get().form_data["distance_km"] == "199.5"


def test_an_editor_cannot_set_a_maximum_below_the_minimum(open_survey):
    from decimal import Decimal

    from django.core.exceptions import ValidationError
    from django.utils import translation

    question = open_survey.form_fields.get(clean_name="distance_km")
    question.minimum, question.maximum = Decimal("10"), Decimal("5")
    with translation.override("it"), pytest.raises(ValidationError) as refused:
        question.clean()
    assert refused.value.message_dict == {
        "maximum": ["Il numero più grande accettato non può essere inferiore al più piccolo."]
    }


def test_editors_choose_which_questions_are_in_the_public_results(client, needs_survey):
    SurveyPage.objects.filter(translation_key=needs_survey.translation_key).update(
        closes_at=timezone.now() - datetime.timedelta(days=1)
    )
    question = needs_survey.form_fields.get(clean_name="online_services")
    SurveyFormField.objects.filter(translation_key=question.translation_key).update(
        in_public_results=False
    )
    for url, label in (
        (IT_URL, "Quanto spesso usi servizi pubblici online?"),
        (FR_URL, "À quelle fréquence utilisez-vous les services publics en ligne ?"),
    ):
        body = client.get(url).content.decode()
        assert 'id="results-heading"' in body and label not in body
        assert "Rispondi come…" in body or "Vous répondez en tant que…" in body
    editors_see = {r.key for r in summarise(needs_survey, tallies.read(needs_survey), public=False)}
    assert "online_services" in editors_see


@pytest.mark.parametrize("many_restrictions", [False, True])
def test_the_territory_question_leaves_out_territories_behind_a_view_restriction(
    client, monkeypatch, many_restrictions
):
    """The list of territories is built with the routed request, which knows the restricted
    pages from the route's query; with more restrictions than that, it asks in SQL."""
    from wagtail.models import PageViewRestriction

    from core.querysets import restricted_paths
    from pilots.models import PilotTerritoryPage

    if many_restrictions:
        monkeypatch.setattr("core.routing.MAX_RESTRICTED_PATHS", 0)

    def territories(restricted=False) -> list[str]:
        response = client.get(IT_URL)
        if restricted:
            assert (restricted_paths(response.wsgi_request) is None) == many_restrictions
        soup = BeautifulSoup(response.content, "html.parser")
        select = next(s for s in soup.select("select") if "Alpi della Région Sud" in s.get_text())
        return [option.get_text() for option in select.select("option")]

    assert "Unione del Fossanese" in territories()
    hidden = page_in(PilotTerritoryPage, "it", slug="fossanese")
    PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="x")
    shown = territories(restricted=True)
    assert "Unione del Fossanese" not in shown and "Alpi della Région Sud" in shown

"""Security: deploy checks, headers, brute-force protection, nothing private reachable
anonymously, and no server error whatever a visitor posts to a public form."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from home.models import StandardPage
from participation.models import ProposalAttachment
from tests.conftest import page_in, text_of
from tests.participation.conftest import make_call, make_proposal, pdf_upload, proposal_data

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
SURVEY = "/it/partecipa/bisogni-del-territorio/"


def test_production_settings_pass_the_deploy_checks():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
        "DJANGO_ALLOWED_HOSTS": "www.digivillae.example",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_public_pages_send_a_strict_content_security_policy(client):
    for url in ("/it/", SURVEY, "/fr/territoires/"):
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
        assert directives["script-src"] == "'self'", url
        assert "unsafe-inline" not in directives["script-src"]
        assert directives["object-src"] == "'none'"
        assert directives["frame-ancestors"] == "'none'"
        assert "camera=()" in response["Permissions-Policy"]
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_a_preview_may_be_framed_by_the_admin_and_by_nothing_else(rf):
    """Wagtail renders previews through the middleware with a dummy request: the admin's
    preview panel frames them, so ``frame-ancestors`` is 'self' there, and 'none' elsewhere."""
    from outreach.models import Newsletter

    newsletter = Newsletter.objects.first()
    request = rf.get("/admin/")
    request.user = User.objects.filter(is_superuser=True).first() or User(is_superuser=True)
    response = newsletter.make_preview_request(request, "")
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert "<h1>" in response.content.decode()


def test_admin_login_locks_out_after_repeated_failures(client):
    get_user_model().objects.create_user("redattore", password="giusta-password-123")
    for _attempt in range(5):
        response = client.post(
            "/admin/login/",
            {"username": "redattore", "password": "sbagliata"},
            REMOTE_ADDR="10.0.0.9",
        )
        assert response.status_code in {200, 429}
    locked = client.post(
        "/admin/login/",
        {"username": "redattore", "password": "giusta-password-123"},
        REMOTE_ADDR="10.0.0.9",
    )
    assert locked.status_code == 429
    assert "Troppi tentativi" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # Another address is not locked out with it.
    other = client.post(
        "/admin/login/",
        {"username": "redattore", "password": "giusta-password-123"},
        REMOTE_ADDR="10.0.0.10",
    )
    assert other.status_code == 302


def test_nothing_private_is_reachable_anonymously(client):
    # An unpublished page and a draft change to a live page.
    parent = page_in(StandardPage, "it", slug="progetto")
    draft = StandardPage(title="Bozza riservata", slug="bozza-riservata", live=False)
    parent.add_child(instance=draft)
    draft.save_revision()
    assert client.get(parent.url + "bozza-riservata/").status_code == 404
    parent.title = "Titolo non ancora pubblicato"
    parent.save_revision()
    assert "Titolo non ancora pubblicato" not in client.get(parent.url).content.decode()
    for url in (
        f"/admin/pages/{draft.pk}/view_draft/",
        f"/admin/pages/{parent.pk}/view_draft/",
        f"/admin/pages/{draft.pk}/edit/preview/",
        f"/admin/pages/{parent.pk}/revisions/{parent.latest_revision_id}/view/",
    ):
        response = client.get(url)
        assert response.status_code in {302, 403, 404}, url
        assert b"Bozza riservata" not in response.content
    # A private attachment, by every URL one could guess.
    call = make_call("open")
    client.post(call.url + "submit/", {**proposal_data(), "attachments": [pdf_upload()]})
    attachment = ProposalAttachment.objects.get(proposal__call=call)
    name = attachment.file.name
    for url in (
        f"/media/{name}",
        f"/private-media/{name}",
        f"/static/{name}",
        f"/documents/{attachment.pk}/scheda.pdf",
        f"/admin/proposals/attachment/{attachment.pk}/",
    ):
        response = client.get(url)
        assert response.status_code in {302, 403, 404}, url
        assert not hasattr(response, "streaming_content") or url.startswith("/documents/")
    # Non-public proposals are not listed or shown.
    hidden = make_proposal(call, status="submitted", title="Proposta riservata")
    assert client.get(call.url + f"proposals/{hidden.reference}/").status_code == 404


text = st.text(max_size=300)
form_values = st.dictionaries(
    st.sampled_from(
        [
            "submission_token",
            "website",
            "consent",
            "email",
            "organisation_name",
            "country",
            "registration_number",
            "organisation_size",
            "contact_email",
            "title",
            "summary",
            "estimated_cost",
            "maturity",
            "action",
            "remove_attachments",
            "territorio",
            "ruolo",
            "temi",
        ]
    )
    | st.text(min_size=1, max_size=20),
    text | st.lists(text, max_size=3),
    max_size=12,
)


@pytest.fixture
def public_forms():
    call = make_call("evaluation", slug="sfida-fuzz")
    proposal = make_proposal(call, status="shortlisted")
    open_call = make_call("open", slug="sfida-aperta-fuzz")
    return [
        SURVEY,
        "/fr/participez/besoins-du-territoire/",
        open_call.url + "submit/",
        call.url + f"proposals/{proposal.reference}/support/",
        call.url + "support/abc/",
        open_call.url + f"my-proposal/{make_proposal(open_call).access_token}/",
    ]


@override_settings(SURVEY_SUBMISSIONS_PER_HOUR=0, PROPOSAL_SUBMISSIONS_PER_HOUR=0)
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=form_values)
def test_random_posts_to_public_forms_never_cause_a_server_error(client, public_forms, data):
    cache.clear()
    for url in public_forms:
        response = client.post(url, data)
        assert response.status_code < 500, (url, data)


@pytest.mark.parametrize(
    ("url", "language", "message"),
    [
        ("/it/search/?q=a%00b", "it", "Indirizzo non compreso"),
        ("/fr/actualites/?tag=%00", "fr", "Adresse incomprise"),
        ("/open-data/digivillae.json?language=%00", "it", "Indirizzo non compreso"),
        ("/fr/%00/", "fr", "Adresse incomprise"),
        ("/it/notizie/?%00=1", "it", "Indirizzo non compreso"),
    ],
)
def test_a_nul_byte_in_the_address_gets_a_400_page_in_the_visitors_language(
    client, url, language, message
):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400
    assert message in text_of(response)

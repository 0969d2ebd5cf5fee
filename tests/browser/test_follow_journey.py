"""A resident follows a pilot territory in French, confirms from the e-mail, gets one digest
after two changes, and leaves with one click from their mail program (RFC 8058). The digest's
and the newsletter's HTML pass an accessibility check, on a phone-sized window too."""

import re
import urllib.request

import pytest

from tests.browser.conftest import manage_live, no_violations, part_of, sent_messages, subject_of

pytestmark = pytest.mark.browser

TWO_CHANGES = """
import datetime
from django.utils import timezone
from wagtail.models import Page
from news.models import NewsPage, NewsTerritoryLink
from pilots.models import Indicator, IndicatorMeasurement, PilotTerritoryPage
from subscriptions.models import Subscriber
now = timezone.now()
Page.objects.update(first_published_at=now - datetime.timedelta(days=30))
IndicatorMeasurement.objects.update(recorded_at=now - datetime.timedelta(days=30))
Subscriber.objects.filter(email="lea.montrose@example.org").update(
    confirmed_at=now - datetime.timedelta(days=8), last_digest_at=now - datetime.timedelta(days=8)
)
mont_rose = PilotTerritoryPage.objects.get(locale__language_code="fr", slug="mont-rose")
news = NewsPage.objects.get(locale__language_code="fr", slug="lancement-turin")
copy = news.copy(update_attrs={"title": "Un atelier à Pont-Saint-Martin",
                               "slug": "atelier-pont-saint-martin"}, keep_live=True,
                 copy_revisions=False)
NewsTerritoryLink.objects.filter(page=copy).delete()
NewsTerritoryLink.objects.create(page=copy, territory=mont_rose)
NewsPage.objects.filter(pk=copy.pk).update(first_published_at=now)
indicator = Indicator.objects.filter(page__path__startswith=mont_rose.path).first()
IndicatorMeasurement.objects.create(indicator=indicator, measured_on=now.date(), value=42)
from outreach.digests import send_digests
print("queued", send_digests())
"""

NEWSLETTER_HTML = """
from outreach.email import render_newsletter
from outreach.models import Newsletter
html, text = render_newsletter(Newsletter.objects.get(locale__language_code="fr"), "#", "#")
print(html)
"""


def test_follow_a_territory_confirm_one_digest_and_leave_in_one_click(page):
    page.goto("/fr/follow/")
    assert page.get_by_role("heading", level=1).inner_text() == "Suivre DigiVillae"
    no_violations(page)
    page.get_by_label("Votre adresse e-mail").fill("lea.montrose@example.org")
    page.get_by_label("Unité des Communes valdôtaines Mont-Rose").check()
    page.get_by_label("Au plus un e-mail par semaine").check()
    page.get_by_label(re.compile("accepte que DigiVillae")).check()
    page.get_by_role("button", name="Suivre").click()
    assert "Consultez" in page.get_by_role("heading", level=1).inner_text()

    [confirmation] = [m for m in sent_messages() if "lea.montrose@example.org" in m["To"]]
    link = re.search(r"https?://\S+/follow/confirm/\S+/", part_of(confirmation)).group(0)
    page.goto(link)
    page.get_by_role("button", name=re.compile("Confirmer|Je confirme")).click()
    assert page.get_by_role("heading", level=1).inner_text() == "Ce que vous suivez"
    assert page.get_by_role("status").first.inner_text().startswith("Confirmé")

    # Two changes in what Léa follows: one digest with both.
    assert "queued" in manage_live(TWO_CHANGES)  # the demo's followers get theirs too
    digests = [
        m
        for m in sent_messages()
        if "ce qui a changé" in subject_of(m) and "lea.montrose@example.org" in m["To"]
    ]
    assert len(digests) == 1
    [digest] = digests
    text = part_of(digest)
    assert "Un atelier à Pont-Saint-Martin" in text and "42" in text
    assert "Une nouvelle" not in text
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # The digest's HTML, as a mail program shows it, on a phone and on a desktop.
    for width, height in ((375, 740), (1280, 900)):
        page.set_viewport_size({"width": width, "height": height})
        page.set_content(part_of(digest, "text/html"))
        assert page.get_by_role("heading", level=1).inner_text().startswith("DigiVillae : ce qui")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        no_violations(page)

    # One click in the mail program: the RFC 8058 POST, no page, no cookie, no CSRF token.
    leave = re.search(r"<(\S+)>", digest["List-Unsubscribe"]).group(1)
    one_click = urllib.request.Request(leave, b"List-Unsubscribe=One-Click", method="POST")  # noqa: S310
    with urllib.request.urlopen(one_click, timeout=10) as response:  # noqa: S310 (our server)
        assert response.status == 200
    manage = re.search(r"https?://\S+/follow/manage/\S+/", text).group(0)
    assert page.request.get(manage).status == 404  # forgotten
    still_there = (
        "from subscriptions.models import Subscriber\n"
        "print('left', Subscriber.objects.filter(email='lea.montrose@example.org').exists())"
    )
    assert "left False" in manage_live(still_there)


def test_the_newsletter_email_is_accessible(page):
    html = manage_live(NEWSLETTER_HTML)
    html = html[html.index("<!DOCTYPE") :]
    page.set_viewport_size({"width": 375, "height": 740})
    page.set_content(html)
    assert page.get_by_role("heading", level=1).inner_text().startswith("DigiVillae : les premiers")
    assert (
        page.get_by_role("link", name="Atelier des besoins au pôle local de Fossano").count() == 1
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    no_violations(page)

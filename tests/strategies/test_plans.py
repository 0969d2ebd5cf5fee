"""A territory's plan, as the public reads it: evidence counted from the portal itself (never
typed), in Italian and French alike; actions with the calls and pilots that carry them out and
their progress; monitoring; links that are gone shown as gone; bounded queries; the overview."""

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings

from participation.models import ChallengeCallPage, Need, Support
from pilots.models import PilotPage, PilotTerritoryPage
from strategies.models import StrategiesIndexPage, StrategyPage
from tests.conftest import count_queries, page_in, text_of
from tests.strategies.conftest import plan_for

pytestmark = pytest.mark.django_db


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def priority_section(page_soup, title: str):
    for section in page_soup.select("section.priority"):
        if title in section.find("h3").get_text():
            return section
    raise AssertionError(f"no priority {title!r}")


def counts_shown(section) -> list[int]:
    return [int(item.get_text().split()[0]) for item in section.select(".people-counts li")]


def expected_counts(need_titles, call_keys) -> list[int]:
    """Read from the sources: distinct answers behind the needs, workshop participants, the
    confirmed supports of the proposals of the calls."""
    needs = Need.objects.filter(locale__language_code="it", title__in=need_titles)
    keys = needs.values("translation_key")
    answers = set(
        Need.source_answers.through.objects.filter(need__translation_key__in=keys).values_list(
            "surveysubmission_id", flat=True
        )
    )
    participants = sum(n.participants or 0 for n in needs if n.origin == "workshop")
    supports = Support.objects.filter(
        proposal__call__translation_key__in=call_keys, confirmed_at__isnull=False
    ).count()
    return [len(answers), participants, supports]


def test_mont_rose_plan_shows_its_evidence_and_actions_in_italian_and_french(client, mont_rose):
    closed_call = page_in(ChallengeCallPage, "it", slug="sportelli-digitali")
    expected = expected_counts(
        ["Accompagnamento alle pratiche online"], [closed_call.translation_key]
    )
    assert expected[0] > 0 and expected[2] > 0  # the demo gives the test something to count
    french = mont_rose.get_translation(page_in(StrategiesIndexPage, "fr").locale)
    for plan, title, need in (
        (mont_rose, "Servizi pubblici digitali vicini a casa", "Accompagnamento alle pratiche"),
        (french, "Des services publics numériques près", "Accompagnement aux démarches"),
    ):
        response = client.get(plan.url)
        assert response.status_code == 200
        page = soup(response)
        section = priority_section(page, title)
        assert counts_shown(section) == expected
        link = section.select_one(".evidence-needs a")
        assert need in link.get_text()
        # The need's own page in the register is in the same language.
        assert client.get(link["href"]).status_code == 200
        cards = section.select(".action-card")
        assert len(cards) == 2
        help_desk = cards[0].get_text(" ", strip=True)
        assert closed_call.get_translation(plan.locale).title in help_desk
        pilot = page_in(
            PilotPage,
            plan.locale.language_code,
            slug__in=["sportello-itinerante", "guichet-itinerant"],
        )
        assert pilot.title in help_desk
        assert "1" in help_desk and "3" in help_desk  # its milestones reached of all
        # The cited survey's published results: its chart, in the plan's language.
        work = priority_section(page, "borghi" if plan is mont_rose else "villages")
        assert work.select_one(".cited-result table")
        assert page.select_one(".versions") and len(page.select(".versions li")) == 2
    italian = text_of(client.get(mont_rose.url))
    assert "Abbandonata" in italian and "Il censimento regionale" in italian  # the reason
    assert "Budget impegnato: 73.000 €" in italian  # 45,000 + 8,000 + 20,000; dropped: out


def test_evidence_follows_its_sources_when_they_change(client, mont_rose):
    """Counts are read when the plan is shown: another answer turned into the need counts at
    once, in both languages; an unpublished need leaves the plan and says so."""
    need = Need.objects.get(
        locale__language_code="it", title="Accompagnamento alle pratiche online"
    )
    before = counts_shown(priority_section(soup(client.get(mont_rose.url)), "Servizi pubblici"))
    another = need.source_answers.model.objects.exclude(pk__in=need.source_answers.all()).first()
    need.source_answers.add(another)
    after = counts_shown(priority_section(soup(client.get(mont_rose.url)), "Servizi pubblici"))
    assert after[0] == before[0] + 1
    for version in Need.objects.filter(translation_key=need.translation_key):
        version.live = False
        version.save()
    section = priority_section(soup(client.get(mont_rose.url)), "Servizi pubblici")
    assert not section.select(".evidence-needs")
    assert "non è più nel registro pubblico" in section.get_text()
    assert counts_shown(section)[0] == 0


def test_a_deleted_pilot_or_unpublished_call_shows_as_gone_never_a_server_error(client, mont_rose):
    for pilot in PilotPage.objects.filter(
        slug__in=["sportello-itinerante", "guichet-itinerant", "mobile-help-desk"]
    ):
        pilot.delete()
    for call in ChallengeCallPage.objects.filter(
        slug__in=["coworking-nei-borghi", "coworking-villages", "village-coworking"]
    ):
        call.unpublish()
    response = client.get(mont_rose.url)
    assert response.status_code == 200
    text = text_of(response)
    assert "pagina collegata non è più pubblicata" in text
    assert "Sperimentazione:" not in text


def test_a_cited_survey_whose_results_are_not_public_says_so(client, mont_rose):
    section = priority_section(soup(client.get(mont_rose.url)), "Servizi pubblici")
    assert not section.select(".cited-result")
    assert "i cui risultati non sono ancora pubblicati" in section.get_text()


def test_monitoring_counts_actions_by_status_and_share_done(client):
    plan = page_in(StrategyPage, "it", slug="alpi-region-sud")
    page = soup(client.get(plan.url))
    counts = {
        item.select_one(".badge").get_text(): int(item.get_text().split()[-1])
        for item in page.select(".status-counts li")
    }
    assert counts == {"Prevista": 0, "In corso": 1, "Completata": 1, "Abbandonata": 0}
    assert "50% delle azioni completate" in page.select_one(".progress-summary").get_text()


def test_draft_plans_are_not_public(client):
    draft = page_in(StrategyPage, "it", slug="liguria")
    assert not draft.live
    assert client.get("/it/strategie/liguria/").status_code == 404
    overview = text_of(client.get(page_in(StrategiesIndexPage, "it").url))
    assert "Liguria" not in overview


def test_the_overview_sets_the_territories_priorities_side_by_side(client):
    for language, shared_theme in (
        ("it", "Servizi pubblici digitali"),
        ("fr", "Travail, coworking et télétravail"),
    ):
        index = page_in(StrategiesIndexPage, language)
        page = soup(client.get(index.url))
        table = page.select_one("table.overview-matrix")
        headers = [th.get_text(strip=True) for th in table.select("thead th")][1:]
        assert len(headers) == 3  # the draft plan is not there
        rows = {row.th.get_text(" ", strip=True): row for row in table.select("tbody tr")}
        shared = next(row for name, row in rows.items() if name.startswith(shared_theme))
        assert "shared" in shared["class"]
        for link in shared.select("td a"):
            plan_url, anchor = link["href"].split("#")
            assert plan_url.startswith(f"/{language}/")
            target = soup(client.get(plan_url))
            assert target.find(id=anchor) is not None, link["href"]
            assert link.get_text() in target.find(id=anchor).get_text()


def test_the_territory_page_links_its_plan(client):
    territory = page_in(PilotTerritoryPage, "fr", slug="mont-rose")
    link = soup(client.get(territory.url)).select_one(
        'section[aria-labelledby="strategy-heading"] a'
    )
    assert link["href"] == page_in(StrategyPage, "fr", slug="mont-rose").url


def test_the_printable_plan_has_its_sections_and_adoption_data(client, mont_rose):
    response = client.get(mont_rose.url + "print/")
    assert response.status_code == 200
    page = soup(response)
    assert page.select_one('link[href*="plan-print"]')
    for heading in ("Adozione", "Priorità e azioni", "Gruppo d'azione locale", "Versioni adottate"):
        assert heading in [h.get_text() for h in page.select("h2")]
    assert "Deliberazione della Giunta n. 58" in page.get_text()


@pytest.mark.parametrize("url_name", ["plan", "overview"])
def test_queries_are_flat_and_within_twelve_cold_with_3_or_30_priorities(
    client, settings, url_name
):
    dummy = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    settings.CACHES = dict.fromkeys(settings.CACHES, dummy)
    settings.WAGTAIL_CACHE = False
    counts = []
    for priorities, actions in ((3, 1), (30, 3)):
        plan = plan_for("liguria", priorities, actions)
        url = plan.url if url_name == "plan" else page_in(StrategiesIndexPage, "it").url
        queries, response = count_queries(client, url)
        assert "Priorità 2" in response.content.decode()
        counts.append(queries)
    assert counts[0] == counts[1] and counts[0] <= 12, counts


def test_the_plan_page_is_cached_and_purged_when_what_it_shows_changes(client, mont_rose):
    from django.core.cache import caches

    caches["pages"].clear()
    french = mont_rose.get_translation(page_in(StrategiesIndexPage, "fr").locale)
    project = "/it/progetto/"
    with override_settings(WAGTAIL_CACHE=True):
        for url in (mont_rose.url, french.url, project):
            client.get(url)
            assert client.get(url)["X-Wagtail-Cache"] == "hit"
        need = Need.objects.get(
            locale__language_code="fr", title="Accompagnement aux démarches en ligne"
        )
        need.title = "Accompagnement aux démarches, renommé"
        need.save()
        assert client.get(french.url)["X-Wagtail-Cache"] == "miss"
        assert "renommé" in client.get(french.url).content.decode()
        assert client.get(mont_rose.url)["X-Wagtail-Cache"] == "miss"
        assert client.get(project)["X-Wagtail-Cache"] == "hit"
        # A confirmed support for the linked call's proposals counts at once.
        call = page_in(ChallengeCallPage, "it", slug="sportelli-digitali")
        client.get(mont_rose.url)
        proposal = call.all_proposals().public().first()
        Support.objects.create(proposal=proposal, email_digest="b" * 64, confirmed_at=call.opens_at)
        assert client.get(mont_rose.url)["X-Wagtail-Cache"] == "miss"
        assert client.get(project)["X-Wagtail-Cache"] == "hit"
    caches["pages"].clear()

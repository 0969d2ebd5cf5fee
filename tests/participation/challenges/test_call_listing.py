"""A call with many proposals: its page lists them twenty at a time (the ranking still spans
them all) and its chain names a few and links to the full list."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from participation.chain import PROPOSALS_SHOWN
from participation.challenges.views import PROPOSALS_PER_PAGE
from tests.participation.challenges.test_challenge_queries import grow_proposals
from tests.participation.conftest import make_call

pytestmark = pytest.mark.django_db

TOTAL = 45


def listed_links(html: str, call_url: str) -> list[str]:
    """Proposal links in the call's list (the part of the page before the chain)."""
    listing = html.split('id="trace-heading"')[0]
    return re.findall(rf'href="({re.escape(call_url)}proposals/[^/"]+/)"', listing)


@pytest.fixture
def crowded_call():
    def build(state):
        call = make_call(state)
        grow_proposals(call, TOTAL, get_user_model().objects.create_user("valutatore"))
        return call

    return build


def test_proposals_are_listed_a_page_at_a_time(client, crowded_call):
    call = crowded_call("evaluation")
    first = client.get(call.url).content.decode()
    links = listed_links(first, call.url)
    assert len(links) == PROPOSALS_PER_PAGE
    assert "Pagina 1 di 3" in first
    assert 'href="?page=2#proposals-heading"' in first
    last = client.get(call.url + "?page=3").content.decode()
    assert len(listed_links(last, call.url)) == TOTAL - 2 * PROPOSALS_PER_PAGE
    # Every proposal is reachable once across the pages, and each link opens its page.
    second = listed_links(client.get(call.url + "?page=2").content.decode(), call.url)
    everyone = links + second + listed_links(last, call.url)
    assert len(set(everyone)) == TOTAL
    assert client.get(everyone[-1]).status_code == 200
    # A page number out of range or not a number shows the nearest page, not an error.
    assert "Pagina 3 di 3" in client.get(call.url + "?page=99").content.decode()
    assert "Pagina 1 di 3" in client.get(call.url + "?page=%ff").content.decode()


def test_the_ranking_spans_the_pages(client, crowded_call):
    call = crowded_call("closed")
    second = client.get(call.url + "?page=2").content.decode()
    ranks = [int(rank) for rank in re.findall(r"<td>(\d+)</td>\s*<td>\d+</td>\s*</tr>", second)]
    assert ranks, "the results table of the second page shows ranks"
    assert min(ranks) == PROPOSALS_PER_PAGE + 1


@pytest.mark.parametrize(("language", "more"), [("it", "e ancora 37"), ("fr", "et 37 de plus")])
def test_the_chain_names_a_few_proposals_and_links_to_the_list(
    client, crowded_call, language, more
):
    call = crowded_call("evaluation")
    if language == "fr":
        call = call.copy_for_translation(Locale.objects.get(language_code="fr"))
        call.save_revision().publish()
    html = client.get(call.url).content.decode()
    chain = html.split('id="trace-heading"')[1]
    assert len(re.findall(r"proposals/T\d+-\d+/", chain)) == PROPOSALS_SHOWN
    assert TOTAL - PROPOSALS_SHOWN == 37
    assert more in " ".join(chain.split())
    assert f'href="{call.url}#proposals-heading"' in chain


def test_each_proposal_page_shows_the_score_rank_and_supports_of_the_results_table(
    client, crowded_call
):
    call = crowded_call("closed")
    row = re.compile(
        r'<a href="[^"]*proposals/([^/"]+)/"[^>]*>.*?<td>([\d,]+|—)</td>\s*<td>(\d+|—)</td>'
        r"\s*<td>(\d+)</td>",
        re.S,
    )
    table = {}
    for page in (1, 2, 3):
        html = client.get(f"{call.url}?page={page}").content.decode()
        table.update({ref: rest for ref, *rest in row.findall(html.split('id="trace-heading"')[0])})
    assert len(table) == TOTAL
    ranked = [ref for ref, (_total, rank, _supports) in table.items() if rank != "—"]
    assert ranked, "the seeded scores rank some proposals"
    for reference, (total, rank, supports) in table.items():
        text = " ".join(client.get(f"{call.url}proposals/{reference}/").content.decode().split())
        assert f"<dt>Sostegni confermati dei cittadini</dt><dd>{supports}</dd>" in text
        if rank == "—":
            assert "posizione" not in text
        else:
            assert f"{total} · posizione {rank}</dd>" in text, reference

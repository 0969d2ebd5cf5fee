"""Evaluation in the admin: assignments, conflict-of-interest declarations, weighted scores,
thresholds, ranking and decisions sent to the applicant."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from participation.challenges.services import score_proposals, weighted_total
from participation.models import CriterionScore, Evaluation, Proposal, ProposalDecision
from pilots.models import PilotPage, PilotTerritoryPage
from tests.conftest import page_in, text_of
from tests.participation.conftest import make_call, make_editor, make_evaluator, make_proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(committing_client):
    return committing_client


def score_data(call, marks, no_conflict=True, comment="") -> dict:
    data = {"action": "score", "comment": comment}
    if no_conflict:
        data["no_conflict"] = "on"
    for criterion, mark in zip(call.criteria.all(), marks, strict=True):
        data[f"score_{criterion.translation_key}"] = str(mark)
        data[f"comment_{criterion.translation_key}"] = f"Commento {mark}"
    return data


def test_evaluators_group_has_only_what_it_needs():
    group = Group.objects.get(name="Evaluators")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "view_proposal", "add_evaluation"} <= codenames
    assert "decide_proposal" not in codenames and "change_proposal" not in codenames
    assert "decide_proposal" in Group.objects.get(name="Editors").permissions.values_list(
        "codename", flat=True
    )


def test_evaluator_sees_only_the_calls_assigned(client):
    mine, other = make_call("evaluation"), make_call("evaluation", slug="altra-sfida")
    own = make_proposal(mine, status="admissible", title="Proposta assegnata")
    hidden = make_proposal(other, status="admissible", title="Proposta non assegnata")
    client.force_login(make_evaluator("valutatrice", call=mine))
    index = text_of(client.get("/admin/proposals/"))
    assert mine.title in index and "altra-sfida" not in index
    assert client.get(f"/admin/proposals/call/{mine.pk}/").status_code == 200
    assert "Proposta assegnata" in text_of(client.get(f"/admin/proposals/call/{mine.pk}/"))
    assert client.get(f"/admin/proposals/call/{other.pk}/").status_code == 403
    assert client.get(f"/admin/proposals/{own.pk}/").status_code == 200
    refused = client.get(f"/admin/proposals/{hidden.pk}/")
    assert refused.status_code == 403
    assert "Proposta non assegnata" not in text_of(refused)
    assert list(Proposal.objects.visible_to(refused.wsgi_request.user)) == [own]


def test_evaluator_scores_through_the_admin(client):
    call = make_call("evaluation")
    proposal = make_proposal(call, status="admissible")
    client.force_login(make_evaluator("valutatrice", call=call))
    page = client.get(f"/admin/proposals/{proposal.pk}/")
    assert "Dichiaro di non avere conflitti di interesse" in text_of(page)
    response = client.post(f"/admin/proposals/{proposal.pk}/", score_data(call, [4, 3]))
    assert response.status_code == 302
    evaluation = Evaluation.objects.get(proposal=proposal)
    assert evaluation.no_conflict_of_interest
    assert sorted(evaluation.scores.values_list("score", flat=True)) == [3, 4]
    # Scoring again replaces the earlier scores instead of adding to them.
    client.post(f"/admin/proposals/{proposal.pk}/", score_data(call, [5, 5]))
    assert Evaluation.objects.filter(proposal=proposal).count() == 1
    assert sorted(
        CriterionScore.objects.filter(evaluation__proposal=proposal).values_list("score", flat=True)
    ) == [5, 5]


def test_scoring_without_declaration_or_out_of_range_stores_nothing(client):
    call = make_call("evaluation")
    proposal = make_proposal(call, status="admissible")
    client.force_login(make_evaluator("valutatrice", call=call))
    response = client.post(
        f"/admin/proposals/{proposal.pk}/", score_data(call, [4, 3], no_conflict=False)
    )
    assert response.status_code == 400
    assert "conflitti di interesse" in text_of(response)
    response = client.post(f"/admin/proposals/{proposal.pk}/", score_data(call, [9, 3]))
    assert response.status_code == 400
    assert not Evaluation.objects.filter(proposal=proposal).exists()


def test_evaluator_cannot_score_a_call_they_are_not_assigned_to(client):
    call = make_call("evaluation")
    other = make_call("evaluation", slug="altra-sfida")
    proposal = make_proposal(call, status="admissible")
    client.force_login(make_evaluator("valutatore-altrove", call=other))
    response = client.post(f"/admin/proposals/{proposal.pk}/", score_data(call, [5, 5]))
    assert response.status_code == 403
    assert "Non sei assegnato" in text_of(response)
    assert not Evaluation.objects.filter(proposal=proposal).exists()


def test_submitted_proposals_are_not_scored_before_admissibility(client):
    call = make_call("evaluation")
    proposal = make_proposal(call, status="submitted")
    client.force_login(make_evaluator("valutatrice", call=call))
    response = client.post(f"/admin/proposals/{proposal.pk}/", score_data(call, [5, 5]))
    assert response.status_code == 400
    assert not Evaluation.objects.filter(proposal=proposal).exists()


def test_weighted_total_thresholds_and_ranking():
    call = make_call("evaluation")  # weights 60 (minimum 2) and 40
    first, second, excluded, unscored = (
        make_proposal(call, status="admissible", title=title)
        for title in ("Prima", "Seconda", "Esclusa", "Da valutare")
    )
    evaluators = [make_evaluator(f"v{n}", call=call) for n in range(2)]
    from participation.challenges.services import record_evaluation

    criteria = list(call.criteria.all())

    def score(proposal, evaluator, marks):
        record_evaluation(
            proposal,
            evaluator,
            {c.translation_key: (m, "") for c, m in zip(criteria, marks, strict=True)},
            "",
            True,
        )

    score(first, evaluators[0], (5, 3))
    score(first, evaluators[1], (4, 4))  # means 4.5 and 3.5 → (0.6·4.5 + 0.4·3.5)/5 = 82 %
    score(second, evaluators[0], (3, 5))  # (0.6·3 + 0.4·5)/5 = 76 %
    score(excluded, evaluators[0], (1, 5))  # 52 %, but under the minimum of 2 on "Utilità"
    results = score_proposals(call, [unscored, excluded, second, first])
    by_title = {r.proposal.title: r for r in results}
    assert by_title["Prima"].total == 82.0 and by_title["Prima"].evaluations == 2
    assert by_title["Seconda"].total == 76.0
    assert by_title["Esclusa"].total == 52.0 and not by_title["Esclusa"].passes_thresholds
    assert by_title["Esclusa"].failed == [criteria[0]]
    assert by_title["Da valutare"].total is None
    assert [r.proposal.title for r in results] == ["Prima", "Seconda", "Esclusa", "Da valutare"]
    assert [r.rank for r in results] == [1, 2, None, None]
    assert weighted_total(criteria, {criteria[0].translation_key: Decimal(5)}) is None


def test_editor_decides_and_the_applicant_is_told_why_in_their_language(client):
    call = make_call("evaluation")
    proposal = make_proposal(call, language="fr", contact_email="entreprise@example.com")
    client.force_login(make_editor())
    page = text_of(client.get(f"/admin/proposals/{proposal.pk}/"))
    assert "Ammissibile" in page and "Selezionata" not in page  # only the next steps
    missing_reason = client.post(
        f"/admin/proposals/{proposal.pk}/", {"action": "decide", "status": "admissible"}
    )
    assert missing_reason.status_code == 400
    assert not ProposalDecision.objects.filter(proposal=proposal).exists()
    skipping = client.post(
        f"/admin/proposals/{proposal.pk}/",
        {"action": "decide", "status": "selected", "reason": "Salto di fase"},
    )
    assert skipping.status_code == 400
    response = client.post(
        f"/admin/proposals/{proposal.pk}/",
        {"action": "decide", "status": "admissible", "reason": "Dossier complet."},
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == "admissible"
    [message] = mail.outbox
    assert message.to == ["entreprise@example.com"]
    assert "Recevable" in message.subject and "Dossier complet." in message.body
    assert "Motif" in message.body


def test_shortlisting_publishes_and_selecting_creates_a_pilot_draft(client):
    call = make_call("evaluation")
    proposal = make_proposal(call, status="admissible", title="Soluzione vincente")
    client.force_login(make_editor())
    client.post(
        f"/admin/proposals/{proposal.pk}/",
        {"action": "decide", "status": "shortlisted", "reason": "Sopra le soglie."},
    )
    proposal.refresh_from_db()
    assert proposal.was_shortlisted
    assert client.get(call.url + f"proposals/{proposal.reference}/").status_code == 200
    without_territory = client.post(
        f"/admin/proposals/{proposal.pk}/",
        {"action": "decide", "status": "selected", "reason": "Migliore."},
    )
    assert without_territory.status_code == 400
    territory = page_in(PilotTerritoryPage, "it", slug="fossanese")
    response = client.post(
        f"/admin/proposals/{proposal.pk}/",
        {
            "action": "decide",
            "status": "selected",
            "reason": "Migliore punteggio.",
            "territory": territory.pk,
        },
    )
    pilot = PilotPage.objects.get(proposal=proposal)
    assert response.status_code == 302 and response["Location"].endswith(f"/pages/{pilot.pk}/edit/")
    assert not pilot.live and pilot.get_parent().pk == territory.pk
    assert pilot.company == proposal.organisation_name
    assert [d.status for d in proposal.decisions.all()] == ["shortlisted", "selected"]


def test_communication_officers_and_anonymous_visitors_cannot_see_proposals(client):
    from django.contrib.auth import get_user_model

    call = make_call("evaluation")
    proposal = make_proposal(call)
    assert client.get(f"/admin/proposals/{proposal.pk}/").status_code == 302
    officer = get_user_model().objects.create_user("comunicazione", password="x")
    officer.groups.add(Group.objects.get(name="Communication officers"))
    client.force_login(officer)
    assert client.get(f"/admin/proposals/{proposal.pk}/").status_code in {302, 403}
    assert client.get("/admin/proposals/").status_code in {302, 403}


@pytest.mark.parametrize("how", ["delete-view", "bulk-delete"])
def test_deleting_an_evaluator_who_scored_keeps_the_scores(client, how):
    """Through the real admin, as an administrator: the account goes, the evaluation stays,
    attributed to a former evaluator, and the ranking does not change."""
    from django.contrib.auth import get_user_model

    call = make_call("evaluation")
    proposal = make_proposal(call, status="admissible")
    evaluator = make_evaluator("valutatore-uscente", call=call)
    client.force_login(evaluator)
    client.post(f"/admin/proposals/{proposal.pk}/", score_data(call, [4, 3]))
    [before] = score_proposals(call, [proposal])
    admin = get_user_model().objects.create_superuser("amministratrice", password="pw")
    client.force_login(admin)

    if how == "delete-view":
        response = client.post(f"/admin/users/delete/{evaluator.pk}/")
    else:
        response = client.post(
            f"/admin/bulk/auth/user/delete/?next=/admin/users/&id={evaluator.pk}"
        )
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=evaluator.pk).exists()

    evaluation = Evaluation.objects.get(proposal=proposal)
    assert evaluation.evaluator is None and evaluation.scores.count() == 2
    [after] = score_proposals(call, [proposal])
    assert (after.total, after.evaluations) == (before.total, before.evaluations) != (None, 0)
    page = text_of(client.get(f"/admin/proposals/{proposal.pk}/"))
    assert "Valutatore precedente (account eliminato)" in page

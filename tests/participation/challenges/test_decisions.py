"""The decision service, called directly: a decision, the proposal's new status, the draft pilot
and the applicant's e-mail happen together or not at all."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation

from participation.challenges import services
from participation.models import Proposal, ProposalDecision
from pilots.models import PilotPage, PilotTerritoryPage
from tests.conftest import page_in
from tests.participation.conftest import make_call, make_editor, make_proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    """One call under evaluation, one shortlisted proposal, one editor, one territory."""
    call = make_call("evaluation")
    proposal = make_proposal(call, status="shortlisted", title="Sportello mobile")
    return {
        "proposal": proposal,
        "editor": make_editor(),
        "territory": page_in(PilotTerritoryPage, "it", slug="fossanese"),
    }


def test_selecting_records_the_decision_creates_a_draft_pilot_and_mails_after_commit(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        decision, pilot = services.decide(
            world["proposal"],
            "selected",
            "Risponde al bisogno.",
            world["editor"],
            territory=world["territory"],
        )
        assert mail.outbox == []  # nothing leaves before the commit
    for callback in callbacks:
        callback()
    proposal = Proposal.objects.get(pk=world["proposal"].pk)
    assert proposal.status == "selected"
    assert decision.reason == "Risponde al bisogno." and decision.decided_by == world["editor"]
    pilot = PilotPage.objects.get(pk=pilot.pk)
    assert pilot.proposal == proposal and not pilot.live and pilot.has_unpublished_changes
    assert pilot.get_parent().specific == world["territory"]
    assert [message.to for message in mail.outbox] == [[proposal.contact_email]]
    assert proposal.reference in mail.outbox[0].subject


def test_a_failure_while_creating_the_pilot_leaves_nothing_behind(world, monkeypatch):
    def broken(proposal, territory):
        raise RuntimeError("the page tree is locked")

    monkeypatch.setattr(services, "create_pilot_draft", broken)
    pilots_before = PilotPage.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.decide(
            world["proposal"], "selected", "Motivo.", world["editor"], territory=world["territory"]
        )
    assert Proposal.objects.get(pk=world["proposal"].pk).status == "shortlisted"
    assert not ProposalDecision.objects.filter(proposal=world["proposal"]).exists()
    assert PilotPage.objects.count() == pilots_before
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("status", "reason", "with_territory", "message"),
    [
        ("withdrawn", "Motivo.", True, "This decision is not possible at this stage."),
        ("selected", "   ", True, "Give the reason that will be sent to the applicant."),
        ("selected", "Motivo.", False, "Choose the territory where the pilot will run."),
    ],
)
def test_impossible_decisions_are_refused_with_a_reason(
    world, status, reason, with_territory, message
):
    territory = world["territory"] if with_territory else None
    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.decide(world["proposal"], status, reason, world["editor"], territory=territory)
    with translation.override("en"):
        assert error.value.messages == [message]
    assert Proposal.objects.get(pk=world["proposal"].pk).status == "shortlisted"
    assert not ProposalDecision.objects.filter(proposal=world["proposal"]).exists()


def test_shortlisting_marks_the_proposal_as_having_reached_the_shortlist(world):
    admissible = make_proposal(world["proposal"].call, status="admissible", title="Altra")
    decision, pilot = services.decide(admissible, "shortlisted", "Ben motivata.", world["editor"])
    admissible.refresh_from_db()
    assert pilot is None and decision.status == "shortlisted"
    assert admissible.status == "shortlisted" and admissible.was_shortlisted

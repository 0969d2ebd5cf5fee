"""Adopting a plan: through Wagtail's Workflows, only the approvers of the plan's own territory
publish it; every adopted version stays readable with what changed; bad input is refused in
the editor's language with nothing saved; followers hear of new versions and of changed action
statuses; the open data lists the plan's own figures, formula-safe and without personal data."""

import csv
import datetime
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.blocks import StructBlockValidationError
from wagtail.models import Page, TaskState, WorkflowState

from core.exports import FORMULA_TRIGGERS
from pilots.models import PilotTerritoryPage
from strategies.blocks import ActionBlock, GroupMemberBlock
from strategies.models import (
    AdoptedVersion,
    StrategiesIndexPage,
    StrategyChange,
    StrategyPage,
)
from strategies.versions import changes_between
from subscriptions.models import Subscriber
from subscriptions.services import replace_follows
from tests.conftest import page_in, text_of
from tests.strategies.conftest import approver_of, person

pytestmark = pytest.mark.django_db


def edit_url(plan) -> str:
    return f"/admin/pages/{plan.pk}/edit/"


def form_of(client, plan) -> dict:
    """What the editor's form sends as it stands, with the plan's streams as the editor's
    scripts would send them."""
    from tests.conftest import form_values

    page = BeautifulSoup(client.get(edit_url(plan)).content, "html.parser")
    data = form_values(page.select_one("form#page-edit-form"))
    data.update(stream_data("priorities", plan.priorities.raw_data))
    data.update(stream_data("action_group", plan.action_group.raw_data))
    data.update(stream_data("meetings", plan.meetings.raw_data))
    return data


def stream_data(prefix: str, raw) -> dict:
    """A StreamField's stored data as Wagtail's editor posts it (streams, structs, lists)."""
    data = {f"{prefix}-count": str(len(raw))}
    for index, block in enumerate(raw):
        base = f"{prefix}-{index}"
        data.update(
            {
                f"{base}-deleted": "",
                f"{base}-order": str(index),
                f"{base}-type": block["type"],
                f"{base}-id": block.get("id", ""),
            }
        )
        data.update(value_data(f"{base}-value", block["value"]))
    return data


def value_data(prefix: str, value) -> dict:
    if isinstance(value, dict):
        data = {}
        for name, child in value.items():
            data.update(value_data(f"{prefix}-{name}", child))
        return data
    if isinstance(value, list):
        data = {f"{prefix}-count": str(len(value))}
        for index, item in enumerate(value):
            base = f"{prefix}-{index}"
            data.update({f"{base}-deleted": "", f"{base}-order": str(index)})
            data[f"{base}-id"] = item.get("id", "") if isinstance(item, dict) else ""
            inner = item["value"] if isinstance(item, dict) and "value" in item else item
            data.update(value_data(f"{base}-value", inner))
        return data
    return {prefix: "" if value is None else str(value)}


def messages_in(response) -> str:
    """What the editor reads: the page's text and the StreamField's block errors, which the
    editor's scripts draw from the data Wagtail hands them."""
    soup = BeautifulSoup(response.content, "html.parser")
    found = [soup.get_text(" ")]

    def collect(value):
        if isinstance(value, dict):
            found.extend(str(message) for message in value.get("messages", []))
            for child in value.values():
                collect(child)
        elif isinstance(value, list):
            for child in value:
                collect(child)

    for tag in soup.find_all(True):
        for attribute in tag.attrs.values():
            if isinstance(attribute, str) and "blockErrors" in attribute:
                collect(json.loads(attribute))
    return " ".join(" ".join(found).split())


def test_an_editor_cannot_publish_a_plan_but_submits_it_for_approval(client, mont_rose):
    editor = person("redattrice", "Editors")
    assert mont_rose.permissions_for_user(editor).can_edit()
    assert not mont_rose.permissions_for_user(editor).can_publish()
    assert not page_in(StrategiesIndexPage, "it").permissions_for_user(editor).can_publish_subpage()
    client.force_login(editor)
    data = form_of(client, mont_rose)
    data["summary"] = "Una sintesi rivista."
    edit = client.get(edit_url(mont_rose)).content.decode()
    assert 'name="action-publish"' not in edit
    data["action-publish"] = "1"
    client.post(edit_url(mont_rose), data)
    assert StrategyPage.objects.get(pk=mont_rose.pk).summary != "Una sintesi rivista."
    del data["action-publish"]
    data["action-submit"] = "1"
    response = client.post(edit_url(mont_rose), data)
    assert response.status_code == 302, text_of(response)[:1000]
    state = WorkflowState.objects.get(object_id=str(mont_rose.pk), status="in_progress")
    assert state.current_task_state.task.specific.__class__.__name__ == "TerritoryApprovalTask"
    # The editors' home panel shows where the plan stands.
    home = text_of(client.get("/admin/"))
    assert "Strategie locali" in home and "in attesa di" in home


def approve_url(plan, state) -> str:
    return f"/admin/pages/workflow/action/{plan.pk}/approve/{state.current_task_state.pk}/"


def test_only_the_approvers_of_the_plans_own_territory_approve_it(client, mont_rose):
    editor = person("redattore", "Editors")
    client.force_login(editor)
    data = form_of(client, mont_rose) | {"summary": "Sintesi da approvare.", "action-submit": "1"}
    assert client.post(edit_url(mont_rose), data).status_code == 302
    state = WorkflowState.objects.get(object_id=str(mont_rose.pk), status="in_progress")

    other = approver_of("fossanese", "approvatore-fossano")
    client.force_login(other)
    assert not state.current_task_state.task.specific.get_actions(mont_rose, other)
    response = client.post(approve_url(mont_rose, state), {"comment": ""})
    assert response.status_code in (302, 403, 404)
    assert StrategyPage.objects.get(pk=mont_rose.pk).summary != "Sintesi da approvare."
    assert TaskState.objects.get(pk=state.current_task_state.pk).status == "in_progress"
    # Nor does it appear among what they can review.
    assert not TaskState.objects.reviewable_by(other).filter(pk=state.current_task_state.pk)

    own = approver_of("mont-rose", "approvatrice-monte-rosa")
    client.force_login(own)
    assert TaskState.objects.reviewable_by(own).filter(pk=state.current_task_state.pk)
    response = client.post(approve_url(mont_rose, state), {"comment": ""})
    assert response.status_code in (200, 302)
    assert StrategyPage.objects.get(pk=mont_rose.pk).summary == "Sintesi da approvare."
    assert "Sintesi da approvare." in text_of(client.get(mont_rose.url))


def test_bad_input_is_refused_in_the_editors_language_with_nothing_saved(client, mont_rose):
    editor = person("redattrice-attenta", "Editors")
    client.force_login(editor)
    revisions = mont_rose.revisions.count()
    base = form_of(client, mont_rose)
    first_action = "priorities-0-value-actions-0-value"
    cases = [
        (
            {f"{first_action}-status": "dropped", f"{first_action}-dropped_reason": ""},
            "Indica perché l'azione è stata abbandonata",
        ),
        ({f"{first_action}-budget": "-5"}, "maggiore o uguale a 0"),
        (
            {
                "stage": "consultation",
                "consultation_opens": "2026-12-10",
                "consultation_closes": "2026-12-01",
            },
            "La consultazione non può finire prima di cominciare.",
        ),
        (
            {"stage": "adopted", "adopted_on": ""},
            "Indica la data in cui il piano è stato adottato.",
        ),
        ({"action_group-0-value-role": "Referente: mario@example.org"}, "Solo organizzazioni"),
    ]
    for change, message in cases:
        response = client.post(edit_url(mont_rose), base | change | {"action-submit": "1"})
        assert response.status_code == 200, change
        assert message in messages_in(response), (change, messages_in(response)[:600])
    assert mont_rose.revisions.count() == revisions
    assert not WorkflowState.objects.filter(object_id=str(mont_rose.pk), status="in_progress")


def test_the_blocks_and_the_page_refuse_bad_values():
    with pytest.raises(StructBlockValidationError) as refused:
        ActionBlock().clean(
            ActionBlock().to_python({"title": "X", "lead_name": "Comune", "status": "dropped"})
        )
    assert "dropped_reason" in refused.value.block_errors
    with pytest.raises(StructBlockValidationError):
        GroupMemberBlock().clean(
            GroupMemberBlock().to_python({"organisation": "ACME", "role": "tel. 0165 123 4567"})
        )
    plan = page_in(StrategyPage, "it", slug="fossanese")
    plan.consultation_closes = plan.consultation_opens - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        plan.full_clean()
    assert "consultation_closes" in refused.value.message_dict
    twin = StrategyPage(
        title="Doppione", slug="doppione", territory=plan.territory, summary="x", locale=plan.locale
    )
    with pytest.raises(ValidationError) as refused:
        twin.clean()
    assert "territory" in refused.value.message_dict


def adopt_again(plan, on: datetime.date, **action_statuses):
    """Publish the Italian plan adopted on ``on``, with some actions' statuses changed."""
    raw = plan.priorities.raw_data
    for priority in raw:
        for item in priority["value"]["actions"]:
            title = item["value"]["title"]
            if title in action_statuses:
                item["value"]["status"] = action_statuses[title]
    plan.priorities = list(raw)
    plan.adopted_on = on
    plan.stage = StrategyPage.Stage.ADOPTED
    plan.decision_reference = f"Delibera del {on:%d/%m/%Y}"
    plan.save_revision().publish()
    return StrategyPage.objects.get(pk=plan.pk)


def test_every_adopted_version_stays_readable_with_what_changed(client, mont_rose):
    assert list(
        AdoptedVersion.objects.filter(strategy_key=mont_rose.translation_key).values_list(
            "number", flat=True
        )
    ) == [1, 2]
    version_1 = text_of(client.get(mont_rose.url + "versions/1/"))
    assert "20 marzo 2026" in version_1 and "Prevista" in version_1
    assert "Postazioni di coworking" not in version_1  # added in version 2
    version_2 = text_of(client.get(mont_rose.url + "versions/2/"))
    assert "Che cosa è cambiato dalla versione 1" in version_2
    assert "Nuova azione: Postazioni di coworking nell'hub di Pont-Saint-Martin" in version_2
    assert (
        "Censimento degli spazi pubblici inutilizzati: da «Prevista» a «Abbandonata»" in version_2
    )
    french = text_of(client.get("/fr/strategies/mont-rose/versions/2/"))
    assert "Ce qui a changé depuis la version 1" in french and "Nouvelle action" in french
    assert client.get(mont_rose.url + "versions/9/").status_code == 404

    # Under revision: the adopted text is kept as it was; adopted again: version 3.
    mont_rose.stage = StrategyPage.Stage.REVISION
    mont_rose.summary = "Una revisione in discussione."
    mont_rose.save_revision().publish()
    assert "Una revisione" not in text_of(client.get(mont_rose.url + "versions/2/"))
    adopted = adopt_again(
        StrategyPage.objects.get(pk=mont_rose.pk),
        datetime.date(2026, 12, 1),
        **{"Corsi di facilitazione digitale nelle biblioteche": "in_progress"},
    )
    assert AdoptedVersion.objects.filter(strategy_key=adopted.translation_key).count() == 3
    version_3 = text_of(client.get(mont_rose.url + "versions/3/"))
    assert (
        "Corsi di facilitazione digitale nelle biblioteche: da «Prevista» a «In corso»" in version_3
    )


def test_changes_between_two_texts_name_added_removed_and_changed_items():
    before = {
        "priorities": [
            {
                "id": "p1",
                "title": "A",
                "actions": [
                    {"id": "a1", "value": {"title": "Uno", "status": "planned", "budget": "10"}},
                    {"id": "a2", "value": {"title": "Due", "status": "planned"}},
                ],
            }
        ]
    }
    after = {
        "priorities": [
            {
                "id": "p1",
                "title": "A",
                "actions": [
                    {"id": "a1", "value": {"title": "Uno", "status": "done", "budget": "12"}}
                ],
            },
            {"id": "p2", "title": "B", "actions": []},
        ]
    }
    changes = changes_between(before, after)
    assert "Nuova priorità: B" in changes
    assert "Uno: da «Prevista» a «Completata»" in changes
    assert "Uno: budget cambiato" in changes
    assert "Azione tolta: Due" in changes


def test_followers_of_the_territory_hear_of_a_new_version_and_changed_statuses(mont_rose):
    from outreach.digests import send_digests

    Subscriber.objects.all().delete()
    now = timezone.now()
    StrategyChange.objects.update(happened_at=now - datetime.timedelta(days=30))
    Page.objects.update(first_published_at=now - datetime.timedelta(days=30))
    lea = Subscriber.objects.create(
        email="lea@example.org",
        language="fr",
        digest_period="daily",
        confirmed_at=now - datetime.timedelta(days=3),
        last_digest_at=now - datetime.timedelta(days=1, hours=1),
    )
    replace_follows(lea, [], [page_in(PilotTerritoryPage, "fr", slug="mont-rose").translation_key])
    adopt_again(
        mont_rose,
        datetime.date(2026, 12, 2),
        **{"Sportello digitale itinerante nei comuni": "done"},
    )
    mail.outbox.clear()
    assert send_digests() == 1
    body = mail.outbox[0].body
    assert "Stratégies locales" in body
    assert "version 3 adoptée" in body
    assert "« Guichet numérique itinérant dans les communes » est désormais : Réalisée" in body
    assert page_in(StrategyPage, "fr", slug="mont-rose").title in body


def test_open_data_lists_the_plans_figures_formula_safe(client, mont_rose):
    from tests.strategies.test_plans import counts_shown, priority_section

    data = json.loads(client.get("/open-data/digivillae.json?language=fr").content)
    rows = [
        row
        for row in data["strategy_priorities"]
        if row["strategy_id"] == str(mont_rose.translation_key)
    ]
    assert [row["number"] for row in rows] == [1, 2] and rows[0]["version"] == 2
    page = BeautifulSoup(client.get("/fr/strategies/mont-rose/").content, "html.parser")
    shown = counts_shown(priority_section(page, rows[0]["priority"]))
    assert [
        rows[0]["survey_answers"],
        rows[0]["workshop_participants"],
        rows[0]["supports"],
    ] == shown
    actions = [
        row
        for row in data["strategy_actions"]
        if row["strategy_id"] == str(mont_rose.translation_key)
    ]
    assert {row["status"] for row in actions} == {"in_progress", "planned", "dropped"}
    assert not [
        row
        for row in data["strategy_priorities"]
        if row["strategy"].startswith("Stratégie locale d'innovation des communes")
    ]  # the draft
    body = json.dumps(data)
    assert "Associazione dei commercianti" not in body  # the local action group is not listed

    raw = mont_rose.priorities.raw_data
    raw[0]["value"]["title"] = '=HYPERLINK("http://evil.example";"clic")'
    mont_rose.priorities = list(raw)
    mont_rose.save_revision().publish()
    exported = (
        client.get("/open-data/strategy_priorities.csv?language=it").getvalue().decode("utf-8-sig")
    )
    titles = [row["priority"] for row in csv.DictReader(io.StringIO(exported))]
    assert any("HYPERLINK" in title for title in titles)
    assert not any(title.startswith(FORMULA_TRIGGERS) for title in titles)

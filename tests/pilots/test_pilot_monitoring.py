"""Pilots: milestones, indicators drawn as accessible charts with data tables, values recorded
once in the admin for every language, and listed on their territory."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from pilots.charts import build_series
from pilots.models import Indicator, IndicatorMeasurement, PilotTerritoryPage
from tests.conftest import demo_pilot, page_in

pytestmark = pytest.mark.django_db


def test_pilot_page_shows_milestones_indicators_and_data_tables(client):
    pilot = demo_pilot("it")
    soup = BeautifulSoup(client.get(pilot.url).content, "html.parser")
    text = " ".join(soup.get_text(" ").split())
    assert "Avvio dello sportello" in text and "Valutazione intermedia" in text
    charts = soup.select("figure.indicator")
    assert len(charts) == 2
    for figure in charts:
        svg = figure.select_one("svg[role=img]")
        caption = figure.select_one("figcaption")
        assert svg["aria-labelledby"] == caption["id"]
        assert len(svg.select("circle.point")) == 2
        rows = figure.select("table tbody tr")
        assert len(rows) == 2
    assert "46" in charts[0].select("table tbody tr")[-1].get_text()
    assert "38 %" in charts[0].select_one("figcaption").get_text()


def test_values_recorded_once_show_in_every_language(client):
    italian = demo_pilot("it")
    indicator = italian.indicators.first()
    IndicatorMeasurement.objects.create(
        indicator=indicator, measured_on=datetime.date(2026, 11, 30), value=Decimal("71")
    )
    for language in ("it", "fr", "en"):
        pilot = demo_pilot(language)
        soup = BeautifulSoup(client.get(pilot.url).content, "html.parser")
        assert "71" in soup.select("figure.indicator")[0].select("tbody tr")[-1].get_text()


def test_editor_records_an_indicator_value_in_the_admin(client):
    editor = get_user_model().objects.create_user("redattrice", password="x")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    indicator = demo_pilot("it").indicators.first()
    form = client.get("/admin/indicator_values/new/")
    assert form.status_code == 200
    options = BeautifulSoup(form.content, "html.parser").select("select[name=indicator] option")
    values = [o["value"] for o in options if o["value"]]
    french_ids = set(
        Indicator.objects.filter(locale__language_code="fr").values_list("pk", flat=True)
    )
    assert str(indicator.pk) in values and not french_ids & {int(v) for v in values}
    response = client.post(
        "/admin/indicator_values/new/",
        {"indicator": indicator.pk, "measured_on": "2026-11-30", "value": "71", "note": ""},
    )
    assert response.status_code == 302
    assert indicator.measurements.filter(value=71).exists()
    duplicate = client.post(
        "/admin/indicator_values/new/",
        {"indicator": indicator.pk, "measured_on": "2026-11-30", "value": "72", "note": ""},
    )
    assert duplicate.status_code == 200  # the form comes back with an error
    assert indicator.measurements.count() == 3


def test_territory_lists_its_pilots(client):
    territory = page_in(PilotTerritoryPage, "fr", slug="mont-rose")
    soup = BeautifulSoup(client.get(territory.url).content, "html.parser")
    section = soup.select_one("#pilots-heading").find_parent("section")
    assert section.find("a", string=demo_pilot("fr").title)
    other = page_in(PilotTerritoryPage, "it", slug="liguria")  # no pilot there yet
    assert "Nessuna sperimentazione" in client.get(other.url).content.decode()


def test_chart_scales_from_baseline_to_target():
    indicator = Indicator(name="Utenti", unit="persone", baseline=Decimal(10), target=Decimal(110))

    class Value:
        def __init__(self, day, value):
            self.measured_on = datetime.date(2026, 1, day)
            self.value = Decimal(value)
            self.note = ""

    series = build_series(indicator, [Value(1, 10), Value(31, 60)])
    assert series.baseline_y > series.target_y  # SVG y grows downwards
    assert series.points[0].x < series.points[1].x
    assert series.progress_percent == 50.0
    empty = build_series(indicator, [])
    assert empty.latest is None and empty.progress_percent is None


def test_running_pilot_needs_a_start_date():
    from django.core.exceptions import ValidationError

    pilot = demo_pilot("it")
    pilot.starts_on = None
    with pytest.raises(ValidationError):
        pilot.full_clean()

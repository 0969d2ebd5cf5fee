"""Indicator charts drawn on the server as SVG: no JavaScript to download on a slow connection,
and a data table beside each chart for screen readers and for people who prefer numbers."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 20, 40


def svg_number(value: float) -> str:
    """A coordinate as SVG reads it: a dot for the decimals whatever the reader's language
    (templates localize numbers, and ``floatformat`` ignores ``{% localize off %}``)."""
    return f"{value:.1f}"


@dataclass
class ChartPoint:
    measured_on: datetime.date
    value: Decimal
    note: str
    x: float = 0
    y: float = 0

    @property
    def svg_x(self) -> str:
        return svg_number(self.x)

    @property
    def svg_y(self) -> str:
        return svg_number(self.y)


@dataclass
class Tick:
    """A horizontal grid line at ``y`` labelled with ``value`` (a label people read)."""

    y: float
    value: Decimal

    @property
    def svg_y(self) -> str:
        return svg_number(self.y)


@dataclass
class IndicatorSeries:
    indicator: object
    points: list[ChartPoint] = field(default_factory=list)
    baseline_y: float = 0
    target_y: float = 0
    ticks: list[Tick] = field(default_factory=list)

    width = WIDTH
    height = HEIGHT
    left = LEFT
    right_edge = WIDTH - RIGHT
    bottom_edge = HEIGHT - BOTTOM
    tick_label_x = LEFT - 8
    date_label_y = HEIGHT - BOTTOM + 24

    @property
    def svg_baseline_y(self) -> str:
        return svg_number(self.baseline_y)

    @property
    def svg_target_y(self) -> str:
        return svg_number(self.target_y)

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.svg_x},{p.svg_y}" for p in self.points)

    @property
    def latest(self) -> ChartPoint | None:
        return self.points[-1] if self.points else None

    @property
    def progress_percent(self) -> float | None:
        """How far the latest value has come from the baseline towards the target."""
        indicator = self.indicator
        span = indicator.target - indicator.baseline
        if self.latest is None or not span:
            return None
        return float((self.latest.value - indicator.baseline) / span * 100)


def _scale(value, low, high, start, end) -> float:
    if high == low:
        return (start + end) / 2
    return start + (float(value) - float(low)) / (float(high) - float(low)) * (end - start)


def build_series(indicator, measurements) -> IndicatorSeries:
    series = IndicatorSeries(indicator)
    series.points = [ChartPoint(m.measured_on, m.value, m.note) for m in measurements]
    values = [p.value for p in series.points] + [indicator.baseline, indicator.target]
    low, high = min(values), max(values)
    if low == high:
        low, high = low - 1, high + 1
    top, bottom = TOP, HEIGHT - BOTTOM
    series.baseline_y = _scale(indicator.baseline, low, high, bottom, top)
    series.target_y = _scale(indicator.target, low, high, bottom, top)
    series.ticks = [
        Tick(_scale(value, low, high, bottom, top), value)
        for value in (low + (high - low) * step / 4 for step in range(5))
    ]
    if series.points:
        first = series.points[0].measured_on.toordinal()
        last = series.points[-1].measured_on.toordinal()
        for point in series.points:
            point.x = _scale(point.measured_on.toordinal(), first, last, LEFT, WIDTH - RIGHT)
            point.y = _scale(point.value, low, high, bottom, top)
    return series


def indicator_series(indicators: list, measurements: list) -> list[IndicatorSeries]:
    """One series per indicator, from ``measurements`` (by date) recorded against any
    language version of these indicators."""
    if not indicators:
        return []
    by_key: dict = {indicator.translation_key: [] for indicator in indicators}
    for measurement in measurements:
        by_key.setdefault(measurement.indicator.translation_key, []).append(measurement)
    return [build_series(indicator, by_key[indicator.translation_key]) for indicator in indicators]


def latest_by_indicator(measurements, indicators=()) -> list[tuple]:
    """The latest of ``measurements`` (by date) of each indicator, in the order the indicators
    were first measured, each with its version among ``indicators`` (the reader's language)
    when there is one, else the version it was recorded against."""
    latest: dict = {}
    for measurement in measurements:
        latest[measurement.indicator.translation_key] = measurement
    named = {indicator.translation_key: indicator for indicator in indicators}
    return [
        (named.get(key, measurement.indicator), measurement) for key, measurement in latest.items()
    ]

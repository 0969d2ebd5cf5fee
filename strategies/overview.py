"""The cross-border overview: every territory's priorities side by side, by theme, so Italian
and French territories see where they meet. Each cell links to the priority on its plan, in
the reader's language (a plan not translated yet shows in its own, labelled)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from pilots.models import PilotTerritoryPage

from .plan import priority_values, theme_names


@dataclass
class Cell:
    priorities: list[tuple[str, str]] = field(default_factory=list)  # (title, url)


@dataclass
class Row:
    theme: str
    cells: list[Cell]

    @property
    def territories(self) -> int:
        return sum(1 for cell in self.cells if cell.priorities)


@dataclass
class Overview:
    columns: list[dict]  # {"territory", "plan_url", "stage", "language"}
    rows: list[Row]


def overview(index, plans, request) -> Overview:
    """``plans``: the live plans under the overview page (one per territory), with their
    territory. Two queries: the themes' names, the territories' names."""
    locale = index.locale
    plans = sorted(plans, key=lambda plan: plan.title)
    theme_ids = {
        raw["theme"] for plan in plans for raw in priority_values(plan) if raw.get("theme")
    }
    themes = theme_names(sorted(theme_ids), locale)
    territory_keys = [plan.territory.translation_key for plan in plans if plan.territory_id]
    names = dict(
        PilotTerritoryPage.objects.filter(
            translation_key__in=territory_keys, locale=locale
        ).values_list("translation_key", "title")
    )
    columns = []
    by_theme: dict[str, list[Cell]] = {}
    none = _("Other priorities")
    for number, plan in enumerate(plans):
        territory = plan.territory
        columns.append(
            {
                "territory": names.get(territory.translation_key, territory.title)
                if territory
                else plan.title,
                "plan_url": plan.get_url(request),
                "stage": plan.get_stage_display(),
                # A placeholder awaiting translation shows its source's text.
                "language": getattr(plan, "source_language", None) or "",
            }
        )
        for raw in priority_values(plan):
            theme = themes.get(raw.get("theme"), (none, ""))[0]
            cells = by_theme.setdefault(theme, [Cell() for _plan in plans])
            cells[number].priorities.append(
                (raw.get("title", ""), f"{columns[-1]['plan_url']}#priority-{raw['id']}")
            )
    rows = [Row(theme, cells) for theme, cells in sorted(by_theme.items()) if theme != none]
    if none in by_theme:
        rows.append(Row(none, by_theme[none]))
    return Overview(columns, rows)

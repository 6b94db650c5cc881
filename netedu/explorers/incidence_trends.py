"""Published figures on how common NETs are: grouped into charts and tables (pure logic)."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from netedu.content.explorers import EpiRow
from netedu.content.models import Reference
from netedu.render import escape, sanitize

__all__ = ["Chart", "charts", "series_label", "table_html"]


@dataclass(frozen=True)
class Chart:
    """One chart: every series sharing a measure and unit; a line over years, else bars."""

    title: str
    measure: str
    unit: str
    kind: str  # "line" or "bar"
    series: dict[str, list[EpiRow]]

    @property
    def rows(self) -> list[EpiRow]:
        return [row for rows in self.series.values() for row in rows]


def _is_year(x: str) -> bool:
    return x.isdigit() and len(x) == 4


def charts(rows: list[EpiRow]) -> list[Chart]:
    """Series over years, grouped by unit, become line charts (the US and Ontario trends side by
    side); every other series is a bar chart of its own. The file's order is kept.
    """
    series: OrderedDict[str, list[EpiRow]] = OrderedDict()
    for row in rows:
        series.setdefault(row.series, []).append(row)
    # First pass: the order of charts, each a trend group (by unit) or one category series.
    layout: OrderedDict[tuple[str, str], dict[str, list[EpiRow]]] = OrderedDict()
    for name, members in series.items():
        is_trend = len(members) > 1 and all(_is_year(r.x) for r in members)
        key = ("line", members[0].unit) if is_trend else ("bar", name)
        layout.setdefault(key, {})[name] = members
    out = []
    for (kind, _), group in layout.items():
        members = [r for rs in group.values() for r in rs]
        measures = " / ".join(dict.fromkeys(r.measure for r in members))
        units = " / ".join(dict.fromkeys(r.unit for r in members))
        if kind == "line":
            title = f"{measures} over time ({units})"
        else:
            title = f"{measures}: {members[0].place}, {members[0].period}"
        out.append(Chart(title, measures, units, kind, group))
    return out


def series_label(rows: list[EpiRow], references: dict[str, Reference]) -> str:
    """A legend entry: population, years and source."""
    first = rows[0]
    return f"{first.place}, {first.period} ({references[first.reference].short})"


def table_html(chart: Chart, references: dict[str, Reference]) -> str:
    """The chart's figures as a table, each row with its source: the chart's text alternative."""
    body = []
    for row in chart.rows:
        ref = references[row.reference]
        note = f" ({escape(row.note)})" if row.note else ""
        body.append(
            f"<tr><td>{escape(row.place)}</td><td>{escape(row.period)}</td><td>{escape(row.x)}</td>"
            f"<td>{row.value:g}</td><td><a href=\"{escape(ref.link)}\" title=\"{escape(ref.citation)}\">{escape(ref.short)}</a>{note}</td></tr>"
        )
    return sanitize(
        f'<table class="netedu-table"><caption>{escape(chart.title)}</caption><thead><tr>'
        '<th scope="col">Population</th><th scope="col">Period</th><th scope="col">Year or group</th>'
        f'<th scope="col">{escape(chart.unit)}</th><th scope="col">Source</th></tr></thead><tbody>{"".join(body)}</tbody></table>'
    )

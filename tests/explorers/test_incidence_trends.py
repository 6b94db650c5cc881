"""The incidence charts' logic: which figures share a chart, and each chart's table of sources."""

from __future__ import annotations

from netedu.explorers.incidence_trends import IncidenceRow, chart_figure, charts, table_html


def row(series, x, value, unit="per 100,000 per year", measure="Incidence", place="Ontario"):
    return IncidenceRow(
        series=series, place=place, period="1994-2009", x=x, measure=measure, value=value, unit=unit, reference="dasari-2017"
    )


def test_trends_share_a_line_chart_and_categories_get_bars(content) -> None:
    rows = [
        row("a", "1994", 2.5),
        row("a", "2009", 5.9),
        row("b", "2000", 4.9, place="US"),
        row("b", "2018", 8.2, place="US"),
        row("c", "Lung", 30.6, unit="%", measure="Share"),
        row("c", "Rectum", 16.2, unit="%", measure="Share"),
    ]
    made = charts(rows)
    assert [(c.kind, list(c.series)) for c in made] == [("line", ["a", "b"]), ("bar", ["c"])]
    assert made[0].title == "Incidence over time (per 100,000 per year)"
    table = table_html(made[1], content.references_for)
    assert "<caption>Share: Ontario, 1994-2009</caption>" in table and "Dasari et al., 2017" in table and "30.6" in table


def test_every_published_figure_in_the_course_is_charted_once(content) -> None:
    rows = content.explorers["incidence-trends"]
    assert sum(len(c.rows) for c in charts(rows)) == len(rows)


def test_a_chart_names_each_series_with_its_source(content) -> None:
    figure = chart_figure(charts([row("a", "1994", 2.5), row("a", "2009", 5.9)])[0], content.references_for)
    assert figure["data"][0]["name"] == "Ontario, 1994-2009 (Dasari et al., 2017)" and figure["data"][0]["x"] == [1994, 2009]

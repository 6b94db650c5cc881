"""The explorers' logic, tested without widgets: Ki-67 fields, the symptom matcher, charts, cards."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from netedu.explorers.body_map import organ_html
from netedu.content import load_content
from netedu.content.explorers import EpiRow, Finding, FindingLink, Presentation, PresentationFile
from netedu.explorers.incidence_trends import charts, table_html
from netedu.medicine.ki67 import field_svg, judge, make_field
from netedu.explorers.symptom_matcher import match, results_html
from netedu.explorers.syndrome_explorer import compare_html, syndrome_html

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def content():
    return load_content(REPO)


# --- Ki-67 fields ---------------------------------------------------------------------------


def test_a_field_is_the_same_for_the_same_seed_and_has_the_asked_index() -> None:
    a, b = make_field(42, target=12), make_field(42, target=12)
    assert a == b and a.total == 520
    assert a.index == pytest.approx(12, abs=0.2)
    assert make_field(43, target=12) != a
    for target in (0, 2.5, 19, 100):
        assert make_field(1, target=target).index == pytest.approx(target, abs=0.2)


def test_positive_cells_crowd_into_a_hot_spot() -> None:
    field = make_field(7, target=10)
    positives = [c for c in field.cells if c.positive]
    cx = sum(c.x for c in positives) / len(positives)
    cy = sum(c.y for c in positives) / len(positives)
    spread_pos = sum(((c.x - cx) ** 2 + (c.y - cy) ** 2) ** 0.5 for c in positives) / len(positives)
    spread_all = sum(((c.x - cx) ** 2 + (c.y - cy) ** 2) ** 0.5 for c in field.cells) / field.total
    assert spread_pos < 0.8 * spread_all


def test_the_picture_is_a_plain_svg_and_judging_compares_grades() -> None:
    field = make_field(3, target=2.5)
    svg = base64.b64decode(field_svg(field).split(",", 1)[1]).decode()
    assert svg.count("<circle") == field.total and "<script" not in svg and svg.count("#7a4a12") == field.positive
    verdict = judge(field, 4)
    assert verdict.grade_true == "NET G1" and verdict.grade_by_estimate == "NET G2" and not verdict.same_grade
    assert verdict.difference == pytest.approx(4 - field.index)
    with pytest.raises(ValueError, match="0 to 100"):
        judge(field, 140)
    with pytest.raises(ValueError):
        make_field(1, target=120)


# --- the symptom matcher --------------------------------------------------------------------

SMALL = PresentationFile(
    findings=tuple(Finding(id=i, label=i.title(), kind="symptom") for i in ("flushing", "diarrhoea", "wheeze", "ulcers")),
    syndromes=(
        Presentation(id="cs", name="Carcinoid syndrome", findings=(FindingLink(finding="flushing", why="W1"), FindingLink(finding="diarrhoea", why="W2"), FindingLink(finding="wheeze", why="W3")), next_steps="N", references=("r",)),
        Presentation(id="zes", name="Zollinger-Ellison", findings=(FindingLink(finding="ulcers", why="W4"), FindingLink(finding="diarrhoea", why="W5")), next_steps="N", references=("r",)),
        Presentation(id="vip", name="VIPoma", findings=(FindingLink(finding="diarrhoea", why="W6"), FindingLink(finding="flushing", why="W7")), next_steps="N", references=("r",)),
    ),
)


def test_matches_rank_by_findings_explained_then_by_coverage() -> None:
    assert match(SMALL, []) == []
    ranked = match(SMALL, ["diarrhoea", "flushing"])
    assert [m.syndrome.id for m in ranked] == ["vip", "cs", "zes"]  # VIPoma: 2 of 2; carcinoid: 2 of 3
    assert [link.why for link in ranked[0].explained] == ["W6", "W7"]
    zes = ranked[2]
    assert [link.finding for link in zes.explained] == ["diarrhoea"] and zes.other == ("flushing",)
    assert match(SMALL, ["nonsense"]) == []


def test_match_results_read_well(content) -> None:
    data = content.explorers["symptom-matcher"]
    flushing = next(f.id for f in data.findings if "flush" in f.id)
    html = results_html(data, match(data, [flushing]), content.references_for)
    assert "fit</strong> what you chose" in html and "Next steps:" in html and "Source" in html
    assert "Choose findings above" in results_html(data, [], content.references_for)


# --- charts and cards -------------------------------------------------------------------------


def row(series, x, value, unit="per 100,000 per year", measure="Incidence", place="Ontario"):
    return EpiRow(series=series, place=place, period="1994-2009", x=x, measure=measure, value=value, unit=unit, reference="dasari-2017")


def test_trends_share_a_line_chart_and_categories_get_bars(content) -> None:
    rows = [row("a", "1994", 2.5), row("a", "2009", 5.9), row("b", "2000", 4.9, place="US"), row("b", "2018", 8.2, place="US"),
            row("c", "Lung", 30.6, unit="%", measure="Share"), row("c", "Rectum", 16.2, unit="%", measure="Share")]
    made = charts(rows)
    assert [(c.kind, list(c.series)) for c in made] == [("line", ["a", "b"]), ("bar", ["c"])]
    assert made[0].title == "Incidence over time (per 100,000 per year)"
    table = table_html(made[1], content.references)
    assert "<caption>Share: Ontario, 1994-2009</caption>" in table and "Dasari et al., 2017" in table and "30.6" in table


def test_every_published_figure_in_the_course_is_charted_once(content) -> None:
    rows = content.explorers["incidence-trends"]
    assert sum(len(c.rows) for c in charts(rows)) == len(rows)


def test_cards_for_organs_and_syndromes(content) -> None:
    body = content.explorers["body-map"]
    organ = next(o for o in body.organs if o.id == "small-intestine")
    html = organ_html(organ, content.references_for)
    assert organ.name in html and "How it presents" in html and "Source" in html
    syndromes = content.explorers["syndrome-explorer"].syndromes
    card = syndrome_html(syndromes[0], content.references_for)
    assert syndromes[0].name in card and "Suspect it when" in card and "Gene" in card
    table = compare_html(syndromes)
    assert all(s.name in table for s in syndromes)

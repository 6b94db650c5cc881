"""The symptom-to-syndrome matcher's logic: ranking and the results learners read."""

from __future__ import annotations

import pytest

from netedu.explorers.symptom_matcher import Finding, FindingLink, Presentation, SymptomMatcherData, match, results_html

SMALL = SymptomMatcherData(
    findings=tuple(Finding(id=i, label=i.title(), kind="symptom") for i in ("flushing", "diarrhoea", "wheeze", "ulcers")),
    syndromes=(
        Presentation(
            id="cs",
            name="Carcinoid syndrome",
            findings=(
                FindingLink(finding="flushing", why="W1"),
                FindingLink(finding="diarrhoea", why="W2"),
                FindingLink(finding="wheeze", why="W3"),
            ),
            next_steps="N",
            references=("r",),
        ),
        Presentation(
            id="zes",
            name="Zollinger-Ellison",
            findings=(FindingLink(finding="ulcers", why="W4"), FindingLink(finding="diarrhoea", why="W5")),
            next_steps="N",
            references=("r",),
        ),
        Presentation(
            id="vip",
            name="VIPoma",
            findings=(FindingLink(finding="diarrhoea", why="W6"), FindingLink(finding="flushing", why="W7")),
            next_steps="N",
            references=("r",),
        ),
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


def test_one_match_is_said_in_the_singular(content) -> None:
    data = content.explorers["symptom-matcher"]
    only = match(data, [data.syndromes[0].findings[0].finding])[:1]
    assert "1 syndrome fits</strong>" in results_html(data, only, content.references_for)


def test_a_link_to_an_unknown_finding_is_refused() -> None:
    with pytest.raises(ValueError, match="links unknown finding 'fever'"):
        SymptomMatcherData.model_validate(
            {
                **SMALL.model_dump(),
                "syndromes": [
                    *SMALL.model_dump()["syndromes"][:2],
                    {
                        **SMALL.model_dump()["syndromes"][2],
                        "findings": [{"finding": "fever", "why": "x"}, {"finding": "flushing", "why": "y"}],
                    },
                ],
            }
        )

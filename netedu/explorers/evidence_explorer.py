"""Evidence explorer: the pivotal NET drug trials, filtered by site, grade and drug class, with a
table and a chart of their headline hazard ratios.

Data: ``data/explorers/evidence-explorer.yaml`` (:class:`EvidenceExplorerData`).
"""

from __future__ import annotations

import json
from typing import Annotated, Literal

from pydantic import Field, model_validator

from netedu.content.base import Model, Slug, Text, unique_ids
from netedu.learning.feedback import ReferenceLookup, cite
from netedu.render import escape, markdown_inline, sanitize
from netedu.words import plural

__all__ = [
    "CLASS_NAMES",
    "GRADE_NAMES",
    "SITE_GROUPS",
    "SITE_NAMES",
    "EvidenceExplorerData",
    "Headline",
    "Trial",
    "filter_trials",
    "hazard_ratio_figure",
    "headline_html",
    "options",
    "sites_of",
    "table_html",
]

#: The sites a learner filters by, in the order shown.
SITE_NAMES = {
    "pancreas": "Pancreas",
    "midgut": "Midgut (small bowel)",
    "hindgut": "Hindgut (colon, rectum)",
    "lung": "Lung",
    "unknown primary": "Unknown primary",
}
#: A trial that enrolled a whole group of sites matches each site in it.
SITE_GROUPS = {
    "gastrointestinal": ("midgut", "hindgut"),
    "extra-pancreatic": ("midgut", "hindgut", "lung", "unknown primary"),
    "gastroenteropancreatic": ("pancreas", "midgut", "hindgut"),
}
GRADE_NAMES = {"G1": "G1", "G2": "G2", "G3": "G3", "well-differentiated": "Well-differentiated, grade not reported"}
CLASS_NAMES = {
    "somatostatin-analogue": "Somatostatin analogue",
    "mtor-inhibitor": "mTOR inhibitor",
    "tyrosine-kinase-inhibitor": "Tyrosine kinase inhibitor",
    "chemotherapy": "Chemotherapy",
    "radionuclide": "Radionuclide therapy",
}

#: Where a trial's patients' tumours arose: a single site, or a group a trial enrolled as a whole.
TrialSite = Literal[
    "pancreas", "midgut", "hindgut", "lung", "unknown primary", "gastrointestinal", "extra-pancreatic", "gastroenteropancreatic"
]
#: The WHO grade enrolled; "well-differentiated" for trials that did not report grades.
TrialGrade = Literal["G1", "G2", "G3", "well-differentiated"]


class Headline(Model):
    """The trial's headline result, for the chart."""

    measure: Text = Field(description="e.g. 'Median progression-free survival (months)'")
    treatment: float
    control: float | None = None
    hazard_ratio: float | None = None


class Trial(Model):
    """One pivotal trial: who took part, what was compared and what it found."""

    id: Slug
    name: Text = Field(description="Acronym or short name, e.g. CLARINET")
    drug: Text
    drug_class: Literal["somatostatin-analogue", "mtor-inhibitor", "tyrosine-kinase-inhibitor", "chemotherapy", "radionuclide"]
    sites: Annotated[tuple[TrialSite, ...], Field(min_length=1)]
    grades: Annotated[tuple[TrialGrade, ...], Field(min_length=1)]
    phase: Text
    population: Text
    arms: Annotated[tuple[Text, ...], Field(min_length=1)]
    primary_endpoint: Text
    result: Text = Field(description="The result with its numbers")
    headline: Headline
    references: Annotated[tuple[Slug, ...], Field(min_length=1)]


class EvidenceExplorerData(Model):
    """``data/explorers/evidence-explorer.yaml``."""

    trials: Annotated[tuple[Trial, ...], Field(min_length=3)]

    @model_validator(mode="after")
    def _unique_trials(self) -> EvidenceExplorerData:
        unique_ids("trial", [t.id for t in self.trials])
        return self


def sites_of(trial: Trial) -> set[str]:
    """The single sites a trial enrolled, with groups such as "gastrointestinal" expanded."""
    return {site for s in trial.sites for site in SITE_GROUPS.get(s, (s,))}


def options(trials: tuple[Trial, ...]) -> dict[str, list[str]]:
    """The values each filter can take that some trial has, in a fixed order."""
    sites = set().union(*(sites_of(t) for t in trials))
    grades = {g for t in trials for g in t.grades}
    return {
        "site": [s for s in SITE_NAMES if s in sites],
        "grade": [g for g in GRADE_NAMES if g in grades],
        "drug_class": [c for c in CLASS_NAMES if any(t.drug_class == c for t in trials)],
    }


def filter_trials(trials: tuple[Trial, ...], *, sites=(), grades=(), classes=()) -> list[Trial]:
    """Trials matching every filter given (an empty filter keeps all); a trial that enrolled a
    group of sites matches each site in the group."""
    return [
        t
        for t in trials
        if (not sites or set(sites) & sites_of(t))
        and (not grades or set(grades) & set(t.grades))
        and (not classes or t.drug_class in classes)
    ]


def headline_html(t: Trial) -> str:
    """The headline numbers in words: treatment against control, and the hazard ratio."""
    h = t.headline
    numbers = f"{h.treatment:g}" if h.control is None else f"{h.treatment:g} against {h.control:g}"
    hr = "" if h.hazard_ratio is None else f"; hazard ratio {h.hazard_ratio:g}"
    return f"{markdown_inline(h.measure)}: <strong>{numbers}</strong>{hr}"


def table_html(trials: list[Trial], references: ReferenceLookup) -> str:
    """One row per trial (name, drug, who took part, headline), each followed by a row that
    opens on the arms, the primary end point and the full result with its sources."""
    if not trials:
        return sanitize('<p class="netedu-empty">No trial matches every filter chosen. Clear a filter to see more.</p>')
    rows = "".join(
        f'<tr><th scope="row">{escape(t.name)}<br><span class="netedu-progress-text">{escape(t.phase)}</span></th>'
        f'<td>{escape(t.drug)}<br><span class="netedu-progress-text">{escape(CLASS_NAMES[t.drug_class])}</span></td>'
        f"<td>{markdown_inline(t.population)}</td><td>{headline_html(t)}</td></tr>"
        f'<tr class="netedu-trial-detail"><td colspan="4"><details><summary>{escape(t.name)}: arms, end point and full result</summary>'
        f"<p><strong>Arms:</strong> {'; '.join(markdown_inline(a) for a in t.arms)}</p>"
        f"<p><strong>Primary end point:</strong> {markdown_inline(t.primary_endpoint)}</p>"
        f"<p><strong>Result:</strong> {markdown_inline(t.result)}</p>{cite(references(t.references))}</details></td></tr>"
        for t in trials
    )
    return sanitize(
        f'<table class="netedu-table netedu-trials"><caption>{plural(len(trials), "trial")}</caption><thead><tr>'
        '<th scope="col">Trial</th><th scope="col">Drug</th><th scope="col">Who took part</th>'
        f'<th scope="col">Headline result</th></tr></thead><tbody>{rows}</tbody></table>'
    )


def hazard_ratio_figure(trials: list[Trial]) -> dict | None:
    """Each trial's headline hazard ratio against the line of no effect (1), as plotly JSON
    (``None`` if no trial shown has one). Plotly is imported only when a chart is drawn."""
    import plotly.graph_objects as go

    with_hr = [t for t in trials if t.headline.hazard_ratio is not None]
    if not with_hr:
        return None
    fig = go.Figure(
        go.Scatter(
            x=[t.headline.hazard_ratio for t in with_hr],
            y=[t.name for t in with_hr],
            mode="markers+text",
            text=[f"{t.headline.hazard_ratio:g}" for t in with_hr],
            textposition="middle right",
            marker={"size": 14, "color": "#1a4f9c"},
            hovertext=[f"{t.name}: {t.headline.measure}, hazard ratio {t.headline.hazard_ratio:g}" for t in with_hr],
            hoverinfo="text",
        )
    )
    # The template draws shapes without a line by default: give the line its own width.
    fig.add_vline(
        x=1, line_dash="dash", line_color="#8c1d23", line_width=2, opacity=1, annotation_text="no effect", annotation_position="top"
    )
    fig.update_layout(
        title={"text": "Headline hazard ratios (below 1 favours the treatment)", "font": {"size": 16}},
        xaxis={"title": {"text": "Hazard ratio"}, "range": [0, max(1.2, max(t.headline.hazard_ratio for t in with_hr) + 0.2)]},
        yaxis={"autorange": "reversed"},
        template="simple_white",
        font={"family": "system-ui, sans-serif", "size": 14, "color": "#1f1f1f"},
        height=120 + 45 * len(with_hr),
        margin={"t": 60, "b": 50, "l": 120, "r": 40},
    )
    return json.loads(fig.to_json())

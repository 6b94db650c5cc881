"""The pivotal NET drug trials: filtering, a table and the headline results (pure logic)."""

from __future__ import annotations

from collections.abc import Callable

from netedu.content.explorers_care import Trial
from netedu.content.models import Reference
from netedu.learning.feedback import cite
from netedu.render import escape, markdown_inline, sanitize

__all__ = ["CLASS_NAMES", "GRADE_NAMES", "SITE_GROUPS", "SITE_NAMES", "filter_trials", "headline_html", "options", "sites_of", "table_html"]

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


def table_html(trials: list[Trial], references: Callable[[tuple[str, ...]], list[Reference]]) -> str:
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
        f'<table class="netedu-table netedu-trials"><caption>{len(trials)} trial{"s" if len(trials) != 1 else ""}</caption><thead><tr>'
        '<th scope="col">Trial</th><th scope="col">Drug</th><th scope="col">Who took part</th>'
        f'<th scope="col">Headline result</th></tr></thead><tbody>{rows}</tbody></table>'
    )

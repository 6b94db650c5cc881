"""The diagnosis and treatment explorers, driven from Python, on small test data."""

from __future__ import annotations

from pathlib import Path

import pytest

from netedu.content import load_content
from netedu.explorers.imaging_chooser import assess, summary_text
from netedu.explorers.marker_checker import check
from netedu.content.explorers_care import TrialFile
from netedu.explorers.evidence_explorer import filter_trials, options
from netedu.widgets.explorers import (
    EvidenceExplorerWidget,
    ImagingChooserWidget,
    MarkerCheckerWidget,
    TnmStagerWidget,
    WalkThroughWidget,
)
from tests.support.care_data import IMAGING, INTERFERENCES, TRIALS, WALK
from tests.widgets.helpers import context


@pytest.fixture
def ctx(course: Path):
    return context(load_content(course))


def test_interference_logic_groups_by_marker() -> None:
    found = check(INTERFERENCES, ["renal", "walnut", "nonsense"])
    assert list(found) == ["cga", "u5hiaa"]
    assert [d.interferer.id for d in found["u5hiaa"]] == ["renal", "walnut"]
    assert [d.effect.direction for d in found["u5hiaa"]] == ["lowers", "raises"]
    assert check(INTERFERENCES, []) == {}


def test_marker_checker_widget(ctx) -> None:
    w = MarkerCheckerWidget(INTERFERENCES, ctx)
    assert [g.prompt_html for g in w.groups] == ["<strong>Medicines</strong>", "<strong>Foods</strong>", "<strong>Conditions</strong>"]
    assert "Tick the patient" in w.results.value
    w.pick("ppi", "banana")
    assert "Chromogranin A (serum)" in w.results.value and "falsely raises" in w.results.value and "TODO-PPI" in w.results.value
    assert "2 test results could be distorted" in w.results.value
    assert "Chromogranin A" in " ".join(g.announcement for g in w.groups)


def test_imaging_assessment_statuses() -> None:
    a = assess(IMAGING, "find-primary", ["fdg-pet", "ct"])
    assert (a.status("sstr-pet"), a.status("fdg-pet"), a.status("ct")) == ("missed", "chosen-wrong", "chosen-correct")
    assert (a.best_found, a.best_total, a.unhelpful_picked) == (0, 1, 1)
    with pytest.raises(KeyError):
        assess(IMAGING, "nope", [])
    assert summary_text(a) == "You did not choose the best test and 1 that would not answer this question."
    assert summary_text(assess(IMAGING, "find-primary", ["sstr-pet"])) == "You chose the best test."


def test_imaging_chooser_judges_picks_and_resets_with_a_new_scenario(ctx) -> None:
    w = ImagingChooserWidget(IMAGING, ctx)
    assert w.scenario_id == "find-primary" and "Where is the primary?" in w.situation.value
    assert all("WHY" not in o["html"] for o in w.tests.options) and w.tests.marks == []  # no key before checking
    w.tests.submit()
    assert "Choose at least one test first" in w.summary.value
    w.tests.selected = ["sstr-pet"]
    w.tests.submit()
    assert w.best_found == 1 and {m["status"] for m in w.tests.marks} == {"chosen-correct", "rightly-left"}
    assert "WHY-FDG" in " ".join(m["html"] for m in w.tests.marks) and w.tests.disabled
    w.choose("heterogeneity")
    assert w.tests.announcement == ""
    assert w.tests.marks == [] and not w.tests.disabled and w.tests.selected == []


def test_trial_filters() -> None:
    assert [t.id for t in filter_trials(TRIALS.trials, sites=["pancreas"])] == ["sunitinib", "capt"]
    assert [t.id for t in filter_trials(TRIALS.trials, sites=["pancreas"], classes=["chemotherapy"])] == ["capt"]
    assert filter_trials(TRIALS.trials, grades=["G3"]) == []


def test_a_trial_of_a_group_of_sites_matches_each_site_in_it() -> None:
    gep = TrialFile.model_validate({"trials": [
        {**t.model_dump(), "id": f"t{n}", "sites": sites}
        for n, (t, sites) in enumerate(zip(TRIALS.trials, (["gastroenteropancreatic"], ["extra-pancreatic"], ["lung"])))
    ]})
    assert [t.id for t in filter_trials(gep.trials, sites=["hindgut"])] == ["t0", "t1"]
    assert [t.id for t in filter_trials(gep.trials, sites=["pancreas"])] == ["t0"]
    assert [t.id for t in filter_trials(gep.trials, sites=["lung"])] == ["t1", "t2"]
    assert options(gep.trials)["site"] == ["pancreas", "midgut", "hindgut", "lung", "unknown primary"]


def test_evidence_explorer_filters_table_and_hazard_ratio_chart(ctx) -> None:
    w = EvidenceExplorerWidget(TRIALS, ctx)
    assert "3 trials" in w.table.value and "RESULT-PROMID" in w.table.value
    figure = w.chart.outputs[0]["data"]["application/vnd.plotly.v1+json"]
    assert figure["data"][0]["x"] == [0.34, 0.42]  # trials without a hazard ratio are not plotted
    w.filter(drug_class=["chemotherapy"])
    assert "1 trial" in w.table.value and w.chart.outputs == ()
    w.filter(drug_class=[], site=["midgut"], grade=["G2"])
    assert "No trial matches every filter" in w.table.value


def test_walkthrough_reveals_steps_then_the_closing(ctx) -> None:
    w = WalkThroughWidget(WALK, ctx)
    assert "not a clinical decision tool" in w.children[0].value and "CASE-INTRO" in w.case._stem.value
    assert w.case.shown == 1
    for n, part in enumerate(w.case.parts):
        part.value = [part.question.options[0].id]
        part.check_button.click()
        assert "REASON" in part._feedback.value
    assert w.case.answered and "CLOSING-TEXT" in w.closing.value
    assert ctx.sink.latest(ctx.learner, [p.question.id for p in w.case.parts]) == {}  # practice is not recorded


def test_tnm_stager_builds_t_n_m_then_the_stage(ctx) -> None:
    w = TnmStagerWidget(ctx)
    keys = [f["key"] for f in w.form.fields]
    assert keys == ["size", "invasion", "nodes", "liver", "outside"]
    w.form.submit({"size": "2.5 cm", "invasion": "none", "nodes": "1", "liver": "yes", "outside": "no"})
    html = w.form.result_html
    assert "T: T2" in html and "N: N1" in html and "M: M1a" in html and "Stage IV" in html
    w.choose("jejunum-ileum")
    assert "mass" in [f["key"] for f in w.form.fields] and w.form.result_html == ""
    w.form.submit({"size": "0.8", "invasion": "mucosa-or-submucosa", "nodes": "12", "mass": "no", "liver": "no", "outside": "no"})
    assert "N: N2" in w.form.result_html and "Stage III" in w.form.result_html
    w.form.submit({"size": "-1", "invasion": "subserosa", "nodes": "2.5", "mass": "no", "liver": "no", "outside": "no"})
    assert "more than 0 cm" in w.form.errors["size"]
    assert "whole number" in w.form.errors["nodes"]


def test_walkthrough_step_titles_end_in_one_stop() -> None:
    from netedu.explorers.prrt_walkthrough import as_case

    steps = [{**s.model_dump(), "title": title} for s, title in zip(WALK.steps, ("Indication", "Does it apply?"))]
    walk = WALK.model_validate({**WALK.model_dump(), "steps": steps + [s.model_dump() for s in WALK.steps[2:]]})
    stems = [p.stem for p in as_case(walk).parts]
    assert stems[0].startswith("**Indication.** ") and stems[1].startswith("**Does it apply?** ")

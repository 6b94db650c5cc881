"""The evidence explorer's logic: filters, and trials that enrolled groups of sites."""

from __future__ import annotations

from netedu.explorers.evidence_explorer import EvidenceExplorerData, filter_trials, hazard_ratio_figure, options
from tests.support.care_data import TRIALS


def test_trial_filters() -> None:
    assert [t.id for t in filter_trials(TRIALS.trials, sites=["pancreas"])] == ["sunitinib", "capt"]
    assert [t.id for t in filter_trials(TRIALS.trials, sites=["pancreas"], classes=["chemotherapy"])] == ["capt"]
    assert filter_trials(TRIALS.trials, grades=["G3"]) == []


def test_a_trial_of_a_group_of_sites_matches_each_site_in_it() -> None:
    gep = EvidenceExplorerData.model_validate(
        {
            "trials": [
                {**t.model_dump(), "id": f"t{n}", "sites": sites}
                for n, (t, sites) in enumerate(
                    zip(TRIALS.trials, (["gastroenteropancreatic"], ["extra-pancreatic"], ["lung"]), strict=True)
                )
            ]
        }
    )
    assert [t.id for t in filter_trials(gep.trials, sites=["hindgut"])] == ["t0", "t1"]
    assert [t.id for t in filter_trials(gep.trials, sites=["pancreas"])] == ["t0"]
    assert [t.id for t in filter_trials(gep.trials, sites=["lung"])] == ["t1", "t2"]
    assert options(gep.trials)["site"] == ["pancreas", "midgut", "hindgut", "lung", "unknown primary"]


def test_the_chart_shows_only_trials_with_a_hazard_ratio() -> None:
    assert hazard_ratio_figure(TRIALS.trials[1:])["data"][0]["y"] == ["Sunitinib phase III"]
    assert hazard_ratio_figure(TRIALS.trials[2:]) is None

"""ImagingChooserWidget, driven from Python on small test data."""

from __future__ import annotations

from netedu.widgets.explorers.imaging_chooser import ImagingChooserWidget
from tests.support.care_data import IMAGING


def test_imaging_chooser_judges_picks_and_resets_with_a_new_scenario(ctx) -> None:
    w = ImagingChooserWidget(IMAGING, ctx)
    assert w.scenario_id == "find-primary" and "Where is the primary?" in w.situation.value
    assert all("WHY" not in o["html"] for o in w.tests.options) and w.tests.marks == []  # no key before checking
    w.tests.submit()
    assert "Choose at least one test first" in w.summary.value
    w.tests.selected = ["sstr-pet"]
    w.tests.submit()
    assert w.best_found == 1 and {m["status"] for m in w.tests.marks} == {"chosen-correct", "rightly-left"}
    marks = " ".join(m["html"] for m in w.tests.marks)
    assert "WHY-FDG" in marks and "What it shows:</strong> Glucose use." in marks and w.tests.disabled
    w.choose("heterogeneity")
    assert w.tests.announcement == ""
    assert w.tests.marks == [] and not w.tests.disabled and w.tests.selected == []

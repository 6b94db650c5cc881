"""The imaging chooser's logic."""

from __future__ import annotations

import pytest

from netedu.explorers.imaging_chooser import ImagingChooserData, assess, rating_html, summary_text
from tests.support.care_data import IMAGING


def test_imaging_assessment_statuses() -> None:
    a = assess(IMAGING, "find-primary", ["fdg-pet", "ct"])
    assert (a.status("sstr-pet"), a.status("fdg-pet"), a.status("ct")) == ("missed", "chosen-wrong", "chosen-correct")
    assert (a.best_found, a.best_total, a.unhelpful_picked) == (0, 1, 1)
    with pytest.raises(KeyError):
        assess(IMAGING, "nope", [])
    assert summary_text(a) == "You did not choose the best test and 1 that would not answer this question."
    assert summary_text(assess(IMAGING, "find-primary", ["sstr-pet"])) == "You chose the best test."


def test_each_rating_says_why_and_what_the_test_shows() -> None:
    a = assess(IMAGING, "find-primary", ["fdg-pet"])
    html = rating_html(IMAGING, a, "fdg-pet", lambda ids: [])
    assert "You chose it. Does not answer this question" in html and "WHY-FDG" in html and "What it shows:</strong> Glucose use." in html


def test_a_scenario_must_rate_every_test_and_name_a_best_one() -> None:
    data = IMAGING.model_dump()
    data["scenarios"][0]["ratings"] = data["scenarios"][0]["ratings"][:2]
    with pytest.raises(ValueError, match="must rate every test once"):
        ImagingChooserData.model_validate(data)

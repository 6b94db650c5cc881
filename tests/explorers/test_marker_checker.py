"""The marker interference checker's logic."""

from __future__ import annotations

import pytest

from netedu.explorers.marker_checker import MarkerCheckerData, check, results_html
from tests.support.care_data import INTERFERENCES


def test_interference_logic_groups_by_marker() -> None:
    found = check(INTERFERENCES, ["renal", "walnut", "nonsense"])
    assert list(found) == ["cga", "u5hiaa"]
    assert [d.interferer.id for d in found["u5hiaa"]] == ["renal", "walnut"]
    assert [d.effect.direction for d in found["u5hiaa"]] == ["lowers", "raises"]
    assert check(INTERFERENCES, []) == {}


def test_one_distorted_result_is_said_in_the_singular() -> None:
    html = results_html(INTERFERENCES, check(INTERFERENCES, ["ppi"]), lambda ids: [])
    assert "1 test result could be distorted" in html and "falsely raises" in html


def test_an_effect_on_an_unknown_marker_is_refused() -> None:
    data = INTERFERENCES.model_dump()
    data["interferers"][0]["effects"][0]["marker"] = "gastrin"
    with pytest.raises(ValueError, match="'ppi' names unknown marker 'gastrin'"):
        MarkerCheckerData.model_validate(data)

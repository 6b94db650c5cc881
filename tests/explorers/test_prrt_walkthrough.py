"""The PRRT walk-through as a case."""

from __future__ import annotations

from netedu.explorers.prrt_walkthrough import as_case
from tests.support.care_data import WALK


def test_walkthrough_steps_become_parts_whose_key_point_is_the_reasoning() -> None:
    case = as_case(WALK)
    assert [p.id for p in case.parts] == ["walkthrough-indication", "walkthrough-uptake", "walkthrough-kidney"]
    assert case.parts[0].explanation == "REASON-1." and not case.parts[0].shuffle


def test_walkthrough_step_titles_end_in_one_stop() -> None:
    steps = [{**s.model_dump(), "title": title} for s, title in zip(WALK.steps, ("Indication", "Does it apply?"), strict=False)]
    walk = WALK.model_validate({**WALK.model_dump(), "steps": steps + [s.model_dump() for s in WALK.steps[2:]]})
    stems = [p.stem for p in as_case(walk).parts]
    assert stems[0].startswith("**Indication.** ") and stems[1].startswith("**Does it apply?** ")

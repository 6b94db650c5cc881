"""PrrtWalkthroughWidget, driven from Python on small test data."""

from __future__ import annotations

from netedu.widgets.explorers.prrt_walkthrough import PrrtWalkthroughWidget
from tests.support.care_data import WALK


def test_walkthrough_reveals_steps_then_the_closing(ctx) -> None:
    w = PrrtWalkthroughWidget(WALK, ctx)
    assert "not a clinical decision tool" in w.children[0].value and "CASE-INTRO" in w.case._stem.value
    assert w.case.shown == 1
    for part in w.case.parts:
        part.value = [part.question.options[0].id]
        part.check_button.click()
        assert "REASON" in part._feedback.value
    assert w.case.answered and "CLOSING-TEXT" in w.closing.value
    assert ctx.store.latest(ctx.learner, [p.question.id for p in w.case.parts]) == {}  # practice is not recorded

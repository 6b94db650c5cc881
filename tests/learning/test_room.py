"""The room's answers for the educator: tallies, the store's query, the key, the panel."""

from __future__ import annotations

from pathlib import Path

import pytest

from netedu.content import load_content
from netedu.learning.room import tally, tally_html
from netedu.store.events import AnswerEvent
from tests.widgets.helpers import RIGHT

EARLY = "2000-01-01T00:00:00.000+00:00"


def answer(learner: str, qid: str, response, when: str | None = None) -> AnswerEvent:
    fields = dict(learner=learner, question_id=qid, topic_id=None, mode="tutor", response=response, correct=False, score=0.0, max_score=1.0)
    return AnswerEvent(timestamp=when, **fields) if when else AnswerEvent.now(**fields)


@pytest.fixture
def content(course: Path):
    return load_content(course)


def test_single_choice_counts_each_option_and_marks_the_right_one_only_when_asked(content) -> None:
    q = content.question("alpha-single")
    t = tally(q, [answer("a", q.id, ["right-one"]), answer("b", q.id, ["wrong-one"]), answer("c", q.id, ["right-one"])])
    assert t.answered == 3 and (t.right, t.partly, t.wrong) == (2, 0, 1)
    assert [(r.label_html, r.count, r.correct) for r in t.rows] == [
        ("The first option", 1, False),
        ("The second option", 2, True),
        ("The third option", 0, False),
    ]
    shown_order = tally(q, [], order=["right-one", "wrong-two", "wrong-one"])
    assert [r.key for r in shown_order.rows] == ["right-one", "wrong-two", "wrong-one"]  # as the educator's screen shows them
    assert "0 learners answered in the last 12 hours" in tally_html(shown_order, since=None, show_right=False)
    hidden = tally_html(t, since=EARLY, show_right=False)
    shown = tally_html(t, since=EARLY, show_right=True)
    assert (
        "3 learners answered since" in hidden
        and "(this round)" in hidden
        and "✓ right answer" not in hidden
        and "fully right" not in hidden
    )
    assert shown.count("✓ right answer") == 1 and "2 fully right, 1 not right." in shown
    assert '<progress class="netedu-bar" value="2" max="3" aria-hidden="true"></progress> 2 (67%)' in shown


def test_multiple_choice_counts_every_option_chosen_and_partly_right_answers(content) -> None:
    q = content.question("alpha-multiple")
    t = tally(q, [answer("a", q.id, ["yes-a", "yes-c"]), answer("b", q.id, ["yes-a"]), answer("c", q.id, ["no-b", "yes-a"])])
    counts = {key: row.count for key, row in zip([o.id for o in q.options], t.rows, strict=True)}
    assert counts == {"yes-a": 3, "no-b": 1, "yes-c": 1}
    assert [r.correct for r in t.rows] == [o.correct for o in q.options]
    assert t.right == 1


def test_true_false_and_hotspot_are_tallied_like_choices(content) -> None:
    tf = content.question("beta-tf")
    t = tally(tf, [answer("a", tf.id, ["false"]), answer("b", tf.id, ["true"]), answer("c", tf.id, ["false"])])
    assert [(r.label_html, r.count, r.correct) for r in t.rows] == [("True", 1, False), ("False", 2, True)]
    hot = content.question("beta-hotspot")
    t = tally(hot, [answer("a", hot.id, ["middle-box"]), answer("b", hot.id, ["left-box"])])
    assert sum(r.count for r in t.rows) == 2 and t.right == 1


def test_numeric_answers_are_grouped_by_value_with_the_rest_as_other_values(content) -> None:
    q = content.question("beta-numeric")
    given = ["12", "12 %", "11.5", "20", "3", "4", "5", "6", "7", "12"]
    t = tally(q, [answer(f"l{n}", q.id, text) for n, text in enumerate(given)])
    assert t.rows[0].label_html == "12 %" and t.rows[0].count == 3 and t.rows[0].correct
    assert t.rows[-1].label_html == "Other values" and sum(r.count for r in t.rows) == 10
    assert t.right == 4  # 12 (x3) and 11.5 are within the tolerance of 1


def test_ordering_and_matching_count_places_and_rows_and_always_show_outcomes(content) -> None:
    order = content.question("beta-ordering")
    right = RIGHT["beta-ordering"]
    swapped = [right[1], right[0], *right[2:]]
    t = tally(order, [answer("a", order.id, right), answer("b", order.id, swapped)])
    assert [r.count for r in t.rows] == [1, 1, 2, 2] and (t.right, t.partly) == (1, 1)
    assert "1 fully right, 1 partly right, 0 not right." in tally_html(t, since=EARLY, show_right=False)
    match = content.question("beta-matching")
    half = {**RIGHT["beta-matching"], "vipoma": ["Insulin", "Plasma VIP"]}
    t = tally(match, [answer("a", match.id, RIGHT["beta-matching"]), answer("b", match.id, half)])
    assert [r.count for r in t.rows] == [2, 2, 1]


def test_answers_that_no_longer_fit_the_question_are_left_out_and_said_so(content) -> None:
    q = content.question("alpha-single")
    t = tally(q, [answer("a", q.id, ["an-option-since-deleted"]), answer("b", q.id, ["right-one"])])
    assert (t.answered, t.unreadable) == (1, 1)
    assert "1 earlier answer(s) no longer fit" in tally_html(t, since=EARLY, show_right=False)


def test_no_answers_yet_and_labels_are_sanitized(content) -> None:
    q = content.question("alpha-single")
    html = tally_html(tally(q, []), since=EARLY, show_right=True)
    assert "0 learners answered" in html and "No answers from the room yet" in html

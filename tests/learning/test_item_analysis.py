"""Item analysis after a session: a hand-worked example, cross-checks against pingouin, edge cases."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pingouin as pg
import pytest
from scipy import stats

from netedu.content import Content, Option, SingleChoice, load_content
from netedu.learning.item_analysis import session_analysis
from netedu.store.events import AnswerEvent

T0 = "2026-12-07T09:30:00.000000+00:00"
T1 = "2026-12-07T09:31:00.000000+00:00"


def answer(learner: str, qid: str, response, score: float, when: str = T0, max_score: float = 1.0) -> AnswerEvent:
    return AnswerEvent(learner, qid, None, "exam", response, score == max_score, float(score), max_score, when)


@pytest.fixture
def content(course: Path) -> Content:
    return load_content(course)


# --- a small example, worked by hand ---------------------------------------------------------

# Five learners, four items of the test course (1 = right):
#
#            alpha-single  alpha-multiple  beta-tf  beta-hotspot   total
#   ana           1              1            1          1           4
#   ben           1              1            0          1           3
#   cy            0              0            1          1           2
#   dee           0              0            0          1           1
#   eve           0              0            1          0           1
#
# Facility p: 2/5 = 0.4, 0.4, 3/5 = 0.6, 4/5 = 0.8.
# Totals: mean 2.2; deviations 1.8, 0.8, -0.2, -1.2, -1.2; squares sum to 6.8, so the
# population variance is 6.8 / 5 = 1.36 and SD = sqrt(1.36) = 1.166.
# KR-20: sum of p*q = 0.24 + 0.24 + 0.24 + 0.16 = 0.88; 4/3 * (1 - 0.88 / 1.36) = 0.471.
# SEM = 1.166 * sqrt(1 - 0.4706) = sqrt(1.36 * 0.5294) = sqrt(0.72) = 0.849.
#
# Item-rest point-biserial (rest = total - item), r = Sxy / sqrt(Sxx * Syy):
#   alpha-single   x = 1 1 0 0 0, rest = 3 2 2 1 1: Sxy = 1.4, Sxx = 1.2, Syy = 2.8 -> 1.4 / sqrt(3.36) = 0.764
#   alpha-multiple the same scores -> 0.764
#   beta-tf        x = 1 0 1 0 1, rest = 3 3 1 1 0: Sxy = -0.8, Sxx = 1.2, Syy = 7.2 -> -0.8 / sqrt(8.64) = -0.272
#   beta-hotspot   x = 1 1 1 1 0, rest = 3 2 1 0 1: Sxy = 0.4, Sxx = 0.8, Syy = 5.2 -> 0.4 / sqrt(4.16) = 0.196
#
# Upper-lower: groups of round(0.27 * 5) = round(1.35) = 1. Upper: ana (4). Lower: dee and eve
# are tied at 1 for the one place, so each counts half.
#   alpha-single 1 - (0 + 0) / 2 = 1.0; alpha-multiple 1.0; beta-tf 1 - (0 + 1) / 2 = 0.5; beta-hotspot 1 - (1 + 0) / 2 = 0.5
#
# Options (share of 5 respondents):
#   alpha-single:   wrong-one 3 (0.6), right-one 2 (0.4), wrong-two 0 (0.0: non-functioning)
#   alpha-multiple: yes-a 4 (0.8), no-b 2 (0.4), yes-c 3 (0.6): a learner picks several, shares add to 1.8
#   beta-tf:        true 2 (0.4), false 3 (0.6)
#   beta-hotspot:   left-box 1 (0.2), middle-box 4 (0.8), right-box 0 (0.0: non-functioning)
#
# Objectives: obj-one (alpha-single) p = 0.4, mastered (>= 0.7) by ana and ben: 2/5 = 0.4.
# obj-b (beta-tf, beta-hotspot) p = (0.6 + 0.8) / 2 = 0.7; learners' shares 1, 0.5, 1, 0.5, 0.5: 2/5 = 0.4.
HAND = {
    "alpha-single": {"ana": ["right-one"], "ben": ["right-one"], "cy": ["wrong-one"], "dee": ["wrong-one"], "eve": ["wrong-one"]},
    "alpha-multiple": {
        "ana": ["yes-a", "yes-c"],
        "ben": ["yes-c", "yes-a"],
        "cy": ["yes-a"],
        "dee": ["yes-a", "no-b"],
        "eve": ["yes-c", "no-b"],
    },
    "beta-tf": {"ana": ["false"], "ben": ["true"], "cy": ["false"], "dee": ["true"], "eve": ["false"]},
    "beta-hotspot": {"ana": "middle-box", "ben": "middle-box", "cy": "middle-box", "dee": "middle-box", "eve": "left-box"},
}
HAND_SCORES = {
    "alpha-single": [1, 1, 0, 0, 0],
    "alpha-multiple": [1, 1, 0, 0, 0],
    "beta-tf": [1, 0, 1, 0, 1],
    "beta-hotspot": [1, 1, 1, 1, 0],
}


def hand_events() -> list[AnswerEvent]:
    return [
        answer(learner, qid, response, score)
        for qid, responses in HAND.items()
        for (learner, response), score in zip(responses.items(), HAND_SCORES[qid], strict=True)
    ]


def test_hand_worked_example_gives_facility_discrimination_options_and_reliability(content) -> None:
    result = session_analysis(hand_events(), [content.question(q) for q in HAND], content)
    assert result.learners == 5 and result.blanks == 0 and result.max_total == 4
    got = {i.question_id: (i.n, round(i.facility, 3), round(i.discrimination, 3), round(i.upper_lower, 3)) for i in result.items}
    assert got == {
        "alpha-single": (5, 0.4, 0.764, 1.0),
        "alpha-multiple": (5, 0.4, 0.764, 1.0),
        "beta-tf": (5, 0.6, -0.272, 0.5),
        "beta-hotspot": (5, 0.8, 0.196, 0.5),
    }
    shares = {i.question_id: [(o.option_id, o.chosen, round(o.share, 3), o.non_functioning) for o in i.options] for i in result.items}
    assert shares["alpha-single"] == [("wrong-one", 3, 0.6, False), ("right-one", 2, 0.4, False), ("wrong-two", 0, 0.0, True)]
    assert shares["alpha-multiple"] == [("yes-a", 4, 0.8, False), ("no-b", 2, 0.4, False), ("yes-c", 3, 0.6, False)]
    assert shares["beta-tf"] == [("true", 2, 0.4, False), ("false", 3, 0.6, False)]
    assert shares["beta-hotspot"] == [("left-box", 1, 0.2, False), ("middle-box", 4, 0.8, False), ("right-box", 0, 0.0, True)]
    assert result.method == "KR-20"
    assert round(result.reliability, 3) == 0.471
    assert round(result.mean_total, 3) == 2.2 and round(result.sd_total, 3) == 1.166
    assert round(result.sem, 3) == 0.849
    codes = {i.question_id: [f.code for f in i.flags] for i in result.items}
    assert codes == {
        "alpha-single": ["non-functioning-distractor"],
        "alpha-multiple": [],
        "beta-tf": ["negative-discrimination"],
        "beta-hotspot": ["poor-discrimination", "non-functioning-distractor"],
    }
    assert [i.question_id for i in result.flagged] == ["alpha-single", "beta-tf", "beta-hotspot"]
    mastery = {
        o.objective_id: (o.topic_id, o.items, o.n, round(o.facility, 3), o.mastered, round(o.share_mastered, 3)) for o in result.objectives
    }
    assert mastery == {
        "obj-one": ("alpha", ("alpha-single",), 5, 0.4, 2, 0.4),
        "obj-two": ("alpha", ("alpha-multiple",), 5, 0.4, 2, 0.4),
        "obj-b": ("beta", ("beta-tf", "beta-hotspot"), 5, 0.7, 2, 0.4),
    }
    assert result.objectives[0].text == "Say what alpha is." and result.objectives[0].threshold == 0.7


def test_the_mastery_threshold_can_be_set_and_must_be_a_share(content) -> None:
    questions = [content.question(q) for q in HAND]
    lenient = session_analysis(hand_events(), questions, content, mastery=0.5)
    assert {o.objective_id: o.mastered for o in lenient.objectives}["obj-b"] == 5  # 0.5 is at the threshold: it counts
    with pytest.raises(ValueError, match="mastery threshold is a share of the marks"):
        session_analysis(hand_events(), questions, content, mastery=70)


def test_flags_carry_reasons_an_educator_can_read(content) -> None:
    result = session_analysis(hand_events(), [content.question(q) for q in HAND], content)
    reasons = [f.reason for i in result.items for f in i.flags]
    assert reasons == [
        "non-functioning distractor: 'The third option' was chosen by 0 of 5 respondents (under 5%)",
        "negative discrimination: check the key (item-rest correlation -0.272: "
        "learners who did less well on the rest of the session did better on this item)",
        "discriminates poorly: item-rest correlation 0.196 (under 0.2)",
        "non-functioning distractor: 'Right box' was chosen by 0 of 5 respondents (under 5%)",
    ]
    hard = session_analysis([answer(who, "beta-tf", ["true"], 0) for who in "abcdef"], [content.question("beta-tf")], content).item(
        "beta-tf"
    )
    assert [f.reason for f in hard.flags] == ["very hard: facility 0 (under 0.2)"]


# --- cross-checks against pingouin on data with a known structure ------------------------------


def rasch_scores(learners: int, items: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """0/1 scores from a one-parameter logistic (Rasch) model: ability N(0, 1), difficulty -2 to 2."""
    rng = np.random.default_rng(seed)
    ability = rng.normal(size=(learners, 1))
    difficulty = np.linspace(-2, 2, items)
    p_right = 1 / (1 + np.exp(-(ability - difficulty)))
    return (rng.random((learners, items)) < p_right).astype(float), difficulty


def bank(content: Content, items: int) -> tuple[Content, list[SingleChoice]]:
    """The test course with a topic of ``items`` right-or-wrong questions."""
    options = (
        Option(id="right", text="Right", correct=True, explanation="Yes."),
        Option(id="wrong", text="Wrong", correct=False, explanation="No."),
    )
    fields = dict(type="single", objective="obj-one", difficulty="core", stem="Which?", references=("ref-one",), options=options)
    questions = [SingleChoice(id=f"item-{j}", **fields) for j in range(items)]
    synthetic = Content(content.root, content.course, content.topics, {"alpha": tuple(questions)}, content.references)
    return synthetic, questions


def test_alpha_and_item_rest_correlations_match_pingouin_on_a_rasch_model(content) -> None:
    scores, difficulty = rasch_scores(60, 20, seed=20261207)
    synthetic, questions = bank(content, 20)
    events = [
        answer(f"learner-{i:02d}", q.id, ["right" if scores[i, j] else "wrong"], scores[i, j])
        for i in range(60)
        for j, q in enumerate(questions)
    ]
    result = session_analysis(events, questions, synthetic)

    alpha, _ = pg.cronbach_alpha(data=pd.DataFrame(scores))
    assert result.method == "KR-20" and result.reliability == pytest.approx(alpha, abs=1e-9)
    assert result.reliability > 0.7  # twenty items on one ability hang together
    totals = scores.sum(axis=1)
    assert result.sem == pytest.approx(totals.std(ddof=0) * math.sqrt(1 - alpha), abs=1e-9)
    for j, q in enumerate(questions):
        rest = totals - scores[:, j]
        item = result.item(q.id)
        assert item.discrimination == pytest.approx(pg.corr(scores[:, j], rest)["r"].iloc[0], abs=1e-9)
        assert item.discrimination == pytest.approx(stats.pointbiserialr(scores[:, j], rest).statistic, abs=1e-9)
        assert item.facility == pytest.approx(scores[:, j].mean(), abs=1e-12)
    facility = [result.item(q.id).facility for q in questions]
    assert stats.spearmanr(facility, difficulty).statistic < -0.9  # harder items: fewer right
    assert np.mean([result.item(q.id).discrimination for q in questions]) > 0.2


def test_partial_credit_uses_cronbachs_alpha_on_item_scores_and_matches_pingouin(content) -> None:
    rng = np.random.default_rng(7)
    ability = rng.normal(size=40)
    ids = ["beta-tf", "beta-numeric", "beta-ordering", "beta-matching", "beta-hotspot"]
    levels = {"beta-ordering": 4, "beta-matching": 3}  # partial credit in quarters and thirds
    table = np.zeros((40, len(ids)))
    events = []
    for i, a in enumerate(ability):
        for j, qid in enumerate(ids):
            steps = levels.get(qid, 1)
            right = rng.random(steps) < 1 / (1 + np.exp(-(a - 0.3 * j)))
            table[i, j] = right.mean()
            events.append(answer(f"l{i}", qid, None, table[i, j]))  # the statistics read scores, not responses
    result = session_analysis(events, [content.question(q) for q in ids], content)
    assert result.method == "Cronbach's alpha"
    assert result.reliability == pytest.approx(pg.cronbach_alpha(data=pd.DataFrame(table))[0], abs=1e-9)
    assert result.item("beta-ordering").facility == pytest.approx(table[:, 2].mean())


# --- edge cases ---------------------------------------------------------------------------------


def test_an_item_everyone_got_right_is_very_easy_with_no_discrimination(content) -> None:
    events = [answer(who, "alpha-single", ["right-one"], 1) for who in "abcd"]
    events += [answer(who, "alpha-multiple", ["yes-a", "yes-c"] if who in "ab" else ["no-b"], who in "ab") for who in "abcd"]
    result = session_analysis(events, [content.question("alpha-single"), content.question("alpha-multiple")], content)
    item = result.item("alpha-single")
    assert item.facility == 1.0 and item.discrimination is None and item.upper_lower == 0.0
    assert [f.code for f in item.flags] == ["very-easy", "non-functioning-distractor", "non-functioning-distractor"]
    assert item.flags[0].reason == "very easy: facility 1 (over 0.9)"


def test_one_learner_gives_facility_but_no_discrimination_or_reliability(content) -> None:
    events = [answer("solo", "alpha-single", ["right-one"], 1), answer("solo", "beta-tf", ["true"], 0)]
    result = session_analysis(events, [content.question("alpha-single"), content.question("beta-tf")], content)
    item = result.item("alpha-single")
    assert (item.n, item.facility, item.discrimination, item.upper_lower) == (1, 1.0, None, None)
    assert result.learners == 1 and result.reliability is None and result.method is None and result.sem is None
    assert result.mean_total == 1.0 and result.sd_total == 0.0


def test_a_question_nobody_answered_has_n_zero_and_is_left_out_of_reliability(content) -> None:
    questions = [content.question(q) for q in HAND]
    answered = [e for e in hand_events() if e.question_id != "alpha-multiple"]
    result = session_analysis(answered, questions, content)
    item = result.item("alpha-multiple")
    assert (item.n, item.facility, item.discrimination, item.upper_lower, item.flags) == (0, None, None, None, ())
    assert [(o.chosen, o.share, o.non_functioning) for o in item.options] == [(0, None, False)] * 3
    mastery = {o.objective_id: o for o in result.objectives}["obj-two"]
    assert (mastery.n, mastery.facility, mastery.share_mastered) == (0, None, None)
    assert result.max_total == 3 and result.blanks == 0
    three = np.array([HAND_SCORES[q] for q in HAND if q != "alpha-multiple"]).T
    assert result.reliability == pytest.approx(pg.cronbach_alpha(data=pd.DataFrame(three))[0])
    empty = session_analysis([], questions, content)
    assert empty.learners == 0 and empty.reliability is None and empty.mean_total is None and empty.max_total == 0


def test_the_latest_answer_of_a_learner_wins_over_an_earlier_one(content) -> None:
    q = content.question("alpha-single")
    later_first = [answer("ana", q.id, ["right-one"], 1, when=T1), answer("ana", q.id, ["wrong-one"], 0, when=T0)]
    later_first += [answer("ben", q.id, ["wrong-one"], 0), answer("ben", q.id, ["wrong-two"], 0)]  # same moment: the later place wins
    item = session_analysis(later_first, [q], content).item(q.id)
    assert item.n == 2 and item.facility == 0.5
    assert [(o.option_id, o.chosen) for o in item.options] == [("wrong-one", 0), ("right-one", 1), ("wrong-two", 1)]


def test_unanswered_items_count_zero_in_a_learners_total(content) -> None:
    events = [e for e in hand_events() if not (e.learner == "ana" and e.question_id == "beta-hotspot")]
    result = session_analysis(events, [content.question(q) for q in HAND], content)
    assert result.blanks == 1 and result.item("beta-hotspot").n == 4
    assert result.mean_total == pytest.approx((3 + 3 + 2 + 1 + 1) / 5)
    table = pd.DataFrame({q: HAND_SCORES[q] for q in HAND})
    table.loc[0, "beta-hotspot"] = 0  # the blank, as 0
    assert result.reliability == pytest.approx(pg.cronbach_alpha(data=table)[0])


def test_a_cases_parts_are_analysed_as_separate_items(content) -> None:
    events = [answer(who, "beta-case-one", ["urine"], 1) for who in "abc"] + [answer("d", "beta-case-one", ["biopsy"], 0)]
    events += [answer(who, "beta-case-two", ["false"], 1) for who in "ab"] + [answer(who, "beta-case-two", ["true"], 0) for who in "cd"]
    result = session_analysis(events, [content.question("beta-case")], content)
    assert [(i.question_id, i.n, i.facility) for i in result.items] == [("beta-case-one", 4, 0.75), ("beta-case-two", 4, 0.5)]
    with pytest.raises(KeyError, match="beta-case"):
        result.item("beta-case")
    assert [(o.objective_id, o.items) for o in result.objectives] == [("obj-b", ("beta-case-one", "beta-case-two"))]


def test_multiple_answer_options_are_counted_one_by_one(content) -> None:
    q = content.question("alpha-multiple")
    picks = [["yes-a", "yes-c"], ["yes-a"], ["yes-a", "no-b", "yes-c"], ["no-b"]]
    events = [answer(f"l{n}", q.id, p, p == ["yes-a", "yes-c"]) for n, p in enumerate(picks)]
    item = session_analysis(events, [q], content).item(q.id)
    assert [(o.option_id, o.correct, o.chosen, o.share) for o in item.options] == [
        ("yes-a", True, 3, 0.75),
        ("no-b", False, 2, 0.5),
        ("yes-c", True, 2, 0.5),
    ]
    assert item.facility == 0.25


def test_answers_to_other_questions_are_left_out(content) -> None:
    events = hand_events() + [answer("zed", "beta-numeric", "12", 1)]
    result = session_analysis(events, [content.question(q) for q in HAND], content)
    assert result.learners == 5 and [i.question_id for i in result.items] == list(HAND)

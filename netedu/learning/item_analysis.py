"""Item analysis after a session: facility, discrimination, distractors, reliability and mastery by objective."""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from netedu.content import Content, Hotspot, MultipleChoice, Question, SingleChoice, TrueFalse, gradable
from netedu.store.events import AnswerEvent

__all__ = [
    "EXTREME_GROUP_PERCENT",
    "MASTERY",
    "NON_FUNCTIONING",
    "POOR_DISCRIMINATION",
    "VERY_EASY",
    "VERY_HARD",
    "Flag",
    "ItemStats",
    "ObjectiveMastery",
    "OptionShare",
    "SessionAnalysis",
    "session_analysis",
]

#: The usual bands of classical item analysis.
VERY_HARD = 0.2  # facility under this: very hard
VERY_EASY = 0.9  # facility over this: very easy
POOR_DISCRIMINATION = 0.2  # item-rest correlation under this: discriminates poorly
NON_FUNCTIONING = 0.05  # a distractor chosen by under this share of respondents does no work
EXTREME_GROUP_PERCENT = 27  # Kelley's upper and lower groups, in per cent of respondents
MASTERY = 0.7  # a learner has mastered an objective at or above this share of its marks

_CHOOSING = (SingleChoice, MultipleChoice, TrueFalse, Hotspot)
_EPSILON = 1e-9  # totals equal to this are tied; a share this close to the threshold reaches it


@dataclass(frozen=True)
class Flag:
    """Why an item deserves a second look: a stable code and a sentence for the educator."""

    code: str  # very-hard, very-easy, poor-discrimination, negative-discrimination, non-functioning-distractor
    reason: str


@dataclass(frozen=True)
class OptionShare:
    """How many respondents chose one option of a choice item (several each, for multiple answers)."""

    option_id: str
    text: str  # the option's Markdown, as authored
    correct: bool
    chosen: int
    share: float | None  # chosen / respondents (None: nobody answered)
    non_functioning: bool  # a wrong option chosen by under NON_FUNCTIONING of respondents


@dataclass(frozen=True)
class ItemStats:
    """One gradable question (a case's part is an item of its own), over its respondents."""

    question_id: str
    objective_id: str
    n: int  # learners who answered it
    facility: float | None  # p, the difficulty index: mean of score / max_score
    discrimination: float | None  # item-rest point-biserial (None: n < 3 or no variance)
    upper_lower: float | None  # Kelley's D: p in the upper 27% by total minus p in the lower 27%
    options: tuple[OptionShare, ...]  # choice items only
    flags: tuple[Flag, ...]


@dataclass(frozen=True)
class ObjectiveMastery:
    """How the room did on one learning objective."""

    topic_id: str | None
    objective_id: str
    text: str
    items: tuple[str, ...]
    n: int  # learners who answered at least one of its items
    facility: float | None  # mean facility of its answered items
    mastered: int  # learners at or above the threshold over the items they answered
    share_mastered: float | None
    threshold: float


@dataclass(frozen=True)
class SessionAnalysis:
    """Every item, every objective, and the reliability of the session taken as one test."""

    learners: int
    items: tuple[ItemStats, ...]
    objectives: tuple[ObjectiveMastery, ...]
    reliability: float | None  # KR-20, or Cronbach's alpha when an item gave partial credit
    method: str | None  # "KR-20" or "Cronbach's alpha" (None: too few items, learners or spread)
    mean_total: float | None
    sd_total: float | None  # population SD (divisor N) of the totals
    sem: float | None  # standard error of measurement: sd_total * sqrt(1 - reliability)
    max_total: float  # the marks available on the items anyone answered
    blanks: int  # answers missing from the learner-by-item table, counted as 0 in totals

    def item(self, question_id: str) -> ItemStats:
        """The statistics of one item (``KeyError`` naming it if it was not analysed)."""
        for item in self.items:
            if item.question_id == question_id:
                return item
        raise KeyError(f"no item {question_id!r} in this analysis")

    @property
    def flagged(self) -> tuple[ItemStats, ...]:
        """The items with at least one flag, in question order."""
        return tuple(i for i in self.items if i.flags)


def session_analysis(
    events: Iterable[AnswerEvent], questions: Iterable[Question], content: Content, *, mastery: float = MASTERY
) -> SessionAnalysis:
    """Classical item analysis of one session's answers to ``questions`` (a case counts part by part).

    Each learner counts once per item, with their latest answer (by timestamp, then by place in
    ``events``); answers to other questions are left out. A learner's total is the sum of their
    item scores, an item they left unanswered counting 0, as in an exam. Every item statistic
    is taken over the item's respondents; the reliability over the learner-by-item table.
    Variances and the SD divide by N: the room is the whole group described, not a sample, and
    for 0/1 items that variance is KR-20's p * q. Alpha does not depend on the divisor; the SEM
    does (with N - 1 it would be sqrt(N / (N - 1)) times larger).

    >>> from netedu.content import load_content
    >>> from netedu.settings import find_root
    >>> content = load_content(find_root())
    >>> q = content.question("bm-normal-cga-tf")
    >>> def answer(who, choice):
    ...     fields = dict(topic_id="biomarkers", mode="exam", timestamp="2026-12-07T09:30:00.000000+00:00", max_score=1.0)
    ...     return AnswerEvent(who, q.id, response=[choice], correct=choice == "false", score=float(choice == "false"), **fields)
    >>> result = session_analysis([answer("ana", "false"), answer("ben", "false"), answer("cy", "true")], [q], content)
    >>> item = result.item("bm-normal-cga-tf")
    >>> item.n, round(item.facility, 3), [(o.option_id, o.chosen) for o in item.options]
    (3, 0.667, [('true', 1), ('false', 2)])
    """
    if not 0 < mastery <= 1:
        raise ValueError(f"the mastery threshold is a share of the marks, above 0 and at most 1; got {mastery}")
    items = [part for q in questions for part in gradable(q)]
    answers = _latest(events, {i.id for i in items})
    learners = sorted({learner for by_learner in answers.values() for learner in by_learner})
    # rounded, so that equal marks reached in another order are equal totals
    totals = {who: round(sum(answers[i.id][who].score for i in items if who in answers[i.id]), 9) for who in learners}
    stats = tuple(_item(i, answers[i.id], totals) for i in items)

    answered = [i for i in items if answers[i.id]]
    table = [[answers[i.id][learner].score if learner in answers[i.id] else 0.0 for i in answered] for learner in learners]
    reliability = _alpha(table)
    dichotomous = all(e.score in (0, e.max_score) for i in answered for e in answers[i.id].values())
    sd = statistics.pstdev(totals.values()) if totals else None
    return SessionAnalysis(
        learners=len(learners),
        items=stats,
        objectives=_objectives(items, stats, answers, content, mastery),
        reliability=reliability,
        method=None if reliability is None else "KR-20" if dichotomous else "Cronbach's alpha",
        mean_total=statistics.fmean(totals.values()) if totals else None,
        sd_total=sd,
        sem=None if reliability is None or sd is None else sd * math.sqrt(max(0.0, 1 - reliability)),
        max_total=sum(max(e.max_score for e in answers[i.id].values()) for i in answered),
        blanks=sum(learner not in answers[i.id] for i in answered for learner in learners),
    )


def _latest(events: Iterable[AnswerEvent], ids: set[str]) -> dict[str, dict[str, AnswerEvent]]:
    """Question id -> learner -> that learner's latest answer (a later timestamp wins, then a later place)."""
    out: dict[str, dict[str, AnswerEvent]] = {qid: {} for qid in ids}
    kept = sorted((e.timestamp, place, e) for place, e in enumerate(events) if e.question_id in ids)
    for _, _, event in kept:
        out[event.question_id][event.learner] = event
    return out


def _fraction(event: AnswerEvent) -> float:
    return event.score / event.max_score if event.max_score else 0.0


def _item(question: Question, answers: dict[str, AnswerEvent], totals: dict[str, float]) -> ItemStats:
    n = len(answers)
    scores = [e.score for e in answers.values()]
    fractions = [_fraction(e) for e in answers.values()]
    facility = statistics.fmean(fractions) if n else None
    rest = [totals[learner] - e.score for learner, e in answers.items()]
    discrimination = _pearson(scores, rest) if n >= 3 else None
    ranked = [(totals[learner], _fraction(e)) for learner, e in answers.items()]
    upper_lower = _upper_lower(ranked) if n >= 2 else None
    options = _options(question, list(answers.values())) if isinstance(question, _CHOOSING) else ()
    return ItemStats(
        question.id, question.objective, n, facility, discrimination, upper_lower, options, _flags(facility, discrimination, options, n)
    )


def _pearson(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Pearson's r (with a 0/1 item: the point-biserial); ``None`` when either side does not vary.

    >>> round(_pearson([1, 1, 0, 0, 0], [3, 2, 2, 1, 1]), 3), _pearson([1, 1, 1], [0, 1, 2])
    (0.764, None)
    """
    try:
        return statistics.correlation(x, y)
    except statistics.StatisticsError:
        return None


def _upper_lower(ranked: Sequence[tuple[float, float]]) -> float:
    """Kelley's index from (total, item fraction) pairs: mean fraction of the upper group minus the lower.

    Each group holds round(27% of n) respondents, half rounded up, at least 1. Learners tied on
    the total at a group's edge share its last places equally (two tied for one place count half
    each), so the index never depends on learners' names or the order they answered in.

    >>> _upper_lower([(4, 1), (3, 1), (2, 0), (1, 0), (1, 1)])  # the lower place is shared
    0.5
    """
    size = max(1, (len(ranked) * EXTREME_GROUP_PERCENT + 50) // 100)
    return _group_mean(ranked, size, upper=True) - _group_mean(ranked, size, upper=False)


def _group_mean(ranked: Sequence[tuple[float, float]], size: int, *, upper: bool) -> float:
    ordered = sorted(ranked, key=lambda pair: pair[0], reverse=upper)
    edge = ordered[size - 1][0]
    tied = [f for t, f in ordered if abs(t - edge) <= _EPSILON]
    inside = [f for t, f in ordered if abs(t - edge) > _EPSILON and (t > edge) == upper]
    return (sum(inside) + (size - len(inside)) / len(tied) * sum(tied)) / size


def _options(question: Question, answers: list[AnswerEvent]) -> tuple[OptionShare, ...]:
    chosen: Counter[str] = Counter()
    for event in answers:
        response = [event.response] if isinstance(event.response, str) else event.response
        chosen.update({c for c in response if isinstance(c, str)} if isinstance(response, (list, tuple)) else ())
    n = len(answers)
    out = []
    for o in question.options:  # type: ignore[union-attr]
        share = chosen[o.id] / n if n else None
        out.append(
            OptionShare(o.id, o.text, o.correct, chosen[o.id], share, share is not None and not o.correct and share < NON_FUNCTIONING)
        )
    return tuple(out)


def _flags(facility: float | None, r: float | None, options: Sequence[OptionShare], n: int) -> tuple[Flag, ...]:
    """The item's flags, each with its reason.

    >>> [f.reason for f in _flags(0.95, 0.1961, (), 20)]
    ['very easy: facility 0.95 (over 0.9)', 'discriminates poorly: item-rest correlation 0.196 (under 0.2)']
    """
    flags = []
    if facility is not None and facility < VERY_HARD:
        flags.append(Flag("very-hard", f"very hard: facility {_num(facility)} (under {_num(VERY_HARD)})"))
    if facility is not None and facility > VERY_EASY:
        flags.append(Flag("very-easy", f"very easy: facility {_num(facility)} (over {_num(VERY_EASY)})"))
    if r is not None and r < 0:
        why = "learners who did less well on the rest of the session did better on this item"
        flags.append(Flag("negative-discrimination", f"negative discrimination: check the key (item-rest correlation {_num(r)}: {why})"))
    elif r is not None and r < POOR_DISCRIMINATION:
        flags.append(
            Flag("poor-discrimination", f"discriminates poorly: item-rest correlation {_num(r)} (under {_num(POOR_DISCRIMINATION)})")
        )
    for o in options:
        if o.non_functioning:
            chosen = f"'{o.text}' was chosen by {o.chosen} of {n} respondents (under {NON_FUNCTIONING:.0%})"
            flags.append(Flag("non-functioning-distractor", f"non-functioning distractor: {chosen}"))
    return tuple(flags)


def _num(x: float) -> str:
    """A statistic to at most 3 decimals, as an educator reads it: ``0.196``, ``0.4``, ``1``."""
    return f"{x:.3f}".rstrip("0").rstrip(".") if round(x, 3) else "0"


def _alpha(table: Sequence[Sequence[float]]) -> float | None:
    """Cronbach's alpha of a learner-by-item table; for 0/1 scores it is KR-20.

    alpha = k / (k - 1) * (1 - sum of item variances / variance of totals). Both variances use
    the population divisor N, so for 0/1 items each item's variance is exactly KR-20's p * q;
    the divisor cancels in the ratio, so the value equals pingouin's (which uses N - 1 for both).
    ``None`` with fewer than 2 items or learners, or when every total is the same.

    >>> round(_alpha([[1, 1, 1, 1], [1, 1, 0, 1], [0, 0, 1, 1], [0, 0, 0, 1], [0, 0, 1, 0]]), 3)
    0.471
    """
    if len(table) < 2 or len(table[0]) < 2:
        return None
    k = len(table[0])
    total_variance = statistics.pvariance([sum(row) for row in table])
    if total_variance <= _EPSILON:
        return None
    item_variance = sum(statistics.pvariance([row[j] for row in table]) for j in range(k))
    return k / (k - 1) * (1 - item_variance / total_variance)


def _objectives(
    items: Sequence[Question], stats: Sequence[ItemStats], answers: dict[str, dict[str, AnswerEvent]], content: Content, mastery: float
) -> tuple[ObjectiveMastery, ...]:
    groups: dict[tuple[str | None, str], list[int]] = {}
    for place, item in enumerate(items):
        groups.setdefault((_topic_id(content, item.id), item.objective), []).append(place)
    out = []
    for (topic_id, objective_id), places in groups.items():
        text = {o.id: o.text for o in content.topics[topic_id].objectives}.get(objective_id, objective_id) if topic_id else objective_id
        facilities = [stats[p].facility for p in places if stats[p].facility is not None]
        marks: dict[str, tuple[float, float]] = {}  # learner -> (earned, available) on the items they answered
        for e in (e for p in places for e in answers[items[p].id].values()):
            earned, available = marks.get(e.learner, (0.0, 0.0))
            marks[e.learner] = (earned + e.score, available + e.max_score)
        mastered = sum(available > 0 and earned >= (mastery - _EPSILON) * available for earned, available in marks.values())
        facility = statistics.fmean(facilities) if facilities else None
        share = mastered / len(marks) if marks else None
        ids = tuple(items[p].id for p in places)
        out.append(ObjectiveMastery(topic_id, objective_id, text, ids, len(marks), facility, mastered, share, mastery))
    return tuple(out)


def _topic_id(content: Content, question_id: str) -> str | None:
    try:
        return content.topic_of(question_id).id
    except KeyError:
        return None  # a question outside the course: its objective is named by its id

"""The room's answers to one question, for the educator's screen: pure logic, no widgets.

Each learner counts once, with their latest answer since the question's round began (an
educator can start a new round to ask again after a discussion). Stored responses are graded
again, so every question type is tallied the way it is marked: options chosen, numbers given,
items in their place, rows matched. Only counts leave this module, never a learner's id.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from netedu.content.questions import Matching, Numeric, Ordering, Question
from netedu.learning.grading import ResponseError, grade
from netedu.render import escape, markdown_inline, sanitize
from netedu.store.events import AnswerEvent, stamp, utc_now
from netedu.words import plural

__all__ = ["ROUND_WINDOW", "RoomTally", "TallyRow", "default_since", "tally", "tally_html"]

#: Without a round started by the educator, the room is everyone who answered this long ago or later.
ROUND_WINDOW = dt.timedelta(hours=12)
#: Numeric answers: the most frequent values shown one by one; the rest are grouped.
TOP_VALUES = 6


def default_since(now: dt.datetime | None = None) -> str:
    """Where the room starts when the educator has not started a round: :data:`ROUND_WINDOW` ago."""
    return stamp((now or utc_now()) - ROUND_WINDOW)


@dataclass(frozen=True)
class TallyRow:
    """One line of the tally: an option, a value, an item or a matched row."""

    key: str
    label_html: str
    count: int
    correct: bool | None = None  # None: rightness does not apply to the line


@dataclass(frozen=True)
class RoomTally:
    """How the room answered one question: a row per option (value, item, row) and the outcome."""

    question_id: str
    answered: int
    rows: tuple[TallyRow, ...]
    right: int
    partly: int
    what: str  # what a row counts, e.g. "chose it"
    reveals: bool  # whether the rows' counts themselves show which answer is right
    unreadable: int = 0  # stored answers that no longer fit the question (the content changed)

    @property
    def wrong(self) -> int:
        return self.answered - self.right - self.partly


def tally(question: Question, events: Iterable[AnswerEvent], order: Sequence[str] = ()) -> RoomTally:
    """Count the latest answer of each learner in ``events`` (one per learner expected).

    ``order``: the option, item or row ids as the educator's screen shows them, so the table
    follows the question above it (and an ordering's table does not give its answer away)."""
    verdicts, unreadable = [], 0
    for event in events:
        try:
            verdicts.append(grade(question, event.response))
        except (ResponseError, TypeError, ValueError, KeyError, AttributeError):
            unreadable += 1
    n = len(verdicts)
    right = sum(v.correct for v in verdicts)
    partly = sum((not v.correct) and v.score > 0 for v in verdicts)
    if isinstance(question, Numeric):
        values = Counter(v.value for v in verdicts if v.value is not None)
        correct_of = {v.value: v.correct for v in verdicts}
        ranked = sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))
        unit = f" {question.unit}" if question.unit else ""
        rows = [TallyRow(f"{value:g}", escape(f"{value:g}{unit}"), count, correct_of[value]) for value, count in ranked[:TOP_VALUES]]
        if rest := sum(count for _, count in ranked[TOP_VALUES:]):
            rows.append(TallyRow("other", "Other values", rest))
        return RoomTally(question.id, n, tuple(rows), right, partly, "gave it", True, unreadable)
    if isinstance(question, Ordering):
        in_place = Counter(m.key for v in verdicts for m in v.marks if m.status == "in-place")
        rows = [TallyRow(i.id, markdown_inline(i.text), in_place[i.id]) for i in question.items]
        return RoomTally(question.id, n, _ordered(rows, order), right, partly, "put it in its place", False, unreadable)
    if isinstance(question, Matching):
        matched = Counter(m.key for v in verdicts for m in v.marks if m.status == "row-right")
        rows = [TallyRow(r.id, markdown_inline(r.prompt), matched[r.id]) for r in question.rows]
        return RoomTally(question.id, n, _ordered(rows, order), right, partly, "matched it fully", False, unreadable)
    chosen = Counter(m.key for v in verdicts for m in v.marks if m.status.startswith("chosen"))
    rows = [TallyRow(o.id, markdown_inline(o.text), chosen[o.id], o.correct) for o in question.options]  # type: ignore[union-attr]
    return RoomTally(question.id, n, _ordered(rows, order), right, partly, "chose it", True, unreadable)


def _ordered(rows: list[TallyRow], order: Sequence[str]) -> tuple[TallyRow, ...]:
    place = {key: n for n, key in enumerate(order)}
    return tuple(sorted(rows, key=lambda r: place.get(r.key, len(place))))


def _since_text(since: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(since).astimezone()
    except ValueError:
        return ""
    return f" since {moment:%H:%M} (this round)"


def tally_html(t: RoomTally, *, since: str | None, show_right: bool) -> str:
    """The tally as a table with bars; which answer is right is marked only if ``show_right``.
    ``since``: when the educator started this round (``None``: the default window)."""
    window = _since_text(since) if since else f" in the last {ROUND_WINDOW.seconds // 3600 + ROUND_WINDOW.days * 24} hours"
    people = f"{plural(t.answered, 'learner')} answered{window}"
    head = f'<p class="netedu-room-count"><strong>{escape(people)}</strong></p>'
    if t.unreadable:
        head += f'<p class="netedu-progress-text">{t.unreadable} earlier answer(s) no longer fit the question and are left out.</p>'
    if not t.answered:
        return sanitize(
            head + '<p class="netedu-empty">No answers from the room yet: the counts appear here as learners check their answers.</p>'
        )
    body = []
    for row in t.rows:
        mark = ""
        if show_right and row.correct:
            mark = ' <strong class="netedu-room-right">✓ right answer</strong>'
        share = round(100 * row.count / t.answered)
        body.append(
            f'<tr><th scope="row">{row.label_html}{mark}</th>'
            f'<td><progress class="netedu-bar" value="{row.count}" max="{t.answered}" aria-hidden="true"></progress> '
            f"{row.count} ({share}%)</td></tr>"
        )
    outcome = ""
    if show_right or not t.reveals:
        parts = [f"{t.right} fully right"] + ([f"{t.partly} partly right"] if t.partly else []) + [f"{t.wrong} not right"]
        outcome = f"<p>{escape(', '.join(parts))}.</p>"
    table = (
        '<table class="netedu-room-table"><caption>The room\'s answers</caption><thead><tr>'
        f'<th scope="col">Answer</th><th scope="col">Learners who {escape(t.what)}</th></tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )
    return sanitize(head + table + outcome)

"""Turn a verdict into what the learner reads: a mark per option/item/row, a cited summary, and
a sentence for screen readers. Right and wrong are always said in words and icons, not colour.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from netedu.content.models import Reference
from netedu.content.questions import Matching, MultipleChoice, Numeric, Ordering, Question, SingleChoice
from netedu.learning.grading import Verdict
from netedu.render import escape, markdown, sanitize

__all__ = ["Feedback", "MarkFeedback", "ReferenceLookup", "answer_summary", "cite", "feedback_for"]

#: Reference ids -> their entries (``Content.references_for``).
ReferenceLookup = Callable[[tuple[str, ...]], list[Reference]]

# status -> (icon, words, css class)
_LABELS: dict[str, tuple[str, str, str]] = {
    "chosen-correct": ("✓", "Your answer: correct", "netedu-mark-correct"),
    "chosen-wrong": ("✗", "Your answer: incorrect", "netedu-mark-wrong"),
    "missed": ("✓", "Correct answer (not chosen)", "netedu-mark-missed"),
    "rightly-left": ("–", "Incorrect option (rightly not chosen)", "netedu-mark-neutral"),
    "in-place": ("✓", "In the right place", "netedu-mark-correct"),
    "out-of-place": ("✗", "Out of place", "netedu-mark-wrong"),
    "row-right": ("✓", "Matched correctly", "netedu-mark-correct"),
    "row-partial": ("◐", "Partly right", "netedu-mark-wrong"),
    "row-wrong": ("✗", "Not matched correctly", "netedu-mark-wrong"),
}


@dataclass(frozen=True)
class MarkFeedback:
    """Feedback for one option, item, row or region (``key`` is its id)."""

    key: str
    status: str
    label: str
    html: str


@dataclass(frozen=True)
class Feedback:
    """Everything shown after a check: marks, a summary, and a short announcement."""

    marks: tuple[MarkFeedback, ...]
    summary_html: str
    announcement: str


def cite(refs: list[Reference]) -> str:
    """Short linked citations, e.g. ``Source: <a ...>Dasari et al., 2017</a>`` (sanitized HTML)."""
    if not refs:
        return ""
    links = "; ".join(f'<a href="{escape(r.link)}" title="{escape(r.citation)}">{escape(r.short)}</a>' for r in refs)
    noun = "Source" if len(refs) == 1 else "Sources"
    return sanitize(f'<p class="netedu-cite">{noun}: {links}</p>')


def _badge(status: str, words: str | None = None) -> str:
    icon, label, cls = _LABELS[status]
    return (
        f'<div class="netedu-mark {cls}"><span class="netedu-mark-icon" aria-hidden="true">{icon}</span>'
        f" <strong>{escape(words or label)}</strong></div>"
    )


def _mark(key: str, status: str, body: str, refs: list[Reference], words: str | None = None) -> MarkFeedback:
    label = words or _LABELS[status][1]
    return MarkFeedback(key, status, label, sanitize(_badge(status, words) + body + cite(refs)))


def _summary(question: Question, verdict: Verdict, refs: list[Reference], detail: str, extra: str = "") -> tuple[str, str]:
    if verdict.correct:
        head, cls, spoken = "✓ Correct", "netedu-verdict-correct", "Correct."
    elif verdict.score > 0:
        head, cls, spoken = "◐ Partly right", "netedu-verdict-wrong", "Partly right."
    else:
        head, cls, spoken = "✗ Not quite", "netedu-verdict-wrong", "Incorrect."
    if detail:
        spoken += " " + detail
    if not isinstance(question, Numeric):
        spoken += " Each answer is now marked with its explanation."
    parts = [f'<p class="netedu-verdict {cls}"><strong>{head}</strong> {escape(detail)}</p>', extra]
    if question.explanation and not isinstance(question, Numeric):
        parts.append(f'<div class="netedu-keypoint"><strong>Key point:</strong> {markdown(question.explanation)}</div>')
    parts.append(cite(refs))
    full = "".join(f'<li>{escape(r.citation)} <a href="{escape(r.link)}">{escape(r.link)}</a></li>' for r in refs)
    parts.append(f"<details><summary>Full references</summary><ol>{full}</ol></details>")
    return sanitize("".join(parts)), spoken


def _choice(question, verdict: Verdict, refs: ReferenceLookup) -> tuple[list[MarkFeedback], str]:
    by_id = {o.id: o for o in question.options}
    marks = []
    for m in verdict.marks:
        option = by_id[m.key]
        words = "Incorrect option" if m.status == "rightly-left" and not isinstance(question, MultipleChoice) else None
        marks.append(_mark(m.key, m.status, markdown(option.explanation), refs(option.references or question.references), words))
    detail = ""
    if isinstance(question, MultipleChoice):
        detail = (
            f"You chose {verdict.count('chosen-correct')} of {verdict.count('chosen-correct', 'missed')} correct options"
            f" and {verdict.count('chosen-wrong')} incorrect."
        )
    elif not isinstance(question, SingleChoice):  # true/false or hotspot: name the right answer
        right = next(o for o in question.options if o.correct)
        detail = f"The answer is: {right.text}."
    return marks, detail


def _ordering(question: Ordering, verdict: Verdict, refs: ReferenceLookup) -> tuple[list[MarkFeedback], str]:
    by_id = {i.id: i for i in question.items}
    marks = []
    for m in verdict.marks:
        item = by_id[m.key]
        pos, want = m.detail["position"], m.detail["expected"]
        words = f"In the right place ({want})" if m.status == "in-place" else f"You put it at {pos}; it belongs at {want}"
        marks.append(_mark(m.key, m.status, markdown(item.explanation), refs(item.references or question.references), words))
    placed = verdict.count("in-place")
    detail = f"{placed} of {len(question.items)} items in the right place; {verdict.score:.0%} of pairs in the right order."
    return marks, detail


def _matching(question: Matching, verdict: Verdict, refs: ReferenceLookup) -> tuple[list[MarkFeedback], str]:
    by_id = {r.id: r for r in question.rows}
    marks, right = [], 0
    for m in verdict.marks:
        row = by_id[m.key]
        cells = []
        for col, (chosen, expected, ok) in enumerate(zip(m.detail["chosen"], m.detail["expected"], m.detail["cells"], strict=True)):
            right += ok
            verdict_words = "correct" if ok else f"incorrect; the match is {escape(expected)}"
            cells.append(f"<li>{escape(question.columns[col])}: you chose {escape(chosen)} ({verdict_words})</li>")
        body = f"<ul>{''.join(cells)}</ul>{markdown(row.explanation)}"
        marks.append(_mark(m.key, m.status, body, refs(row.references or question.references), f"{_LABELS[m.status][1]}: {row.prompt}"))
    total = len(question.rows) * len(question.columns)
    return marks, f"{right} of {total} matches right."


def _numeric(question: Numeric, verdict: Verdict) -> tuple[str, str]:
    unit = f" {question.unit}" if question.unit else ""
    accepted = ""
    if question.tolerance:
        low, high = question.answer - question.tolerance, question.answer + question.tolerance
        accepted = f" (answers from {low:g} to {high:g}{unit} are accepted)"
    detail = f"You answered {verdict.value:g}{unit}; the answer is {question.answer:g}{unit}{accepted}."
    extra = ""
    if verdict.hint:
        extra += f'<div class="netedu-hint-feedback"><strong>About your answer:</strong> {markdown(verdict.hint)}</div>'
    extra += f'<div class="netedu-keypoint"><strong>How to get there:</strong> {markdown(question.explanation)}</div>'
    return detail, extra


def feedback_for(question: Question, verdict: Verdict, references: ReferenceLookup) -> Feedback:
    """Build the feedback for ``verdict``; ``references`` resolves reference ids to entries."""
    extra = ""
    if isinstance(question, Numeric):
        marks: list[MarkFeedback] = []
        detail, extra = _numeric(question, verdict)
    elif isinstance(question, Ordering):
        marks, detail = _ordering(question, verdict, references)
    elif isinstance(question, Matching):
        marks, detail = _matching(question, verdict, references)
    else:
        marks, detail = _choice(question, verdict, references)
    summary, spoken = _summary(question, verdict, references(question.references), detail, extra)
    return Feedback(tuple(marks), summary, spoken)


def answer_summary(question: Question, references: ReferenceLookup) -> str:
    """For a question the learner left unanswered (an exam): the answer, the key point, sources."""
    if isinstance(question, Numeric):
        unit = f" {question.unit}" if question.unit else ""
        answer = f"{question.answer:g}{unit}. {question.explanation}"
    elif isinstance(question, Ordering):
        answer = "in this order: " + "; ".join(f"{n}. {i.text}" for n, i in enumerate(question.items, 1))
    elif isinstance(question, Matching):
        answer = "; ".join(f"{r.prompt} → {', '.join(r.answers)}" for r in question.rows)
    else:
        answer = ", ".join(o.text for o in question.options if o.correct)
    parts = [
        '<p class="netedu-verdict netedu-verdict-wrong"><strong>– Not answered</strong></p>',
        f'<div class="netedu-keypoint"><strong>The answer:</strong> {markdown(answer)}</div>',
    ]
    if question.explanation and not isinstance(question, Numeric):
        parts.append(f'<div class="netedu-keypoint"><strong>Key point:</strong> {markdown(question.explanation)}</div>')
    parts.append(cite(references(question.references)))
    return sanitize("".join(parts))

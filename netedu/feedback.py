"""Turn a verdict into what the learner reads: per-option feedback and a cited summary."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .content.models import Question, Reference, SingleChoice
from .grading import OptionStatus, Verdict
from .render import escape, markdown, sanitize

__all__ = ["Feedback", "OptionFeedback", "cite", "feedback_for"]

# Right and wrong are never told by colour alone: an icon and words say it too.
_LABELS: dict[OptionStatus, tuple[str, str, str]] = {
    "chosen-correct": ("✓", "Your answer: correct", "netedu-mark-correct"),
    "chosen-wrong": ("✗", "Your answer: incorrect", "netedu-mark-wrong"),
    "missed": ("✓", "Correct answer (not chosen)", "netedu-mark-missed"),
    "rightly-left": ("–", "Incorrect option (rightly not chosen)", "netedu-mark-neutral"),
}


@dataclass(frozen=True)
class OptionFeedback:
    """Feedback for one option, in the order the options are shown."""

    status: OptionStatus
    label: str
    html: str


@dataclass(frozen=True)
class Feedback:
    """Everything shown after a check: per-option marks, a summary, and a short announcement."""

    options: tuple[OptionFeedback, ...]
    summary_html: str
    announcement: str


def cite(refs: list[Reference]) -> str:
    """Short linked citations, e.g. ``Source: <a ...>Dasari et al., 2017</a>`` (sanitized HTML)."""
    if not refs:
        return ""
    links = "; ".join(
        f'<a href="{escape(r.link)}" title="{escape(r.citation)}">{escape(r.short)}</a>' for r in refs
    )
    noun = "Source" if len(refs) == 1 else "Sources"
    return sanitize(f'<p class="netedu-cite">{noun}: {links}</p>')


def _summary(question: Question, verdict: Verdict, refs: list[Reference]) -> tuple[str, str]:
    if verdict.correct:
        head, cls, spoken = "✓ Correct", "netedu-verdict-correct", "Correct."
    else:
        head, cls, spoken = "✗ Not quite", "netedu-verdict-wrong", "Incorrect."
    detail = ""
    if not isinstance(question, SingleChoice):
        detail = (
            f"You chose {verdict.chosen_correct} of {verdict.total_correct} correct options"
            f" and {sum(o.chosen and not o.is_correct for o in verdict.options)} incorrect."
        )
        spoken += " " + detail
    spoken += " Each option is now marked with its explanation."
    parts = [f'<p class="netedu-verdict {cls}"><strong>{head}</strong> {escape(detail)}</p>']
    if question.explanation:
        parts.append(f'<div class="netedu-keypoint"><strong>Key point:</strong> {markdown(question.explanation)}</div>')
    parts.append(cite(refs))
    full = "".join(f"<li>{escape(r.citation)} <a href=\"{escape(r.link)}\">{escape(r.link)}</a></li>" for r in refs)
    parts.append(f"<details><summary>Full references</summary><ol>{full}</ol></details>")
    return sanitize("".join(parts)), spoken


def feedback_for(
    question: Question, verdict: Verdict, references: Callable[[tuple[str, ...]], list[Reference]]
) -> Feedback:
    """Build the feedback for ``verdict``; ``references`` resolves reference ids to entries."""
    by_id = {o.id: o for o in question.options}
    items = []
    for ov in verdict.options:
        option = by_id[ov.option_id]
        icon, label, cls = _LABELS[ov.status]
        if ov.status == "rightly-left" and isinstance(question, SingleChoice):
            label = "Incorrect option"
        refs = references(option.references or question.references)
        body = (
            f'<div class="netedu-mark {cls}"><span class="netedu-mark-icon" aria-hidden="true">{icon}</span>'
            f' <strong>{escape(label)}</strong></div>{markdown(option.explanation)}{cite(refs)}'
        )
        items.append(OptionFeedback(ov.status, label, sanitize(body)))
    summary, spoken = _summary(question, verdict, references(question.references))
    return Feedback(tuple(items), summary, spoken)

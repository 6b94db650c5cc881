"""What notebooks call: one line each, returning a widget (or a friendly message)."""

from __future__ import annotations

import logging
from pathlib import Path

import ipywidgets as ipw

from .content import Case, Content, ContentError, load_content
from .render import escape
from .settings import find_root
from .widgets import CaseWidget, QuestionWidget, QuizContext, QuizWidget, SafeHTML

__all__ = ["question", "quiz"]

log = logging.getLogger("netedu")


def _content(root: Path | str | None) -> Content:
    return load_content(Path(root) if root is not None else find_root())


def _unavailable(what: str, err: Exception) -> SafeHTML:
    log.error("netedu: %s could not be loaded: %s", what, err)
    details = str(err).strip("'\"")
    box = SafeHTML(
        f'<div class="netedu-error" role="alert"><p><strong>This {escape(what)} could not be loaded.</strong> '
        "The rest of the page still works. Please tell your instructor.</p>"
        f"<details><summary>Details for the course author</summary><pre>{escape(details)}</pre></details></div>"
    )
    box.add_class("netedu-unavailable")
    return box


def quiz(
    topic_id: str,
    *,
    mode: str = "tutor",
    time_limit: float | None = None,
    root: Path | str | None = None,
) -> ipw.Widget:
    """The question bank of one topic, one question at a time, with a running score.

    ``mode``: ``"tutor"`` (feedback after each answer), ``"exam"`` (feedback at the end;
    ``time_limit`` in minutes) or ``"review"`` (only the questions you last got wrong).

    >>> import netedu
    >>> netedu.quiz("what-are-nets")  # doctest: +SKIP
    >>> netedu.quiz("what-are-nets", mode="exam", time_limit=20)  # doctest: +SKIP
    """
    try:
        content = _content(root)
        topic = content.topic(topic_id)
        ctx = QuizContext.from_content(content, topic.id)
        return QuizWidget(content.questions[topic.id], ctx, label=f"Quiz: {topic.title}", mode=mode, time_limit=time_limit)  # type: ignore[arg-type]
    except (ContentError, KeyError, FileNotFoundError, ValueError) as err:
        return _unavailable("quiz", err)


def question(question_id: str, *, root: Path | str | None = None) -> ipw.Widget:
    """One question (or case), shown in place: a check-your-understanding stop in the text.

    >>> netedu.question("wan-net-vs-nec")  # doctest: +SKIP
    """
    try:
        content = _content(root)
        q = content.question(question_id)
        ctx = QuizContext.from_content(content, content.topic_of(question_id).id)
        view = CaseWidget(q, ctx) if isinstance(q, Case) else QuestionWidget(q, ctx)
        view.add_class("netedu-inline-question")
        return view
    except (ContentError, KeyError, FileNotFoundError, ValueError) as err:
        return _unavailable("question", err)

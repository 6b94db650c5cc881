"""What notebooks call: one line each, returning a widget (or a friendly message)."""

from __future__ import annotations

import logging
from pathlib import Path

import ipywidgets as ipw

from .content import Content, ContentError, load_content
from .render import escape
from .settings import find_root
from .widgets import QuestionWidget, QuizWidget, SafeHTML

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


def quiz(topic_id: str, *, root: Path | str | None = None) -> ipw.Widget:
    """The question bank of one topic, one question at a time, with a running score.

    >>> import netedu
    >>> netedu.quiz("what-are-nets")  # doctest: +SKIP
    """
    try:
        content = _content(root)
        topic = content.topic(topic_id)
        return QuizWidget(content.questions[topic.id], content.references_for, label=f"Quiz: {topic.title}")
    except (ContentError, KeyError, FileNotFoundError) as err:
        return _unavailable("quiz", err)


def question(question_id: str, *, root: Path | str | None = None) -> ipw.Widget:
    """One question, shown in place (a check-your-understanding stop in the narrative).

    >>> netedu.question("ne-cell-function")  # doctest: +SKIP
    """
    try:
        content = _content(root)
        view = QuestionWidget(content.question(question_id), content.references_for)
        view.add_class("netedu-inline-question")
        return view
    except (ContentError, KeyError, FileNotFoundError) as err:
        return _unavailable("question", err)

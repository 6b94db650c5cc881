"""What notebooks call: one line each, returning a widget (or a friendly message).

This module is the composition root for notebooks: it decides the course, the learner and the
store, and hands them to the widgets, which never choose those themselves.
"""

from __future__ import annotations

from pathlib import Path

import ipywidgets as ipw

from netedu.content import Content, load_content
from netedu.content.calls import Call
from netedu.server.identity import UnknownLearner, current_learner, is_educator
from netedu.settings import find_root
from netedu.store import default_store
from netedu.widgets import QuizContext
from netedu.widgets.calls import EXPECTED_ERRORS, build_call, unavailable

__all__ = ["course", "explore", "question", "quiz"]


def _content(root: Path | str | None) -> Content:
    return load_content(Path(root) if root is not None else find_root())


def _context(content: Content, topic_id: str | None) -> QuizContext:
    return QuizContext.from_content(content, learner=current_learner(), store=default_store(), topic_id=topic_id, educator=is_educator())


def quiz(topic_id: str, *, mode: str = "tutor", time_limit: float | None = None, root: Path | str | None = None) -> ipw.Widget:
    """The question bank of one topic, one question at a time, with a running score.

    ``mode``: ``"tutor"`` (feedback after each answer), ``"exam"`` (feedback at the end;
    ``time_limit`` in minutes), ``"review"`` (only the questions you last got wrong) or
    ``"spaced"`` (only the questions you got right that are due again, after growing gaps).

    >>> import netedu
    >>> netedu.quiz("what-are-nets").mode, netedu.quiz("what-are-nets", mode="exam", time_limit=20).mode
    ('tutor', 'exam')
    """
    try:
        content = _content(root)
        ctx = _context(content, topic_id if topic_id in content.topics else None)
    except (*EXPECTED_ERRORS, UnknownLearner) as err:
        return unavailable("quiz", err)
    return build_call(Call("quiz", (topic_id,), {"mode": mode, "time_limit": time_limit}), content, ctx)


def question(question_id: str, *, root: Path | str | None = None) -> ipw.Widget:
    """One question (or case), shown in place: a check-your-understanding stop in the text.

    >>> import netedu
    >>> type(netedu.question("wan-net-vs-nec")).__name__
    'QuestionWidget'
    """
    try:
        content = _content(root)
        ctx = _context(content, content.topic_of(question_id).id)
    except (*EXPECTED_ERRORS, UnknownLearner) as err:
        return unavailable("question", err)
    return build_call(Call("question", (question_id,)), content, ctx)


def explore(explorer_id: str, *, root: Path | str | None = None) -> ipw.Widget:
    """A guided explorer, e.g. ``netedu.explore("grade-calculator")``.

    >>> import netedu
    >>> type(netedu.explore("tnm-stager")).__name__
    'TnmStagerWidget'
    """
    try:
        content = _content(root)
        ctx = _context(content, None)
    except (*EXPECTED_ERRORS, UnknownLearner) as err:
        return unavailable("exploration", err)
    return build_call(Call("explore", (explorer_id,)), content, ctx)


def course(*, root: Path | str | None = None) -> ipw.Widget:
    """The course player: every topic in one app, in this one kernel (what ``netedu serve`` opens).

    >>> import netedu
    >>> netedu.course().view
    'contents'
    """
    try:
        content = _content(root)  # loaded before waiting: a preheated kernel has it ready
    except EXPECTED_ERRORS as err:
        return unavailable("course", err)
    from netedu.player import PlayerWidget
    from netedu.server.request_info import wait_for_request

    query = wait_for_request()
    try:
        learner = current_learner()
    except UnknownLearner as err:
        return unavailable("course", err)
    return PlayerWidget(content, learner=learner, store=default_store(), educator=is_educator(), query=query)

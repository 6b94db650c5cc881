"""What notebooks call: one line each, returning a widget (or a friendly message).

This module is the composition root for notebooks: it decides the course, the learner and the
store, and hands them to the widgets, which never choose those themselves.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import ipywidgets as ipw

from netedu.content import Content, load_content
from netedu.content.calls import Call
from netedu.server.identity import UnknownLearner, current_learner, is_educator
from netedu.settings import SERVED_ENV, find_root
from netedu.store import default_store
from netedu.store.failures import StoreUnavailable
from netedu.widgets import QuizContext
from netedu.widgets.calls import EXPECTED_ERRORS, build_call, unavailable

__all__ = ["course", "explore", "question", "quiz"]


def _content(root: Path | str | None) -> Content:
    return load_content(Path(root) if root is not None else find_root())


def _log_to_server() -> None:
    """In a kernel of a served course, netedu's log lines go to the server's output (the
    process's own stderr, which the kernel shares with the server), never to the page: ipykernel
    sends ``sys.stderr`` over the learner's websocket."""
    logger = logging.getLogger("netedu")
    if os.environ.get(SERVED_ENV) != "1" or any(getattr(h, "netedu_kernel", False) for h in logger.handlers):
        return
    handler = logging.StreamHandler(sys.__stderr__)
    handler.setFormatter(logging.Formatter("[netedu kernel %(process)d] %(levelname)s %(message)s"))
    handler.netedu_kernel = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # not also to a handler (or Python's last resort) writing to sys.stderr


def _store():
    _log_to_server()
    return default_store()


def _context(content: Content, topic_id: str | None) -> QuizContext:
    return QuizContext.from_content(content, learner=current_learner(), store=_store(), topic_id=topic_id, educator=is_educator())


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
    except (*EXPECTED_ERRORS, UnknownLearner, StoreUnavailable) as err:
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
    except (*EXPECTED_ERRORS, UnknownLearner, StoreUnavailable) as err:
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
    except (*EXPECTED_ERRORS, UnknownLearner, StoreUnavailable) as err:
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
        store = _store()
    except (UnknownLearner, StoreUnavailable) as err:
        return unavailable("course", err)
    return PlayerWidget(content, learner=learner, store=store, educator=is_educator(), query=query)

"""What notebooks call: one line each, returning a widget (or a friendly message)."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import ipywidgets as ipw

from netedu.content import Case, Content, ContentError, load_content
from netedu.render import escape
from netedu.settings import find_root
from netedu.widgets import CaseWidget, QuestionWidget, QuizContext, QuizWidget, SafeHTML

__all__ = ["build", "course", "question", "quiz", "unavailable"]

log = logging.getLogger("netedu")
_EXPECTED = (ContentError, KeyError, FileNotFoundError, ValueError)


def _content(root: Path | str | None) -> Content:
    return load_content(Path(root) if root is not None else find_root())


def unavailable(what: str, err: Exception) -> SafeHTML:
    """The friendly box shown instead of a widget that could not be built (details logged)."""
    log.error("netedu: %s could not be loaded: %s", what, err)
    details = str(err).strip("'\"")
    box = SafeHTML(
        f'<div class="netedu-error" role="alert"><p><strong>This {escape(what)} could not be loaded.</strong> '
        "The rest of the page still works. Please tell your instructor.</p>"
        f"<details><summary>Details for the course author</summary><pre>{escape(details)}</pre></details></div>"
    )
    box.add_class("netedu-unavailable")
    return box


def _quiz(content: Content, ctx: QuizContext, topic_id: str, *, mode: str = "tutor", time_limit: float | None = None) -> QuizWidget:
    topic = content.topic(topic_id)
    return QuizWidget(content.questions[topic.id], ctx, label=f"Quiz: {topic.title}", mode=mode, time_limit=time_limit)  # type: ignore[arg-type]


def _question(content: Content, ctx: QuizContext, question_id: str) -> ipw.Widget:
    q = content.question(question_id)
    view = CaseWidget(q, ctx) if isinstance(q, Case) else QuestionWidget(q, ctx)
    view.add_class("netedu-inline-question")
    return view


def _explore(content: Content, ctx: QuizContext, name: str) -> ipw.Widget:
    from netedu.widgets.explorers import explorer

    return explorer(name, content, ctx)


_BUILDERS = {"quiz": _quiz, "question": _question, "explore": _explore}


def build(function: str, content: Content, ctx: QuizContext, *args: Any, **kwargs: Any) -> ipw.Widget:
    """The widget a notebook call ``netedu.<function>(*args, **kwargs)`` shows, built with
    ``ctx`` (the player uses this to build every topic's widgets in its own kernel).
    """
    try:
        return _BUILDERS[function](content, ctx, *args, **kwargs)
    except _EXPECTED as err:
        return unavailable({"quiz": "quiz", "question": "question"}.get(function, "exploration"), err)
    except TypeError as err:  # wrong arguments in a notebook cell
        return unavailable(function, err)


def quiz(topic_id: str, *, mode: str = "tutor", time_limit: float | None = None, root: Path | str | None = None) -> ipw.Widget:
    """The question bank of one topic, one question at a time, with a running score.

    ``mode``: ``"tutor"`` (feedback after each answer), ``"exam"`` (feedback at the end;
    ``time_limit`` in minutes), ``"review"`` (only the questions you last got wrong) or
    ``"spaced"`` (only the questions you got right that are due again, after growing gaps).

    >>> import netedu
    >>> netedu.quiz("what-are-nets")  # doctest: +SKIP
    >>> netedu.quiz("what-are-nets", mode="exam", time_limit=20)  # doctest: +SKIP
    """
    try:
        content = _content(root)
    except _EXPECTED as err:
        return unavailable("quiz", err)
    ctx = QuizContext.from_content(content, topic_id if topic_id in content.topics else None)
    return build("quiz", content, ctx, topic_id, mode=mode, time_limit=time_limit)


def question(question_id: str, *, root: Path | str | None = None) -> ipw.Widget:
    """One question (or case), shown in place: a check-your-understanding stop in the text.

    >>> netedu.question("wan-net-vs-nec")  # doctest: +SKIP
    """
    try:
        content = _content(root)
        ctx = QuizContext.from_content(content, content.topic_of(question_id).id)
    except _EXPECTED as err:
        return unavailable("question", err)
    return build("question", content, ctx, question_id)


def explore(name: str, *, root: Path | str | None = None) -> ipw.Widget:
    """A guided-exploration widget, e.g. ``netedu.explore("grade-calculator")``."""
    try:
        content = _content(root)
    except _EXPECTED as err:
        return unavailable("exploration", err)
    return build("explore", content, QuizContext.from_content(content), name)


def course(*, root: Path | str | None = None) -> ipw.Widget:
    """The course player: every topic in one app, in this one kernel (what ``netedu serve`` opens).

    >>> netedu.course()  # doctest: +SKIP
    """
    try:
        content = _content(root)  # loaded before waiting: a preheated kernel has it ready
    except _EXPECTED as err:
        return unavailable("course", err)
    query = _wait_for_request()
    from netedu.learning.seeded import current_learner
    from netedu.player import PlayerWidget

    return PlayerWidget(content, learner=current_learner(), query=query)


def _wait_for_request(attempts: int = 4) -> str:
    """In a preheated Voila kernel, wait for the learner's request; return its URL query.

    This is what ``voila.utils.wait_for_request`` does (it would add some 20 MB of imports to
    every kernel): connect to the server's request-information socket and wait. Voila's helper
    gives up quietly if it cannot connect in time (a busy machine); the server keeps the
    information until a kernel fetches it, so this tries again rather than serve the learner
    as "anonymous".
    """
    if os.environ.get("VOILA_PREHEAT") != "True":
        return os.environ.get("QUERY_STRING", "")
    for attempt in range(attempts):
        try:
            info = _fetch_request_info()
        except Exception:
            log.warning("netedu: fetching the request information failed (attempt %d)", attempt + 1, exc_info=True)
            continue
        os.environ.update({str(k): str(v) for k, v in info.items()})
        break
    else:
        log.error("netedu: no request information reached this kernel; the learner is unknown")
    return os.environ.get("QUERY_STRING", "")


def _fetch_request_info(connect_timeout: float = 10.0) -> dict:
    import asyncio
    import json
    import threading

    from tornado.websocket import websocket_connect

    env = os.environ
    base = env.get("VOILA_WS_BASE_URL", env.get("VOILA_SERVER_URL", "/"))
    url = (
        f"{env.get('VOILA_WS_PROTOCOL', 'ws')}://{env.get('VOILA_APP_IP', '127.0.0.1')}:"
        f"{env.get('VOILA_APP_PORT', '8866')}{base}voila/query/{env['VOILA_KERNEL_ID']}"
    )
    outcome: dict = {}

    async def fetch() -> str:
        connection = await websocket_connect(url, connect_timeout=connect_timeout)
        try:
            return await connection.read_message()  # arrives when a learner's request does
        finally:
            connection.close()

    def run() -> None:  # the kernel's own loop is busy running this cell: use another one
        loop = asyncio.new_event_loop()
        try:
            outcome["message"] = loop.run_until_complete(fetch())
        except Exception as err:
            outcome["error"] = err
        finally:
            loop.close()

    thread = threading.Thread(target=run, name="netedu-request-info")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    if not outcome.get("message"):
        raise ConnectionError("the server closed the request-information socket")
    return json.loads(outcome["message"])

"""The widget each notebook call shows (``netedu.quiz``, ``netedu.question``, ``netedu.explore``),
or a friendly box saying it could not be built: what notebooks and the course player share."""

from __future__ import annotations

import logging

import ipywidgets as ipw

from netedu.content import Case, Content, ContentError
from netedu.content.calls import Call
from netedu.render import escape
from netedu.widgets.case import CaseWidget
from netedu.widgets.context import QuizContext
from netedu.widgets.explorers import build_explorer
from netedu.widgets.html import SafeHTML
from netedu.widgets.question import QuestionWidget
from netedu.widgets.quiz import QuizWidget

__all__ = ["EXPECTED_ERRORS", "build_call", "unavailable"]

log = logging.getLogger("netedu")
#: What a content or notebook mistake raises; anything else is a bug and is not hidden.
EXPECTED_ERRORS = (ContentError, KeyError, FileNotFoundError, ValueError)
_WHAT = {"quiz": "quiz", "question": "question", "explore": "exploration"}


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


def _explore(content: Content, ctx: QuizContext, explorer_id: str) -> ipw.Widget:
    return build_explorer(explorer_id, content, ctx)


_BUILDERS = {"quiz": _quiz, "question": _question, "explore": _explore}


def build_call(call: Call, content: Content, ctx: QuizContext) -> ipw.Widget:
    """The widget ``netedu.<call.function>(*call.args, **call.kwargs)`` shows, built with ``ctx``
    (the player builds every topic's widgets this way, in its own kernel)."""
    what = _WHAT.get(call.function, call.function)
    try:
        return _BUILDERS[call.function](content, ctx, *call.args, **call.kwargs)
    except EXPECTED_ERRORS as err:
        return unavailable(what, err)
    except TypeError as err:  # wrong arguments in a notebook cell
        return unavailable(what, err)

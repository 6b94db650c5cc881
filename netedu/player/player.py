"""PlayerWidget: the whole course in one app and one kernel; moving between topics costs
milliseconds, not a kernel start.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import ipywidgets as ipw
import traitlets

from netedu.content import Content, Question
from netedu.explorers import REGISTRY
from netedu.learning.progress import Progress, summarize
from netedu.learning.record import LearnerRecord
from netedu.learning.spaced import Schedule
from netedu.player.background import BackgroundTurn
from netedu.player.pages import PlayerPage, TextBlock, read_page
from netedu.player.router import RouterWidget
from netedu.player.routes import Route, parse_route
from netedu.player.views import (
    contents_html,
    nav_html,
    progress_html,
    spaced_html,
    title_html,
    topic_header_html,
)
from netedu.render import escape
from netedu.settings import anki_download
from netedu.store.events import utc_now
from netedu.store.protocol import Store
from netedu.widgets import QuizContext, QuizWidget, SafeHTML
from netedu.widgets.calls import build_call
from netedu.widgets.explorers.common import chart_warmup
from netedu.widgets.guard import friendly
from netedu.widgets.shared import Button, VBox

__all__ = ["PlayerWidget"]

log = logging.getLogger("netedu")
#: How long after a view is shown the likely next topic is prepared (its messages go after this view's).
PREPARE_AFTER_S = 0.3
#: While another kernel has the background turn, try again after this long (seconds, at random
#: in the range, so that a room's kernels do not all try at the same moment).
RETRY_S = (0.1, 0.4)
PROGRESS_SECTIONS = ("by-topic", "by-objective", "review", "due-again")  # headings of "My progress"


class PlayerWidget(VBox):
    """Contents, start page, every topic and the learner's progress, switched in place.

    ``go(Route(...))`` (or a link / back / forward in the page) changes the view; topic views
    are built on first visit and kept, so answers stay on screen when the learner returns.
    """

    view = traitlets.Unicode("contents", help="What is shown: contents, start, topic or progress.")
    prepare_next = traitlets.Bool(True, help="Build the likely next topic's views while the learner reads.")
    topic = traitlets.Unicode(None, allow_none=True, help="The topic shown, if any.")

    def __init__(
        self,
        content: Content,
        *,
        learner: str,
        store: Store,
        educator: bool = False,
        query: str = "",
        now: Callable[[], dt.datetime] = utc_now,
        **kwargs: Any,
    ):
        self.content = content
        self._now = now
        self.learner, self.store, self.educator = learner, store, educator
        self.record = LearnerRecord(store, learner)
        self._pages: dict[str, PlayerPage] = {}
        self._topic_views: dict[str, VBox] = {}
        self._start_view: VBox | None = None
        self._charts_warm = False
        self._turn = BackgroundTurn.from_env()
        self._preparing: str | None = None  # the topic a pending preparation is for
        self._charting = {t.id for t in content.topics.values() if any(REGISTRY[e].charts for e in t.explorers if e in REGISTRY)}
        self.router = RouterWidget()
        self._top = SafeHTML()
        self._main = VBox()
        self._main.add_class("netedu-player-main")
        self._bottom = SafeHTML()
        self._error = SafeHTML()
        super().__init__([self.router, self._top, self._main, self._bottom, self._error], **kwargs)
        self.add_class("netedu-player")
        self._links = {t.notebook: f"?topic={t.id}" for t in content.topics.values()}
        self._links[content.course.start_page.notebook] = "?view=start"
        self.route = Route()
        self.router.observe(self._on_url, names="url")
        self.go(parse_route(query, set(content.topics)))

    # --- moving around -------------------------------------------------------------------

    def _ctx(self, topic_id: str | None) -> QuizContext:
        return QuizContext.from_content(self.content, learner=self.learner, store=self.store, topic_id=topic_id, educator=self.educator)

    def go(self, route: Route) -> None:
        """Show ``route``'s view and bring the page URL, title and focus along."""
        if route.view == "topic" and route.section:
            known = {s.id for s in self._page(self.content.topics[route.topic].notebook).sections}
            if route.section not in known:
                route = Route("topic", route.topic)
        if route.view == "progress" and route.section not in (None, *PROGRESS_SECTIONS):
            route = Route("progress")
        builders = {"contents": self._contents, "start": self._start, "topic": self._topic, "progress": self._progress}
        self._main.children = builders[route.view](route)
        self.route = route
        self.topic = route.topic
        self.view = route.view
        self._top.value = nav_html(self.content, route, where="top")
        self._bottom.value = nav_html(self.content, route, where="bottom")
        first_view = not self.router.title
        self.router.url = route.query
        self.router.title = f"{self._title(route)} · {self.content.course.title}"
        if route.section or not first_view:  # a new page starts at its top; moving on moves focus
            self.router.focus = f"sec-{route.section}" if route.section else "sec-title"
        if route.view == "topic":
            self._remember(route.topic)
        self._prepare_soon(self._likely_next(route))

    # --- views ready before the click ----------------------------------------------------

    def _likely_next(self, route: Route) -> str | None:
        """The topic the learner most likely opens next: the next one in the course from a
        topic, where they left off (or the first topic) from the contents or the start page."""
        order = list(self.content.topics)
        if route.view == "topic" and route.topic in order:
            i = order.index(route.topic)
            return order[i + 1] if i + 1 < len(order) else None
        if route.view in ("contents", "start") and order:
            last = self._last_topic() if route.view == "contents" else None
            return last if last in self.content.topics else order[0]
        return None

    def _prepare_soon(self, topic_id: str | None) -> None:
        """Build that topic's views once this view has gone out, while the learner reads: its
        widgets reach the page ahead of the click, which then only shows them (as a revisit).
        The work waits for this server's background turn (:class:`BackgroundTurn`), so that a
        room's kernels do it one after another, between the learners' own requests."""
        self._preparing = None
        if not self.prepare_next or topic_id is None or topic_id in self._topic_views:
            return
        try:
            from tornado.ioloop import IOLoop

            loop = IOLoop.current(instance=False)
        except RuntimeError:
            loop = None
        if loop is None or not loop.asyncio_loop.is_running():
            return  # plain Python (tests): views are built when shown
        self._preparing = topic_id
        loop.call_later(PREPARE_AFTER_S, self._prepare, topic_id, loop)

    def _prepare(self, topic_id: str, loop: Any = None) -> None:
        if self._preparing != topic_id or topic_id in self._topic_views:
            return  # the learner moved on, or opened it: nothing left to prepare
        with self._turn.take() as granted:
            if not granted:
                loop.call_later(random.uniform(*RETRY_S), self._prepare, topic_id, loop)
                return
            self._preparing = None
            try:
                self._topic(Route("topic", topic_id))
                if not self._charts_warm and self._charting:  # the page loads its chart renderer while the learner reads
                    self._charts_warm = True
                    self.children = (*self.children, chart_warmup())
            except Exception:  # a view that cannot be prepared is built (and reported) when shown
                log.exception("netedu: could not prepare topic %s ahead of the click", topic_id)

    @friendly
    def _on_url(self, change: dict) -> None:
        route = parse_route(change["new"], set(self.content.topics))
        if route != self.route:
            self.go(route)

    def show_error(self, message: str) -> None:
        self._error.value = f'<p class="netedu-error" role="alert">{escape(message)}</p>'

    def _title(self, route: Route) -> str:
        if route.view == "topic":
            return self.content.topics[route.topic].title
        return {"contents": "Contents", "start": self.content.course.start_page.title, "progress": "My progress"}[route.view]

    # --- views ---------------------------------------------------------------------------

    def _contents(self, _route: Route) -> tuple[ipw.Widget, ...]:
        progress = self._progress_now()
        due = len(self._schedule().due)
        return (SafeHTML(contents_html(self.content, progress, self._last_topic(), due_again=due, anki=anki_download())),)

    def _start(self, _route: Route) -> tuple[ipw.Widget, ...]:
        if self._start_view is None:
            page = self._page(self.content.course.start_page.notebook)
            self._start_view = self._blocks(SafeHTML(title_html(page.title)), page, None)
        return (self._start_view,)

    def _topic(self, route: Route) -> tuple[ipw.Widget, ...]:
        topic = self.content.topics[route.topic]
        if topic.id not in self._topic_views:
            page = self._page(topic.notebook)
            self._topic_views[topic.id] = self._blocks(SafeHTML(topic_header_html(self.content, topic)), page, topic.id)
        return (self._topic_views[topic.id],)

    def _progress(self, _route: Route) -> tuple[ipw.Widget, ...]:
        progress = self._progress_now()
        children: list[ipw.Widget] = [SafeHTML(progress_html(self.content, progress))]
        if progress.missed:
            children.append(self._review("Start the review", "Review the questions you missed", "Review", "review"))
        if progress.answered:
            plan = self._schedule()
            children.append(SafeHTML(spaced_html(plan, self._now())))
            if plan.due:
                children.append(self._review("Review what is due", "Answer again the questions that are due", "Spaced review", "spaced"))
        return tuple(children)

    def _review(self, button: str, tooltip: str, label: str, mode: str) -> VBox:
        """A button that opens a quiz over the whole course in review or spaced mode."""
        start = Button(description=button, tooltip=tooltip)
        start.add_class(f"netedu-{mode}-start")
        slot = VBox([start])

        def begin(_button: ipw.Button) -> None:
            quiz = QuizWidget(self._all_questions(), self._ctx(None), label=label, mode=mode, now=self._now())  # type: ignore[arg-type]
            slot.children = (quiz,)

        start.on_click(begin)
        return slot

    def _blocks(self, header: ipw.Widget, page: PlayerPage, topic_id: str | None) -> VBox:
        ctx = self._ctx(topic_id)
        children = [header]
        for block in page.blocks:
            if isinstance(block, TextBlock):
                html = SafeHTML(block.html)
                html.add_class("netedu-text")
                children.append(html)
            else:
                children.append(build_call(block, self.content, ctx))
        box = VBox(children)
        box.add_class("netedu-view")
        return box

    def _page(self, notebook: str) -> PlayerPage:
        if notebook not in self._pages:
            self._pages[notebook] = read_page(Path(self.content.root) / "notebooks" / notebook, self._links)
        return self._pages[notebook]

    # --- the learner's record (a store that cannot be read must not break the page) ---------

    def _all_questions(self) -> Sequence[Question]:
        return [q for bank in self.content.questions.values() for q in bank]

    def _schedule(self) -> Schedule:
        try:
            return self.record.schedule(self._all_questions(), self._now())
        except Exception:
            log.exception("netedu: could not read progress for the spaced review")
            return Schedule((), ())

    def _progress_now(self) -> Progress:
        try:
            return self.record.progress(self.content)
        except Exception:
            log.exception("netedu: could not read progress")
            return summarize(self.content, {})

    def _last_topic(self) -> str | None:
        try:
            return self.record.last_topic()
        except Exception:
            log.exception("netedu: could not read the last topic")
            return None

    def _remember(self, topic_id: str | None) -> None:
        if topic_id:
            try:
                self.record.remember_topic(topic_id)
            except Exception:
                log.exception("netedu: could not save the last topic")

"""The server's own request handlers: learner pages, the course map, the educator link, the deck."""

from __future__ import annotations

import asyncio
import hmac
import logging
import os
from pathlib import Path
from typing import Any

import jinja2
import tornado.web
from jupyter_server.utils import url_path_join
from voila.tornado.handler import TornadoVoilaHandler

from netedu.content import ContentError, load_content
from netedu.export.anki import ANKI_FILE_NAME
from netedu.server.decks import DeckCache
from netedu.server.identity import EDUCATOR_COOKIE, LEARNER_COOKIE, is_educator, key_hash, new_learner_token
from netedu.settings import DISCLAIMER, DISCLAIMER_LEAD, EDUCATOR_KEY_HASH_ENV, NOT_SAVED_NOTICE, PLAYER_NOTEBOOK, answers_saved

__all__ = [
    "AnkiDeckHandler",
    "CourseMapHandler",
    "EducatorHandler",
    "LearnerPageHandler",
    "NoContentHandler",
    "PlayerRedirect",
    "StaticHandler",
]

log = logging.getLogger("netedu")
_JINJA = jinja2.Environment(loader=jinja2.FileSystemLoader(str(Path(__file__).parent / "templates")), autoescape=True, trim_blocks=True)


class _SecureHeaders(tornado.web.RequestHandler):
    def set_default_headers(self) -> None:
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Referrer-Policy", "no-referrer")
        self.set_header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'self'")


class LearnerPageHandler(TornadoVoilaHandler):
    """Voila's page handler, plus the two cookies every learner's page needs.

    * ``_xsrf``: lets the page shut its kernel down when the learner leaves (without it the
      request fails and kernels live until the server stops: voila#1458).
    * ``netedu_learner``: an unguessable, HttpOnly id that the browser keeps, so progress
      persists without an account. It is put into this very request's headers too, because
      those reach the kernel (as ``HTTP_COOKIE``) through Voila's request information.
    """

    async def prepare(self, *args: Any, **kwargs: Any) -> None:
        await super().prepare(*args, **kwargs)  # jupyter_server sets up the user first
        _ = self.xsrf_token
        if not self.get_cookie(LEARNER_COOKIE):
            token = new_learner_token()
            self.set_cookie(LEARNER_COOKIE, token, httponly=True, samesite="Lax", expires_days=400, path=self.base_url or "/")
            existing = self.request.headers.get("Cookie")
            self.request.headers["Cookie"] = f"{existing}; {LEARNER_COOKIE}={token}" if existing else f"{LEARNER_COOKIE}={token}"


class PlayerRedirect(tornado.web.RequestHandler):
    """``/`` opens the course player, keeping any deep link (``/?topic=...``)."""

    def initialize(self, base_url: str) -> None:
        self.base_url = base_url

    def get(self) -> None:
        query = f"?{self.request.query}" if self.request.query else ""
        self.redirect(url_path_join(self.base_url, "voila/render", PLAYER_NOTEBOOK) + query)


def _page(name: str, **values: Any) -> str:
    not_saved = "" if answers_saved() else NOT_SAVED_NOTICE  # netedu serve --no-store: every page says so
    return _JINJA.get_template(name).render(disclaimer=DISCLAIMER, disclaimer_lead=DISCLAIMER_LEAD, not_saved=not_saved, **values)


class CourseMapHandler(_SecureHeaders):
    """``/topics``: every topic from ``data/course.yaml`` with links into the player, to the
    topic on its own, and to its slides. Served without a kernel."""

    def initialize(self, root: str, base_url: str) -> None:
        self.root = Path(root)
        self.base_url = base_url

    def get(self) -> None:
        try:
            content = load_content(self.root)
        except ContentError as err:
            log.error("netedu: the course content has problems:\n%s", err)
            self.set_status(500)
            self.finish(_page("problem.html", problems=err.problems, base_url=self.base_url))
            return
        topics = [
            {
                "id": t.id,
                "title": t.title,
                "notebook": t.notebook,
                "summary": t.summary,
                "objectives": [o.text for o in t.objectives],
                "questions": len(content.questions[t.id]),
                "last_reviewed": t.last_reviewed.isoformat(),
            }
            for t in content.topics.values()
        ]
        self.finish(
            _page(
                "landing.html",
                educator=is_educator(self.request.headers.get("Cookie", "")),
                course=content.course,
                topics=topics,
                base_url=self.base_url,
                player=url_path_join(self.base_url, "voila/render", PLAYER_NOTEBOOK),
            )
        )


class EducatorHandler(_SecureHeaders):
    """``/educator?key=<key>``: the educator view for this browser (an HttpOnly cookie), then
    the course map; ``/educator?leave=1`` turns it off. A wrong key is refused."""

    def initialize(self, base_url: str) -> None:
        self.base_url = base_url

    def get(self) -> None:
        topics = url_path_join(self.base_url, "topics")
        if self.get_query_argument("leave", ""):
            self.clear_cookie(EDUCATOR_COOKIE, path=self.base_url or "/")
            self.redirect(topics)
            return
        key = self.get_query_argument("key", "")
        expected = os.environ.get(EDUCATOR_KEY_HASH_ENV, "")
        if not key or not expected or not hmac.compare_digest(key_hash(key), expected):
            self.set_status(403)
            self.finish(_page("educator.html", base_url=self.base_url, wrong=bool(key), topics=topics))
            return
        self.set_cookie(EDUCATOR_COOKIE, key, httponly=True, samesite="Lax", expires_days=2, path=self.base_url or "/")
        self.redirect(topics)


class StaticHandler(_SecureHeaders, tornado.web.StaticFileHandler):
    """netedu's own static files (vendored reveal.js and jQuery, the course map's CSS)."""


class AnkiDeckHandler(_SecureHeaders):
    """``/export/netedu.apkg``: the whole question bank as an Anki deck to download (built in a
    worker thread, so learners' pages stay responsive, and only again when content changes)."""

    def initialize(self, decks: DeckCache) -> None:
        self.decks = decks

    async def get(self) -> None:
        try:
            data = await asyncio.get_running_loop().run_in_executor(None, self.decks.get)
        except ContentError as err:
            log.error("netedu: the course content has problems:\n%s", err)
            raise tornado.web.HTTPError(503, reason="The course content has problems") from None
        self.set_header("Content-Type", "application/octet-stream")
        self.set_header("Content-Disposition", f'attachment; filename="{ANKI_FILE_NAME}"')
        self.set_header("Cache-Control", "no-cache")
        self.finish(data)


class NoContentHandler(tornado.web.RequestHandler):
    """Answers 204 (e.g. the favicon, which the app does not have)."""

    def get(self) -> None:
        self.set_status(204)

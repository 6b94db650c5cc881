"""The server's own request handlers: learner pages, the course map, the educator link, the deck."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import secrets
from pathlib import Path
from typing import Any

import jinja2
import tornado.web
from jupyter_server.services.kernels.handlers import KernelHandler
from jupyter_server.utils import url_path_join
from voila.request_info_handler import RequestInfoSocketHandler
from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler

from netedu.content import ContentError, load_content
from netedu.export.anki import ANKI_FILE_NAME
from netedu.server.decks import DeckCache
from netedu.server.identity import (
    EDUCATOR_COOKIE,
    KERNEL_SECRET_HEADER,
    LEARNER_COOKIE,
    LEARNER_HEADER,
    ROLE_HEADER,
    EducatorSessions,
    Throttle,
    learner_id,
    new_learner_token,
    valid_learner_token,
)
from netedu.server.kernels.owners import KernelOwners, requesting_learner
from netedu.settings import DISCLAIMER, DISCLAIMER_LEAD, NOT_SAVED_NOTICE, PLAYER_NOTEBOOK, answers_saved

__all__ = [
    "SECURE_HEADERS",
    "comm_open_target",
    "content_security_policy",
    "AnkiDeckHandler",
    "CourseMapHandler",
    "EducatorHandler",
    "KernelRequestInfoHandler",
    "LearnerPageHandler",
    "NoContentHandler",
    "NotFoundHandler",
    "OwnedKernelHandler",
    "OwnedKernelWebsocketHandler",
    "OwnedShutdownHandler",
    "PlayerRedirect",
    "StaticHandler",
    "secured",
]

log = logging.getLogger("netedu")
_JINJA = jinja2.Environment(loader=jinja2.FileSystemLoader(str(Path(__file__).parent / "templates")), autoescape=True, trim_blocks=True)


#: The Content-Security-Policy of netedu's pages. Scripts come from the server only (Voila's own
#: inline scripts carry the page's nonce, see :class:`LearnerPageHandler`); widget code that
#: anywidget loads as a module from a blob: URL is the course's own. Styles may be inline (the
#: widgets and plotly set them); nothing is fetched from elsewhere, and no page may be framed by
#: another site.
def content_security_policy(nonce: str | None = None) -> str:
    """The CSP header's value (``nonce``: the one a page's inline scripts carry).

    >>> "script-src 'self' 'nonce-abc' blob:" in content_security_policy("abc")
    True
    """
    scripts = "'self'" + (f" 'nonce-{nonce}'" if nonce else "") + " blob:"
    return (
        f"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
        "base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
    )


#: The headers every response of netedu serve carries.
SECURE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": content_security_policy(),
}
#: An opening ``<script`` tag in the HTML a Voila template writes (not in text: the cells'
#: outputs reach the page as JSON, where ``<`` is escaped).
_SCRIPT_TAG = re.compile(r"<script(?=[\s>])")


def secured(handler_class: type) -> type:
    """``handler_class`` with netedu's headers on every response, and its cookies SameSite and,
    over HTTPS, Secure."""

    class Secured(handler_class):
        def set_default_headers(self) -> None:
            super().set_default_headers()
            for name, value in SECURE_HEADERS.items():
                self.set_header(name, value)

        def set_cookie(self, name: str, value: str | bytes, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("samesite", "Lax")
            if self.request.protocol == "https":
                kwargs["secure"] = True
            super().set_cookie(name, value, *args, **kwargs)

    Secured.__name__ = Secured.__qualname__ = handler_class.__name__
    Secured.__doc__ = handler_class.__doc__
    return Secured


@secured
class _SecureHeaders(tornado.web.RequestHandler):
    pass


def _learner(handler: tornado.web.RequestHandler) -> str | None:
    """The learner id of the request's learner cookie (``None`` without a valid one)."""
    return learner_id(handler.get_cookie(LEARNER_COOKIE))


def _owners(handler: tornado.web.RequestHandler) -> KernelOwners:
    return handler.settings["kernel_manager"].owners


def _own_kernel(handler: tornado.web.RequestHandler, kernel_id: str) -> None:
    """Refuse (403) a request for a kernel that is not its learner's."""
    if not _owners(handler).may_use(kernel_id, _learner(handler)):
        log.warning(
            "netedu: refused %s %s from %s: not that kernel's learner",
            handler.request.method,
            handler.request.path,
            handler.request.remote_ip,
        )
        raise tornado.web.HTTPError(403, reason="This kernel belongs to another page")


@secured
class LearnerPageHandler(TornadoVoilaHandler):
    """Voila's page handler, with the learner's identity and kernel budget.

    * ``netedu_learner``: an unguessable, HttpOnly id that the browser keeps, so progress
      persists without an account (a missing or malformed one is replaced). The kernel is
      told only the learner id made from it, in :data:`LEARNER_HEADER`, and the role in
      :data:`ROLE_HEADER`; the browser's own copies of those headers are dropped.
    * ``_xsrf``: lets the page shut its kernel down when the learner leaves (without it the
      request fails and kernels live until the server stops: voila#1458).
    * The budget: a learner who holds as many kernels as they may (tabs left open) lets their
      oldest go; a new learner beyond the server's limit gets "the room is full" (503).
    """

    async def prepare(self, *args: Any, **kwargs: Any) -> None:
        await super().prepare(*args, **kwargs)  # jupyter_server sets up the user first
        self._nonce = secrets.token_urlsafe(18)
        self.set_header("Content-Security-Policy", content_security_policy(self._nonce))
        _ = self.xsrf_token
        token = self.get_cookie(LEARNER_COOKIE)
        if not valid_learner_token(token):
            token = new_learner_token()
            self.set_cookie(LEARNER_COOKIE, token, httponly=True, expires_days=400, path=self.base_url or "/")
        learner = learner_id(token)
        sessions: EducatorSessions | None = self.settings.get("netedu_sessions")
        educator = sessions is not None and sessions.valid(self.get_cookie(EDUCATOR_COOKIE))
        for name in (LEARNER_HEADER, ROLE_HEADER):
            if name in self.request.headers:
                del self.request.headers[name]
        self.request.headers[LEARNER_HEADER] = learner
        self.request.headers[ROLE_HEADER] = "educator" if educator else "learner"
        owners = _owners(self)
        if owners.room_is_full(learner):
            log.warning("netedu: the room is full (%d learner kernels); a new learner was turned away", len(owners))
            self.set_status(503)
            self.set_header("Retry-After", "60")
            self.finish(_page("room_full.html", base_url=self.base_url, limit=owners.limit, again=self.request.uri))
            return
        for old in owners.to_let_go(learner):
            log.info("netedu: a learner opened another page; their oldest kernel %s is shut down", old)
            await self.kernel_manager.shutdown_kernel(old)
        requesting_learner.set(learner)

    def write(self, chunk: str | bytes | dict) -> None:
        """Voila's inline scripts get the page's nonce (the CSP refuses every other one)."""
        nonce = getattr(self, "_nonce", None)
        if nonce and isinstance(chunk, str):
            chunk = _SCRIPT_TAG.sub(f'<script nonce="{nonce}"', chunk)
        elif nonce and isinstance(chunk, bytes):
            chunk = _SCRIPT_TAG.sub(f'<script nonce="{nonce}"', chunk.decode("utf-8")).encode("utf-8")
        super().write(chunk)


@secured
class OwnedKernelWebsocketHandler(VoilaKernelWebsocketHandler):
    """A kernel's websocket, for its learner's page only; widget comms only."""

    #: The comm targets a page may open: ipywidgets' control comm, which fetches the widgets'
    #: states. Widgets are created by the kernel only (a page opening a ``jupyter.widget`` comm
    #: would make the kernel build any widget class the page names).
    COMM_TARGETS = frozenset({"jupyter.widget.control"})

    async def pre_get(self) -> None:
        _own_kernel(self, self.kernel_id)
        await super().pre_get()
        _owners(self).connected(self.kernel_id)

    def on_message(self, ws_message: str | bytes) -> None:
        opening, target = comm_open_target(ws_message)
        if opening and target not in self.COMM_TARGETS:
            log.warning("netedu: refused a comm_open for target %r on kernel %s", target, self.kernel_id)
            return
        super().on_message(ws_message)


def comm_open_target(ws_message: str | bytes) -> tuple[bool, str | None]:
    """Whether a websocket message opens a comm, and for which target (``None``: unreadable),
    in either of Jupyter's websocket protocols (v1 binary frames, or legacy JSON text).

    >>> comm_open_target('{"header": {"msg_type": "comm_open"}, "content": {"target_name": "x"}}')
    (True, 'x')
    >>> comm_open_target('{"header": {"msg_type": "comm_msg"}, "content": {}}')
    (False, None)
    """
    from jupyter_server.services.kernels.connection.base import deserialize_msg_from_ws_v1

    try:
        if isinstance(ws_message, bytes):
            _, parts = deserialize_msg_from_ws_v1(ws_message)
            header, content = json.loads(parts[0]), parts[3]
        else:
            message = json.loads(ws_message)
            header, content = message.get("header"), message.get("content")
    except (ValueError, IndexError, AttributeError, UnicodeDecodeError):
        return False, None  # not a message: the connection drops it
    if not isinstance(header, dict) or header.get("msg_type") != "comm_open":
        return False, None
    try:
        content = json.loads(content) if isinstance(content, bytes) else content
    except (ValueError, UnicodeDecodeError):
        return True, None
    target = content.get("target_name") if isinstance(content, dict) else None
    return True, target if isinstance(target, str) else None


@secured
class OwnedKernelHandler(KernelHandler):
    """``/api/kernels/<id>``: a kernel's model and deletion, for its learner's page only."""

    async def prepare(self) -> None:
        await super().prepare()
        _own_kernel(self, self.path_kwargs.get("kernel_id") or self.path_args[0])


@secured
class OwnedShutdownHandler(VoilaShutdownKernelHandler):
    """Voila's shutdown-on-leave, for the kernel's own page only."""

    async def prepare(self) -> None:
        await super().prepare()
        _own_kernel(self, self.path_kwargs.get("kernel_id") or self.path_args[0])


class KernelRequestInfoHandler(RequestInfoSocketHandler):
    """``/voila/query/<id>``: a warm kernel waits here for its learner's request. Only the
    kernel itself, holding the secret it was started with, may connect."""

    async def get(self, *args: Any, **kwargs: Any) -> None:
        kernel_id = kwargs.get("kernel_id") or (args[0] if args else "")
        if not _owners(self).secret_matches(kernel_id, self.request.headers.get(KERNEL_SECRET_HEADER)):
            log.warning("netedu: refused a request-information connection for kernel %s from %s", kernel_id, self.request.remote_ip)
            raise tornado.web.HTTPError(403)
        await super().get(*args, **kwargs)


class PlayerRedirect(_SecureHeaders):
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
                educator=self.settings["netedu_sessions"].valid(self.get_cookie(EDUCATOR_COOKIE)),
                course=content.course,
                topics=topics,
                base_url=self.base_url,
                player=url_path_join(self.base_url, "voila/render", PLAYER_NOTEBOOK),
            )
        )


class EducatorHandler(_SecureHeaders):
    """``/educator``: the educator view for this browser. The key comes from the link
    ``netedu serve`` printed (``?key=``) or the form (POST); a right key gives the browser an
    HttpOnly cookie with a session token (never the key), a wrong one is refused and counted:
    a client that gets it wrong too often is refused for a while (429). ``?leave=1`` turns the
    view off."""

    def initialize(self, base_url: str) -> None:
        self.base_url = base_url

    @property
    def sessions(self) -> EducatorSessions:
        return self.settings["netedu_sessions"]

    @property
    def throttle(self) -> Throttle:
        return self.settings["netedu_throttle"]

    def check_xsrf_cookie(self) -> None:
        """The form posts without the page's XSRF token when it has none yet: the key is the proof."""

    def _form(self, *, wrong: bool = False, status: int = 200) -> None:
        self.set_status(status)
        topics = url_path_join(self.base_url, "topics")
        self.finish(_page("educator.html", base_url=self.base_url, wrong=wrong, topics=topics))

    def _try(self, key: str) -> None:
        client = self.request.remote_ip or "?"
        if self.throttle.blocked(client):
            self.set_header("Retry-After", str(self.throttle.retry_after(client)))
            log.warning("netedu: educator key attempts from %s are paused (too many wrong ones)", client)
            self.set_status(429)
            self.finish(
                _page("educator.html", base_url=self.base_url, wrong=True, paused=True, topics=url_path_join(self.base_url, "topics"))
            )
            return
        if not self.sessions.key_matches(key):
            count = self.throttle.failed(client)
            log.warning("netedu: a wrong educator key from %s (%d in the last minute)", client, count)
            self._form(wrong=True, status=403)
            return
        self.set_cookie(EDUCATOR_COOKIE, self.sessions.issue(), httponly=True, expires_days=2, path=self.base_url or "/")
        log.info("netedu: the educator view was opened from %s", client)
        self.redirect(url_path_join(self.base_url, "topics"))

    def get(self) -> None:
        if self.get_query_argument("leave", ""):
            self.clear_cookie(EDUCATOR_COOKIE, path=self.base_url or "/")
            self.redirect(url_path_join(self.base_url, "topics"))
            return
        key = self.get_query_argument("key", "")
        if key:
            self._try(key)
        else:
            self._form()

    def post(self) -> None:
        self._try(self.get_body_argument("key", ""))


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


class NotFoundHandler(_SecureHeaders):
    """Every address no route serves: a 404 page with the course's banner and a way back."""

    def initialize(self, base_url: str) -> None:
        self.base_url = base_url

    def prepare(self) -> None:
        raise tornado.web.HTTPError(404)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.finish(_page("not_found.html", base_url=self.base_url))


class NoContentHandler(_SecureHeaders):
    """Answers 204 (e.g. the favicon, which the app does not have)."""

    def get(self) -> None:
        self.set_status(204)

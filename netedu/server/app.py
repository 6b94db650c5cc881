"""``netedu serve``: Voila with the course player, hardened for a room of learners.

Routes: ``/`` the course player (one kernel per learner, preheated); ``/topics`` the course
map for educators (no kernel); ``/voila/render/<notebook>`` a topic on its own;
``/slides/<notebook>`` a topic as offline reveal.js slides; ``/educator?key=...`` turns the
educator view on in this browser (questions then show the room's answers).
"""

from __future__ import annotations

import asyncio
import copy
import hmac
import logging
import os
import secrets
from pathlib import Path
from typing import Any

import jinja2
import tornado.ioloop
import tornado.web
from jupyter_server.utils import url_path_join
from traitlets import Unicode
from traitlets.config import Config
from voila.app import Voila
from voila.configuration import VoilaConfiguration
from voila.paths import collect_template_paths
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.treehandler import TornadoVoilaTreeHandler

from netedu.content import ContentError, load_content
from netedu.server.identity import (
    EDUCATOR_COOKIE,
    KEY_ENV,
    KEY_HASH_ENV,
    MIN_KEY_LENGTH,
    is_educator,
    key_hash,
    new_key,
)
from netedu.export.anki import ANKI_FILE_NAME, DeckCache
from netedu.learning.seeded import LEARNER_COOKIE
from netedu.settings import (
    ANKI_ENV,
    DEFAULT_HOST,
    DEFAULT_POOL_SIZE,
    DEFAULT_PORT,
    DISCLAIMER,
    DISCLAIMER_LEAD,
    PLAYER_NOTEBOOK,
)

__all__ = ["NeteduVoila", "make_config", "serve"]

log = logging.getLogger("netedu")

_HERE = Path(__file__).parent
SHARE = _HERE / "share" / "jupyter"
STATIC = _HERE / "static"
IMAGE_FILES = r".*\.(png|jpe?g|gif|svg|webp)$"
CELL_ERROR = (
    "This part of the page could not be prepared. The rest of the lesson still works; "
    "please tell your instructor (the details are in the server log)."
)
_JINJA = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(_HERE / "templates")), autoescape=True, trim_blocks=True
)


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
            token = secrets.token_urlsafe(24)
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
            self.finish(_JINJA.get_template("problem.html").render(problems=err.problems, base_url=self.base_url))
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
        page = _JINJA.get_template("landing.html").render(
            educator=is_educator(self.request.headers.get("Cookie", "")),
            course=content.course,
            topics=topics,
            disclaimer=DISCLAIMER,
            disclaimer_lead=DISCLAIMER_LEAD,
            base_url=self.base_url,
            player=url_path_join(self.base_url, "voila/render", PLAYER_NOTEBOOK),
        )
        self.finish(page)


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
        expected = os.environ.get(KEY_HASH_ENV, "")
        if not key or not expected or not hmac.compare_digest(key_hash(key), expected):
            self.set_status(403)
            page = _JINJA.get_template("educator.html").render(
                base_url=self.base_url, wrong=bool(key), topics=topics, disclaimer=DISCLAIMER, disclaimer_lead=DISCLAIMER_LEAD
            )
            self.finish(page)
            return
        self.set_cookie(EDUCATOR_COOKIE, key, httponly=True, samesite="Lax", expires_days=2, path=self.base_url or "/")
        self.redirect(topics)


class _Static(_SecureHeaders, tornado.web.StaticFileHandler):
    pass


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


class _NoContent(tornado.web.RequestHandler):
    def get(self) -> None:
        self.set_status(204)


class NeteduVoila(Voila):
    """Voila serving the course: the player, topic pages, slides and the course map."""

    name = "netedu"
    description = "Serve the netedu course with Voila"
    course_root = Unicode("", config=True, help="The course checkout (holds data/ and notebooks/).")

    def init_handlers(self) -> list:
        handlers = []
        for pattern, handler, *args in super().init_handlers():
            if handler is TornadoVoilaTreeHandler:
                continue  # no file listing: the course map replaces it
            if handler is TornadoVoilaHandler:
                handler = LearnerPageHandler
            handlers.append((pattern, handler, *args))
        # Slides: the same app with the reveal-based template. Voila reads template resources
        # from the configuration object, so the slides get a copy of it of their own.
        slides_config = copy.deepcopy(self.config)
        slides_config.VoilaConfiguration.template = "netedu-slides"
        slides_config.VoilaConfiguration.resources = {
            **dict(self.config.VoilaConfiguration.get("resources", {})),
            "reveal": {
                "url_prefix": url_path_join(self.base_url, "netedu/static/vendor/reveal.js"),
                "theme": "white",
                "transition": "none",
                "scroll": True,
            },
        }
        slides = VoilaConfiguration(config=slides_config)
        slide_paths = collect_template_paths(["voila", "nbconvert"], "netedu-slides")
        ours = [
            (url_path_join(self.server_url, r"/?"), PlayerRedirect, {"base_url": self.base_url}),
            (url_path_join(self.server_url, r"/topics/?"), CourseMapHandler, {"root": self.course_root, "base_url": self.base_url}),
            (url_path_join(self.server_url, r"/educator/?"), EducatorHandler, {"base_url": self.base_url}),
            (url_path_join(self.server_url, r"/netedu/static/(.*)"), _Static, {"path": str(STATIC)}),
            (url_path_join(self.server_url, r"/favicon.ico"), _NoContent),
            (url_path_join(self.server_url, r"/export/" + ANKI_FILE_NAME.replace(".", r"\.")), AnkiDeckHandler, {"decks": DeckCache(self.course_root)}),
            (
                url_path_join(self.server_url, r"/slides/(.*)"),
                LearnerPageHandler,
                {"template_paths": slide_paths, "config": slides_config, "voila_configuration": slides},
            ),
        ]
        return ours + handlers


def make_config(
    root: Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    pool_size: int = DEFAULT_POOL_SIZE,
) -> Config:
    """The hardened configuration ``netedu serve`` runs with."""
    c = Config()
    c.Voila.ip = host
    c.Voila.port = port
    c.Voila.port_retries = 0  # the printed address must be the real one
    c.Voila.open_browser = False
    c.Voila.root_dir = str(root / "notebooks")
    c.NeteduVoila.course_root = str(root)
    c.VoilaConfiguration.template = "netedu"
    c.VoilaConfiguration.theme = "light"
    c.VoilaConfiguration.allow_template_override = "NO"
    c.VoilaConfiguration.allow_theme_override = "NO"
    c.VoilaConfiguration.show_tracebacks = False
    c.VoilaConfiguration.file_allowlist = [IMAGE_FILES]
    c.VoilaConfiguration.resources = {"netedu": {"disclaimer_lead": DISCLAIMER_LEAD}}
    c.VoilaConfiguration.http_header_envs = ["Cookie"]  # the learner id reaches the kernel
    c.VoilaExecutor.cell_error_instruction = CELL_ERROR
    c.HTMLExporter.jquery_url = "/netedu/static/vendor/jquery/jquery.min.js"
    # A warm pool of kernels that have already run the player notebook (imports and content
    # loaded) and wait for a learner; only the player is preheated.
    c.VoilaConfiguration.preheat_kernel = pool_size > 0
    c.VoilaKernelManager.kernel_pools_config = {"default": {"pool_size": 0}, PLAYER_NOTEBOOK: {"pool_size": pool_size}}
    # Refill the pool a little after kernels are taken, not during a room's arrival rush.
    c.VoilaKernelManager.fill_delay = 20
    # Kernels of learners who left are shut down after two idle hours (pooled ones are kept).
    # Many kernels starting at once can collide on TCP ports (ZMQError: Address already in use).
    c.KernelManager.transport = "ipc"
    c.MappingKernelManager.cull_idle_timeout = 2 * 60 * 60
    c.MappingKernelManager.cull_interval = 5 * 60
    return c


def serve(
    root: Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    database_url: str | None = None,
    pool_size: int = DEFAULT_POOL_SIZE,
    educator_key: str | None = None,
) -> None:
    """Run the course app until interrupted (Ctrl+C or SIGTERM).

    ``educator_key`` (else ``$NETEDU_EDUCATOR_KEY``, else a new random key) opens the educator
    view; the link is printed when the server starts."""
    # Kernels inherit the environment: they find the course, the progress store, netedu's
    # Voila templates, and the address to fetch their learner's request information from.
    os.environ["NETEDU_ROOT"] = str(root)
    os.environ[ANKI_ENV] = "1"  # the player offers the deck download this server has
    key = educator_key or os.environ.get(KEY_ENV) or new_key()
    if len(key) < MIN_KEY_LENGTH:
        raise ValueError(f"the educator key must be at least {MIN_KEY_LENGTH} characters long")
    os.environ.pop(KEY_ENV, None)  # kernels get only its hash
    os.environ[KEY_HASH_ENV] = key_hash(key)
    if database_url:
        os.environ["NETEDU_DATABASE_URL"] = database_url
    if host not in ("0.0.0.0", "::", ""):
        os.environ["VOILA_APP_IP"] = host
    jupyter_path = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(SHARE), jupyter_path) if p)
    app = NeteduVoila(config=make_config(root, host, port, pool_size=pool_size))
    app.initialize(argv=[])
    shown_host = f"[{host}]" if ":" in host else host

    def announce() -> None:  # runs once the server is listening
        print(f"netedu is serving the course at http://{shown_host}:{app.port}/  (Ctrl+C stops it)", flush=True)
        print(f"Educator view (keep this link to yourself): http://{shown_host}:{app.port}/educator?key={key}", flush=True)

    tornado.ioloop.IOLoop.current().add_callback(announce)
    app.start()

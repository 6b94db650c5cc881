"""``netedu serve``: Voila with the course landing page, hardened for a room of learners."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import jinja2
import tornado.ioloop
import tornado.web
from jupyter_server.utils import url_path_join
from traitlets import Unicode
from traitlets.config import Config
from voila.app import Voila
from voila.tornado.treehandler import TornadoVoilaTreeHandler

from ..content import ContentError, load_content
from ..settings import DEFAULT_HOST, DEFAULT_PORT, DISCLAIMER, DISCLAIMER_LEAD

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


def _set_xsrf_cookie(req: tornado.web.RequestHandler, notebook: Any, cwd: str) -> None:
    """Voila's prelaunch hook: touching the token sets the ``_xsrf`` cookie, so the page can shut
    its kernel down when the learner leaves (otherwise kernels leak until the server stops).
    """
    _ = req.xsrf_token


class _SecureHeaders(tornado.web.RequestHandler):
    def set_default_headers(self) -> None:
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Referrer-Policy", "no-referrer")
        self.set_header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'self'")


class LandingHandler(_SecureHeaders):
    """The course map: every topic from ``data/course.yaml``, linked to its app."""

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
            course=content.course,
            topics=topics,
            disclaimer=DISCLAIMER,
            disclaimer_lead=DISCLAIMER_LEAD,
            base_url=self.base_url,
        )
        self.finish(page)


class _Static(_SecureHeaders, tornado.web.StaticFileHandler):
    pass


class NeteduVoila(Voila):
    """Voila serving the course notebooks, with netedu's landing page at ``/``."""

    name = "netedu"
    description = "Serve the netedu course with Voila"
    course_root = Unicode("", config=True, help="The course checkout (holds data/ and notebooks/).")

    def init_handlers(self) -> list:
        # The landing page replaces Voila's file tree (which would list every notebook).
        handlers = [h for h in super().init_handlers() if h[1] is not TornadoVoilaTreeHandler]
        ours = [
            (url_path_join(self.server_url, r"/?"), LandingHandler, {"root": self.course_root, "base_url": self.base_url}),
            (url_path_join(self.server_url, r"/netedu/static/(.*)"), _Static, {"path": str(STATIC)}),
        ]
        return ours + handlers


def make_config(root: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> Config:
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
    c.VoilaConfiguration.resources = {"netedu": {"disclaimer_lead": DISCLAIMER_LEAD}}
    c.VoilaConfiguration.file_allowlist = [IMAGE_FILES]
    c.VoilaConfiguration.prelaunch_hook = _set_xsrf_cookie
    c.VoilaExecutor.cell_error_instruction = CELL_ERROR
    c.MappingKernelManager.cull_idle_timeout = 2 * 60 * 60
    c.MappingKernelManager.cull_interval = 5 * 60
    return c


def serve(root: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Run the course app until interrupted (Ctrl+C or SIGTERM)."""
    # Kernels inherit the environment: they find the course and netedu's Voila template.
    os.environ["NETEDU_ROOT"] = str(root)
    jupyter_path = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(SHARE), jupyter_path) if p)
    app = NeteduVoila(config=make_config(root, host, port))
    app.initialize(argv=[])
    shown_host = f"[{host}]" if ":" in host else host

    def announce() -> None:  # runs once the server is listening
        print(f"netedu is serving the course at http://{shown_host}:{app.port}/  (Ctrl+C stops it)", flush=True)

    tornado.ioloop.IOLoop.current().add_callback(announce)
    app.start()

"""``netedu serve``: Voila with the course player, hardened for a room of learners.

Routes: ``/`` the course player (one kernel per learner, preheated); ``/topics`` the course
map for educators (no kernel); ``/voila/render/<notebook>`` a topic on its own;
``/slides/<notebook>`` a topic as offline reveal.js slides; ``/educator?key=...`` turns the
educator view on in this browser (questions then show the room's answers);
``/export/netedu.apkg`` the question bank as an Anki deck.
"""

from __future__ import annotations

import copy
import logging
import os
import sys
from pathlib import Path

import platformdirs
import tornado.ioloop
import tornado.log
from jupyter_server.services.kernels.handlers import KernelHandler
from jupyter_server.utils import url_path_join
from traitlets import Unicode
from voila.app import Voila
from voila.configuration import VoilaConfiguration
from voila.paths import collect_template_paths
from voila.request_info_handler import RequestInfoSocketHandler
from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler
from voila.tornado.contentshandler import VoilaContentsHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler
from voila.tornado.treehandler import TornadoVoilaTreeHandler

from netedu.export.anki import ANKI_FILE_NAME
from netedu.server.config import make_config
from netedu.server.decks import DeckCache
from netedu.server.handlers import (
    AnkiDeckHandler,
    CourseMapHandler,
    EducatorHandler,
    KernelRequestInfoHandler,
    LearnerPageHandler,
    NoContentHandler,
    NotFoundHandler,
    OwnedKernelHandler,
    OwnedKernelWebsocketHandler,
    OwnedShutdownHandler,
    PlayerRedirect,
    StaticHandler,
    secured,
)
from netedu.server.identity import MIN_KEY_LENGTH, EducatorSessions, Throttle, key_hash, new_key
from netedu.server.kernels.forked import TemplateSupervisor
from netedu.server.kernels.manager import ready_first
from netedu.server.store_service import StoreService
from netedu.settings import (
    ANKI_ENV,
    BACKGROUND_LOCK_ENV,
    DATABASE_URL_ENV,
    DEFAULT_HOST,
    DEFAULT_POOL_SIZE,
    DEFAULT_PORT,
    EDUCATOR_KEY_ENV,
    FORK_KERNELS_ENV,
    NO_STORE_ENV,
    NOT_SAVED_NOTICE,
    PLAYER_NOTEBOOK,
    ROOT_ENV,
    SERVED_ENV,
    STORE_SOCKET_ENV,
)
from netedu.store import MemoryStore, open_store

__all__ = ["SHARE", "STATIC", "NeteduVoila", "serve"]

_HERE = Path(__file__).parent
SHARE = _HERE / "share" / "jupyter"
STATIC = _HERE / "static"


#: Voila's handlers, and what netedu serves in their place (``None``: not served at all).
_REPLACED = {
    TornadoVoilaHandler: LearnerPageHandler,
    TornadoVoilaTreeHandler: None,  # no file listing: the course map replaces it
    VoilaContentsHandler: None,  # nor the notebooks folder's listing
    VoilaKernelWebsocketHandler: OwnedKernelWebsocketHandler,
    KernelHandler: OwnedKernelHandler,
    VoilaShutdownKernelHandler: OwnedShutdownHandler,
    RequestInfoSocketHandler: KernelRequestInfoHandler,
}


def log_request(handler: tornado.web.RequestHandler) -> None:
    """The access log, as tornado writes it, without query strings: a link's ``?key=`` (the
    educator key) never reaches a log file."""
    status = handler.get_status()
    if status < 400:
        write = tornado.log.access_log.info
    elif status < 500:
        write = tornado.log.access_log.warning
    else:
        write = tornado.log.access_log.error
    request = handler.request
    query = " ?…" if request.query else ""
    write("%d %s %s%s (%s) %.2fms", status, request.method, request.path, query, request.remote_ip, 1000.0 * request.request_time())


def _level(value: int | str) -> int:
    """A logging level given by number or name."""
    return value if isinstance(value, int) else int(logging.getLevelName(value.upper()))


class NeteduVoila(Voila):
    """Voila serving the course: the player, topic pages, slides and the course map."""

    name = "netedu"
    description = "Serve the netedu course with Voila"
    course_root = Unicode("", config=True, help="The course checkout (holds data/ and notebooks/).")
    educator_key_hash = Unicode("", config=True, help="SHA-256 of the educator key (the key itself is never kept).")
    _said_ready = 0

    def get_default_logging_config(self) -> dict:
        """traitlets leaves the app's logger at DEBUG and filters in its handlers, so each of
        the server's per-message ``log.debug`` calls builds a record that is then thrown away
        (a few percent of the server's time with a room of learners). The logger gets the
        lowest level any handler keeps instead."""
        config = super().get_default_logging_config()
        levels = [_level(self.log_level)]
        for handler in {**config.get("handlers", {}), **(self.logging_config or {}).get("handlers", {})}.values():
            if "level" in handler:
                levels.append(_level(handler["level"]))
        config["loggers"][self.__class__.__name__]["level"] = logging.getLevelName(min(levels))
        return config

    def init_settings(self) -> dict:
        settings = super().init_settings()
        # Voila builds its pooled kernel manager class itself; ours takes only ready kernels
        # from the pool (ready_first), so a refill held back for a quiet room never makes an
        # arriving learner wait.
        self.kernel_manager.__class__ = ready_first(type(self.kernel_manager))
        settings["netedu_sessions"] = EducatorSessions(self.educator_key_hash or key_hash(new_key()))
        settings["netedu_throttle"] = Throttle()
        settings["log_function"] = log_request
        settings["default_handler_class"] = NotFoundHandler
        settings["default_handler_args"] = {"base_url": self.base_url}
        return settings

    async def let_go_unopened(self) -> None:
        """Shut down kernels whose page never opened them (see the kernel manager)."""
        await self.kernel_manager.let_go_unopened()

    def watch_pool(self) -> None:
        """Say when the pool of warm player kernels is full: the room can arrive."""
        manager = self.kernel_manager
        size = int(getattr(manager, "pool_size", 0))
        if not size or not hasattr(manager, "warm_kernels"):
            return
        warm = manager.warm_kernels(PLAYER_NOTEBOOK)
        if warm >= size and self._said_ready < size:
            print(f"netedu: ready for {size} learners ({warm} warm course-player kernels)", flush=True)
        self._said_ready = warm if warm >= size else min(self._said_ready, warm)

    def stop(self) -> None:
        TemplateSupervisor.stop_all()
        super().stop()

    def init_handlers(self) -> list:
        handlers = []
        for pattern, handler, *args in super().init_handlers():
            handler = _REPLACED.get(handler, handler)
            if handler is None:
                continue
            if handler.__module__.split(".")[0] != "netedu":
                handler = secured(handler)  # Voila's static files and the rest: netedu's headers too
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
            (url_path_join(self.server_url, r"/netedu/static/(.*)"), StaticHandler, {"path": str(STATIC)}),
            (url_path_join(self.server_url, r"/favicon.ico"), NoContentHandler),
            (
                url_path_join(self.server_url, r"/export/" + ANKI_FILE_NAME.replace(".", r"\.")),
                AnkiDeckHandler,
                {"decks": DeckCache(self.course_root)},
            ),
            (
                url_path_join(self.server_url, r"/slides/(.*)"),
                LearnerPageHandler,
                {"template_paths": slide_paths, "config": slides_config, "voila_configuration": slides},
            ),
        ]
        return ours + handlers


def educator_notice(base: str, key: str, *, chosen: str | None, terminal: bool) -> str:
    """How the educator opens their view. On a terminal: the link with the key. Where the output
    is a log (a service, a file), the key stays out of it: the educator uses the key they chose,
    or, for a random one, the link is written to a file only this user can read.

    >>> educator_notice("http://h/", "k" * 16, chosen="k" * 16, terminal=False)
    'Educator view: http://h/educator (enter the key you gave with --educator-key or $NETEDU_EDUCATOR_KEY)'
    """
    link = f"{base}educator?key={key}"
    if terminal:
        return f"Educator view (keep this link to yourself): {link}"
    if chosen:
        return f"Educator view: {base}educator (enter the key you gave with --educator-key or $NETEDU_EDUCATOR_KEY)"
    path = platformdirs.user_runtime_path("netedu", ensure_exists=True) / "educator-link.txt"
    path.touch(mode=0o600)
    path.chmod(0o600)
    path.write_text(link + "\n")
    return f"Educator view: the link is in {path} (readable by this user only)"


def serve(
    root: Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    database_url: str | None = None,
    pool_size: int = DEFAULT_POOL_SIZE,
    educator_key: str | None = None,
    fork: bool = True,
    refill: str = "quiet",
    max_kernels: int = 0,
    notebook_dir: Path | None = None,
    save_answers: bool = True,
) -> None:
    """Run the course app until interrupted (Ctrl+C or SIGTERM).

    ``educator_key`` (else ``$NETEDU_EDUCATOR_KEY``, else a new random key) opens the educator
    view; the link is printed when the server starts. ``fork``: the course player's kernels are
    forked from a warm template (else started the ordinary way); ``refill``: see
    :class:`~netedu.server.kernels.manager.NeteduKernelManager`; ``max_kernels``: learner kernels
    at most (0: as many as the machine's memory allows). ``notebook_dir``: the folder
    whose notebooks are served (default: the course's ``notebooks/``; the benchmarks serve the
    whole checkout).

    The progress store is opened, migrated and proven to take a write before the server
    listens: if it cannot be, :class:`~netedu.store.failures.StoreUnavailable` says why and
    nothing is served. ``save_answers=False`` (``--no-store``, a demo) keeps answers in the
    server's memory only, and every page says so."""
    # Kernels inherit the environment: they find the course, the progress store, netedu's
    # Voila templates, and the address to fetch their learner's request information from.
    os.environ[ROOT_ENV] = str(root)
    os.environ[ANKI_ENV] = "1"  # the player offers the deck download this server has
    chosen_key = educator_key or os.environ.get(EDUCATOR_KEY_ENV)
    key = chosen_key or new_key()
    if len(key) < MIN_KEY_LENGTH:
        raise ValueError(f"the educator key must be at least {MIN_KEY_LENGTH} characters long")
    if max_kernels < 0:
        raise ValueError("--max-kernels must be 0 (as many as the machine's memory allows) or more")
    # The server holds the one progress store; its kernels reach it through a local socket.
    store = open_store(database_url, check_writes=True) if save_answers else MemoryStore()
    os.environ[SERVED_ENV] = "1"  # every page of a served course has its learner
    os.environ[NO_STORE_ENV] = "0" if save_answers else "1"
    os.environ.pop(EDUCATOR_KEY_ENV, None)  # kernels never see it
    if database_url:
        os.environ[DATABASE_URL_ENV] = database_url
    if host not in ("0.0.0.0", "::", ""):
        os.environ["VOILA_APP_IP"] = host
    jupyter_path = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(SHARE), jupyter_path) if p)
    os.environ[FORK_KERNELS_ENV] = "1" if fork else "0"
    service = StoreService(store)
    os.environ[STORE_SOCKET_ENV] = service.path
    # Kernels take turns for background work (building the views learners will open next).
    os.environ[BACKGROUND_LOCK_ENV] = str(service.folder / "background.lock")
    config = make_config(root, host, port, pool_size=pool_size, fork=fork, refill=refill, max_kernels=max_kernels)
    config.NeteduVoila.educator_key_hash = key_hash(key)
    if notebook_dir is not None:
        config.Voila.root_dir = str(notebook_dir)
    if not save_answers:  # every page says so
        resources = dict(config.VoilaConfiguration.resources)
        config.VoilaConfiguration.resources = {**resources, "netedu": {**resources.get("netedu", {}), "not_saved": NOT_SAVED_NOTICE}}
    app = NeteduVoila(config=config)
    app.initialize(argv=[])
    shown_host = f"[{host}]" if ":" in host else host

    def announce() -> None:  # runs once the server is listening
        base = f"http://{shown_host}:{app.port}/"
        print(f"netedu is serving the course at {base}  (Ctrl+C stops it)", flush=True)
        print(educator_notice(base, key, chosen=chosen_key, terminal=sys.stdout.isatty()), flush=True)

    tornado.ioloop.IOLoop.current().add_callback(service.start_serving)
    tornado.ioloop.IOLoop.current().add_callback(announce)
    tornado.ioloop.PeriodicCallback(app.watch_pool, 2000).start()
    tornado.ioloop.PeriodicCallback(app.let_go_unopened, 30_000).start()
    try:
        app.start()
    finally:
        service.close()
        store.close()

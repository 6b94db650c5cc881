"""NeteduKernelManager: the server's kernel manager. The course player's kernels are forked from
a warm template (the ``netedu-player`` kernel spec), and the pool refills only when the room is
quiet (:class:`~netedu.server.kernels.refill.RefillGate`). Other pages get ordinary kernels."""

from __future__ import annotations

import json
import logging
from typing import Any

from jupyter_server._tz import utcnow
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Bool, Enum, Float, Int, Unicode

from netedu.server.kernels.owners import DEFAULT_PER_LEARNER, KernelOwners, default_limit, requesting_learner
from netedu.server.kernels.refill import RefillGate
from netedu.settings import KERNEL_SECRET_ENV, PLAYER_NOTEBOOK

__all__ = ["NeteduKernelManager", "is_player_kernel", "ready_first"]

log = logging.getLogger("netedu")
PREHEAT_ENV = "VOILA_PREHEAT"


def is_player_kernel(env: dict[str, str] | None) -> bool:
    """Whether a kernel about to start is the course player's: a warm one from the pool (only
    the player is preheated), or one Voila starts for a player page when the pool is empty.

    >>> is_player_kernel({"VOILA_PREHEAT": "True"}), is_player_kernel({"SCRIPT_NAME": "/voila/render/course.ipynb"})
    (True, True)
    >>> is_player_kernel({"SCRIPT_NAME": "/voila/render/09_staging.ipynb", "VOILA_PREHEAT": "False"})
    False
    """
    env = env or {}
    return env.get(PREHEAT_ENV) == "True" or env.get("SCRIPT_NAME", "").endswith("/" + PLAYER_NOTEBOOK)


class NeteduKernelManager(AsyncMappingKernelManager):
    """Kernels for ``netedu serve`` (Voila wraps this class with its pool of warm kernels)."""

    player_kernel_name = Unicode("netedu-player", config=True, help="The kernel spec of the course player's kernels.")
    fork_kernels = Bool(True, config=True, help="Fork the course player's kernels from a warm template.")
    pool_size = Float(0, config=True, help="Warm player kernels the pool holds (its first fill is not held back).")
    refill = Enum(
        ["quiet", "fixed"],
        "quiet",
        config=True,
        help="'quiet': refill the pool only when no learner has arrived for refill_quiet_s and the machine is idle; "
        "'fixed': Voila's own refill, fill_delay seconds after each kernel is taken.",
    )
    refill_quiet_s = Float(30.0, config=True, help="Seconds without a learner arriving before the pool refills.")
    refill_busy_percent = Float(50.0, config=True, help="CPU use (percent of the machine) at which refills wait.")
    max_kernels = Int(0, config=True, help="Learner kernels the server holds at most (0: as many as its memory allows).")
    kernels_per_learner = Int(DEFAULT_PER_LEARNER, config=True, help="Live kernels one learner (one browser) may hold.")

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        limit = self.max_kernels or default_limit(forked=self.fork_kernels)
        self.owners = KernelOwners(limit=limit, per_learner=self.kernels_per_learner)
        self.gate = RefillGate(quiet_s=self.refill_quiet_s, busy_percent=self.refill_busy_percent)
        self._preheats = 0
        self.refills_started = 0

    async def start_kernel(self, *, kernel_name: str | None = None, **kwargs: Any) -> str:
        env = kwargs.get("env")
        if is_player_kernel(env):
            if self.fork_kernels:
                kernel_name = self.player_kernel_name
            if env.get(PREHEAT_ENV) == "True":
                self._preheats += 1
                if self._preheats > self.pool_size:  # a refill: a learner has just taken a kernel
                    if self.refill == "quiet":
                        self.gate.arrived()
                        await self.gate.wait()
                    self.refills_started += 1
                    log.info("netedu: refilling the pool of warm kernels (%d so far)", self.refills_started)
        # Each kernel gets a secret for fetching its learner's request information.
        secret = KernelOwners.new_secret()
        kwargs["env"] = {**(env or {}), KERNEL_SECRET_ENV: secret}
        kernel_id = await super().start_kernel(kernel_name=kernel_name, **kwargs)
        self.owners.remember_secret(kernel_id, secret)
        learner = requesting_learner.get()
        if learner is not None and (env or {}).get(PREHEAT_ENV) != "True":  # a page's own kernel, not the pool's
            self.owners.take(kernel_id, learner)
        return kernel_id

    async def let_go_unopened(self, after_s: float = 120.0) -> list[str]:
        """Shut down the kernels handed to a page that never opened them (a tab closed while
        loading, a client that fetched the page and left): they would otherwise hold their
        memory until the idle cull, hours later."""
        gone = self.owners.never_connected(after_s)
        for kernel_id in gone:
            log.info("netedu: kernel %s was never opened by its page; shutting it down", kernel_id)
            try:
                await self.shutdown_kernel(kernel_id)
            except Exception:
                log.warning("netedu: could not shut down unopened kernel %s", kernel_id, exc_info=True)
                self.owners.forget(kernel_id)
        return gone

    async def shutdown_kernel(self, kernel_id: str, *args: Any, **kwargs: Any) -> None:
        try:
            await super().shutdown_kernel(kernel_id, *args, **kwargs)
        finally:
            self.owners.forget(kernel_id)

    def start_watching_activity(self, kernel_id: str) -> None:
        """Track each kernel's last activity and execution state, as jupyter_server does, for
        a fraction of the cost: a room's kernels send thousands of widget messages, and
        jupyter_server's watcher checks each one's signature and parses its dates, which was a
        sixth of the server's time with 100 learners. This one reads the JSON headers only
        (and a status message's content). The iopub socket it listens to is the kernel's own,
        which only the kernel publishes on, so the signature proves nothing here; the
        learner's websocket carries the same frames unchecked too."""
        kernel = self._kernels[kernel_id]
        kernel.reason = ""
        kernel.last_activity = utcnow()
        kernel._activity_stream = kernel.connect_iopub()
        feed = kernel.session.feed_identities
        tracked = self.track_message_type

        def record_activity(msg_list: list[bytes]) -> None:
            _idents, parts = feed(msg_list)
            msg_type = json.loads(parts[1])["msg_type"]
            parent_type = None
            if not tracked(msg_type) or msg_type == "status":
                parent_type = json.loads(parts[2]).get("msg_type")
            if tracked(msg_type) or tracked(parent_type) or kernel.execution_state == "busy":
                self.last_kernel_activity = kernel.last_activity = utcnow()
            if msg_type == "status":
                state = json.loads(parts[4])["execution_state"]
                if tracked(parent_type):
                    kernel.execution_state = state
                elif kernel.execution_state == "starting" and state != "starting":
                    kernel.execution_state = "idle"

        kernel._activity_stream.on_recv(record_activity)


def _ready(task: Any) -> bool:
    return task.done() and not task.cancelled() and task.exception() is None


def ready_first(pooled: type) -> type:
    """Voila's pooled kernel manager, changed so that an arriving learner only ever takes a warm
    kernel that is ready: one whose start is still held back (a refill waiting for a quiet room)
    is not counted, and a learner who finds none ready gets a new kernel at once instead."""

    class ReadyFirst(pooled):
        def get_pool_size(self, notebook_name: str) -> int:
            return sum(1 for task in self._pools.get(notebook_name, ()) if _ready(task))

        def warm_kernels(self, notebook_name: str) -> int:
            """Kernels in the pool that have run their notebook and wait for their learner's
            request (they have connected to Voila's request-information socket)."""
            from voila.request_info_handler import RequestInfoSocketHandler

            waiting = RequestInfoSocketHandler._waiters
            return sum(1 for task in self._pools.get(notebook_name, ()) if _ready(task) and task.result()["kernel_id"] in waiting)

        async def get_rendered_notebook(self, notebook_name: str, *args: Any, **kwargs: Any):
            self._pools.get(notebook_name, []).sort(key=lambda task: not _ready(task))  # stable: ready ones first
            rendered = await super().get_rendered_notebook(notebook_name, *args, **kwargs)
            learner = requesting_learner.get()
            if learner is not None and hasattr(self, "owners"):
                self.owners.take(rendered[2], learner)  # (render task, rendered cells, kernel id)
            return rendered

    ReadyFirst.__name__ = ReadyFirst.__qualname__ = f"ReadyFirst{pooled.__name__}"
    return ReadyFirst

"""The hardened Voila configuration ``netedu serve`` runs with: every setting, and why."""

from __future__ import annotations

from pathlib import Path

from traitlets.config import Config

from netedu.server.identity import LEARNER_HEADER, ROLE_HEADER
from netedu.settings import DEFAULT_HOST, DEFAULT_POOL_SIZE, DEFAULT_PORT, DISCLAIMER_LEAD, PLAYER_NOTEBOOK

__all__ = ["CELL_ERROR", "IMAGE_FILES", "make_config"]

IMAGE_FILES = r".*\.(png|jpe?g|gif|svg|webp)$"
CELL_ERROR = (
    "This part of the page could not be prepared. The rest of the lesson still works; "
    "please tell your instructor (the details are in the server log)."
)


def make_config(
    root: Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    pool_size: int = DEFAULT_POOL_SIZE,
    fork: bool = True,
    refill: str = "quiet",
    max_kernels: int = 0,
) -> Config:
    """The configuration for serving the course at ``root``.

    >>> make_config(Path("/course"), pool_size=4).VoilaKernelManager.kernel_pools_config["course.ipynb"]
    {'pool_size': 4}
    """
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
    # The kernel learns its learner and role from headers the server sets (never the cookies).
    c.VoilaConfiguration.http_header_envs = [LEARNER_HEADER, ROLE_HEADER]
    c.VoilaExecutor.cell_error_instruction = CELL_ERROR
    c.HTMLExporter.jquery_url = "/netedu/static/vendor/jquery/jquery.min.js"
    # A warm pool of kernels that have already run the player notebook and wait for a learner;
    # only the player is preheated. Its kernels are forked from a warm template (they share
    # its imports and content), and the pool refills only when the room is quiet.
    c.VoilaConfiguration.preheat_kernel = pool_size > 0
    c.VoilaConfiguration.multi_kernel_manager_class = "netedu.server.kernels.manager.NeteduKernelManager"
    c.VoilaKernelManager.kernel_pools_config = {"default": {"pool_size": 0}, PLAYER_NOTEBOOK: {"pool_size": pool_size}}
    c.NeteduKernelManager.pool_size = pool_size
    c.NeteduKernelManager.fork_kernels = fork
    c.NeteduKernelManager.refill = refill
    c.NeteduKernelManager.max_kernels = max_kernels
    # "quiet": the refill gate does the waiting; "fixed": Voila's own delay after each take.
    c.VoilaKernelManager.fill_delay = 0 if refill == "quiet" else 20
    # Many kernels starting at once can collide on TCP ports (ZMQError: Address already in use).
    c.KernelManager.transport = "ipc"
    # A kernel running a cell (every warm one waits in its cell for a learner) ends the cell
    # before it is asked to shut down: else ipykernel logs a ZMQError traceback for its reply.
    c.NeteduKernelManager.kernel_manager_class = "netedu.server.kernels.shutdown.CellFirstKernelManager"
    # Kernels of learners who left are shut down after two idle hours (pooled ones are kept).
    c.MappingKernelManager.cull_idle_timeout = 2 * 60 * 60
    c.MappingKernelManager.cull_interval = 5 * 60
    return c

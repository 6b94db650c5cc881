"""ForkingProvisioner: jupyter_client's local provisioner, but its kernels are forked from a warm
template instead of started from nothing.

Registered as ``netedu-forking`` (entry point group ``jupyter_client.kernel_provisioners``) and
named by the ``netedu-player`` kernel spec, which ``netedu serve`` uses for the course player's
kernels only. Everything after the launch (interrupts, restarts, shutdown, culling) goes
through :class:`~netedu.server.kernels.forked.ForkedKernel`, a Popen-like handle, so the
local provisioner's own code manages a forked kernel as it manages any other. Where forking is
impossible or the template cannot be had, the kernel starts the ordinary way, and the log says
why.
"""

from __future__ import annotations

import logging
import os
import pathlib
from typing import Any

from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.provisioning import LocalProvisioner

from netedu.server.kernels.forked import TemplateSupervisor, TemplateUnavailable, fork_support
from netedu.settings import FORK_KERNELS_ENV, ROOT_ENV, find_root

__all__ = ["ForkingProvisioner", "kernel_arguments"]

log = logging.getLogger("netedu")
_said: set[str] = set()


def _say_once(message: str, *args: Any) -> None:
    text = message % args
    if text not in _said:
        _said.add(text)
        log.warning(text)


def kernel_arguments(cmd: list[str]) -> list[str] | None:
    """What a kernel command passes to ipykernel (``None`` if it does not start ipykernel).

    >>> kernel_arguments(["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "k.json"])
    ['-f', 'k.json']
    >>> kernel_arguments(["julia", "kernel.jl"]) is None
    True
    """
    for n in range(len(cmd) - 1):
        if cmd[n] == "-m" and cmd[n + 1] in ("ipykernel_launcher", "ipykernel"):
            return cmd[n + 2 :]
    return None


class ForkingProvisioner(LocalProvisioner):
    """Forks each kernel from the template; falls back to an ordinary start (see the module)."""

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> KernelConnectionInfo:
        argv = kernel_arguments(cmd)
        env = kwargs.get("env") or dict(os.environ)
        why_not = fork_support()
        if os.environ.get(FORK_KERNELS_ENV, "1") == "0":
            why_not = "netedu serve --no-fork was given"
        elif argv is None:
            why_not = f"the kernel command {cmd[:3]} does not start ipykernel"
        if why_not is None:
            root = pathlib.Path(env[ROOT_ENV]) if env.get(ROOT_ENV) else find_root()
            supervisor = TemplateSupervisor.for_course(root, _template_arguments(argv))
            try:
                self.process = await supervisor.fork(argv, {str(k): str(v) for k, v in env.items()}, kwargs.get("cwd"))
            except TemplateUnavailable as err:
                _say_once("netedu: starting an ordinary kernel instead of forking one (%s)", err)
            else:
                self.pid = self.pgid = self.process.pid  # the kernel leads its own session
                self.cwd = kwargs.get("cwd", pathlib.Path.cwd())
                return self.connection_info
        else:
            _say_once("netedu: learners' kernels start as ordinary ipykernels: %s", why_not)
        return await super().launch_kernel(cmd, **kwargs)


def _template_arguments(argv: list[str]) -> list[str]:
    """The kernel arguments every kernel shares (all but the connection file), for the probe."""
    out, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("-f", "--f"):
            skip = True
        elif not arg.startswith(("-f=", "--f=")):
            out.append(arg)
    return out

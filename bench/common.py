"""What the benchmarks share: the browser, and a server for the repository with netedu's config."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.support.chromium import ARGS, find_chromium  # noqa: E402
from tests.support.server import Server  # noqa: E402

__all__ = ["ARGS", "REPO", "Server", "chromium_or_exit", "repo_server", "write_json"]


def chromium_or_exit() -> str:
    path = find_chromium()
    if path is None:
        sys.exit("No Chromium for the benchmark: apt-get install chromium, or set NETEDU_CHROMIUM")
    return path


def repo_server() -> Server:
    """The repository served from its root, so bench/ and notebooks/ share one server. Its "/"
    redirects to a course player that only exists in a course's notebooks/ folder, so readiness
    is checked on a static file instead."""
    return Server([sys.executable, str(REPO / "bench/serve_for_bench.py"), str(REPO), "{port}"], ready_path="netedu/static/landing.css")


def write_json(path: Path | None, data: dict) -> None:
    if path is not None:
        import json

        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, indent=2))

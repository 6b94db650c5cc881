"""The benchmarks keep working: their server comes up and serves the baseline page."""

from __future__ import annotations

import sys
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"


def test_the_benchmark_server_starts_and_renders_the_baseline_page() -> None:
    sys.path.insert(0, str(BENCH))
    try:
        from common import repo_server
    finally:
        sys.path.remove(str(BENCH))
    with repo_server() as server, urllib.request.urlopen(server.url + "voila/render/bench/bare_widget.ipynb", timeout=120) as response:
        page = response.read().decode("utf-8")
    assert response.status == 200
    assert "application/vnd.jupyter.widget-view+json" in page  # the bare button's widget output

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


def test_the_benchmark_notebooks_run(tmp_path: Path, monkeypatch) -> None:
    """Their code still fits netedu's API (a benchmark that fails at run time measures nothing)."""
    import nbformat
    from nbclient import NotebookClient

    monkeypatch.setenv("NETEDU_DATABASE_URL", f"sqlite:///{tmp_path / 'bench.sqlite'}")
    for name in ("bare_widget.ipynb", "latency.ipynb"):
        notebook = nbformat.read(BENCH / name, as_version=4)
        NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(BENCH.parent)}}).execute()
        errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
        assert errors == [], name

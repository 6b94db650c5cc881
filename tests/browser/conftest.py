"""Browser fixtures: Debian's Chromium through pytest-playwright, the real app, axe-core."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.support.chromium import ARGS, HOW_TO_GET_ONE, find_chromium
from tests.support.course import write_course
from tests.support.server import Server

REPO = Path(__file__).resolve().parents[2]
AXE_JS = REPO / "tests/.axe/node_modules/axe-core/axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
FIRST_LOAD = 90_000  # ms: the first view starts a kernel and runs the notebook
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    path = find_chromium()
    if path is None:
        pytest.fail(HOW_TO_GET_ONE, pytrace=False)
    return {**browser_type_launch_args, "executable_path": path, "args": ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    # The pages' CSP stays on: the tests see what learners see (axe-core is injected through
    # the debugging protocol, which the CSP does not cover).
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}}


@pytest.fixture(scope="session")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The real course app, serving this repository's content."""
    log = tmp_path_factory.mktemp("server") / "netedu-serve.log"
    with Server.netedu(REPO, log=log) as server:
        yield server


def serve_test_course(folder: Path, change=None, *options: str, **server_args) -> Server:
    """Write the small test course into ``folder`` (then apply ``change(root)``) and serve it
    (``options``: for ``netedu serve``)."""
    from tests.conftest import synced

    root = synced(write_course(folder / "course"))
    if change is not None:
        change(root)
    return Server.netedu(root, *options, log=root / "serve.log", **server_args)


@pytest.fixture(scope="session")
def broken_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app serving a small course whose question file is broken."""

    def break_it(root: Path) -> None:
        bank = root / "data/questions/alpha.yaml"
        bank.write_text(bank.read_text().replace("difficulty: core", "difficulty: extreme"))

    with serve_test_course(tmp_path_factory.mktemp("broken"), break_it) as server:
        yield server


@pytest.fixture
def external_requests(page) -> list[str]:
    """Every request the page makes to a host that is not this machine."""
    seen: list[str] = []

    def record(request) -> None:
        url = urlparse(request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.hostname not in LOOPBACK:
            seen.append(request.url)

    page.on("request", record)
    page.on("websocket", lambda ws: record(type("R", (), {"url": ws.url})()))
    return seen


def run_axe(page) -> list[dict]:
    """axe-core's serious and critical violations on the page as it is now."""
    if not AXE_JS.is_file():
        pytest.fail(f"axe-core is not installed at {AXE_JS}: run 'make axe'", pytrace=False)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the browser's debugging protocol, which the pages' CSP (rightly)
        # does not cover; a <script> tag would be refused by it.
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate("async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["html"][:160] for n in v["nodes"][:3]]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]

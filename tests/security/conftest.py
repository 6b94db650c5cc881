"""The security suite's fixtures: the real app on the small test course, with an educator key and
a database of its own; Chromium as the browser tests get it; a learner's kernel over the websocket."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import FIRST_LOAD, browser_context_args, browser_type_launch_args, serve_test_course  # noqa: F401
from tests.support.server import Server
from tests.support.voila_client import Kernel, Learner

EDUCATOR_KEY = "educator-key-for-the-security-tests"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/security/" in str(item.fspath) and {"page", "browser"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


class SecureApp:
    """The served test course, and where its progress is kept."""

    def __init__(self, server: Server, database: Path):
        self.server, self.database = server, database
        self.url = server.url
        self.database_url = f"sqlite:///{database}"

    def rows(self) -> int:
        """How many answers the store holds."""
        with sqlite3.connect(self.database) as db:
            return db.execute("SELECT count(*) FROM answers").fetchone()[0]

    def log(self) -> str:
        return self.server.log_path.read_text(errors="replace") if self.server.log_path else ""


@pytest.fixture(scope="session")
def secure_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SecureApp]:
    """The real app (``netedu serve``) on the test course: every question type, an educator key."""
    folder = tmp_path_factory.mktemp("security")
    database = folder / "progress.sqlite"
    env = {"NETEDU_EDUCATOR_KEY": EDUCATOR_KEY, "NETEDU_DATABASE_URL": f"sqlite:///{database}"}
    with serve_test_course(folder, env=env) as server:
        yield SecureApp(server, database)


def open_player(page: Page, app: SecureApp, query: str = "") -> None:
    """The course player at ``query``, once its widgets are on screen."""
    page.goto(app.url + query)
    expect(page.locator(".netedu-player")).to_be_visible(timeout=FIRST_LOAD)


def kernel_id_of(page: Page) -> str:
    return page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")


def cookies_of(page: Page) -> dict[str, str]:
    return {c["name"]: c["value"] for c in page.context.cookies()}


def session_of(page: Page) -> tuple[str, dict[str, str]]:
    """The kernel id and cookies of the learner's ``page`` (read here: Playwright's sync API
    cannot be called from the thread :func:`tests.support.aio.run` runs a coroutine on)."""
    return kernel_id_of(page), cookies_of(page)


async def join(app: SecureApp, session: tuple[str, dict[str, str]]) -> Kernel:
    """A second client on the kernel of a learner's page (its :func:`session_of`), with the
    learner's own cookies, so it stays a second client of the same learner once kernels check
    who connects."""
    kernel_id, cookies = session
    kernel = await Kernel.connect(app.url, kernel_id, Learner(app.url, cookies).cookie)
    await kernel.load_widgets()
    return kernel


def prompt_of(kernel: Kernel, text: str) -> str:
    """The comm id of the first answer control whose question contains ``text``."""
    for comm_id, state in kernel.models.items():
        if text in state.get("prompt_html", ""):
            return comm_id
    raise LookupError(f"no answer control asks {text!r}")

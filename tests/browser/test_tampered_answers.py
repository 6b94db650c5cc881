"""A page that sends an answer that is not one (a tampered page, a broken client) is refused by
the real server's kernel, saying why, and nothing is written: over Voila's websocket protocol."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from tests.conftest import synced
from tests.support.aio import run
from tests.support.course import write_course
from tests.support.server import Server
from tests.support.voila_client import Learner, first


async def _submit_orders(base: str, orders: list) -> list[str]:
    """Open the page with an ordering question and submit each of ``orders``; what the control
    announced after each."""
    kernel, _ = await Learner(base).open("voila/render/02_beta.ipynb")
    control = first(kernel.find(kind="ordering"), "ordering question")
    said = []
    for order in orders:
        await kernel.comm(control, {"method": "custom", "content": {"event": "submit", "answer": {"order": order}}})
        said.append(kernel.models[control].get("announcement", ""))
    await kernel.close()
    return said


def test_a_malformed_ordering_is_refused_by_the_server_and_nothing_is_written(tmp_path: Path) -> None:
    root = synced(write_course(tmp_path / "course"))
    database = tmp_path / "progress.sqlite"
    command = [sys.executable, "-m", "netedu", "--root", str(root), "serve", "--port", "{port}", "--pool-size", "0"]
    malformed = [["k0", "k1"], ["k0", "k0", "k1", "k2"], ["k0", "k1", "k2", "k9"], [0, 1, 2, 3], "k0,k1,k2,k3", {"k0": 1}]
    env = {"NETEDU_DATABASE_URL": f"sqlite:///{database}"}
    with Server(command, env=env, log=tmp_path / "serve.log", ready_path="netedu/static/landing.css") as server:
        said = run(_submit_orders(server.url, malformed))
        with sqlite3.connect(database) as db:
            assert db.execute("SELECT count(*) FROM answers").fetchone()[0] == 0  # nothing graded, nothing written
        assert all(text.startswith("This answer could not be read") for text in said), said
        assert "more than once" in said[1] and "not a list of the items" in said[3]
        assert run(_submit_orders(server.url, [["k3", "k2", "k1", "k0"]]))[0].startswith(("Incorrect", "Partly right", "Correct"))
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT question_id, count(*) FROM answers GROUP BY question_id").fetchall() == [("beta-ordering", 1)]

"""The netedu command, as an educator or a content author runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from netedu.cli import main


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "netedu", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_check_passes_on_a_valid_course(course: Path) -> None:
    result = run("check", cwd=course)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK (2 topics, 8 questions, 2 references)" in result.stdout


def test_check_fails_listing_every_problem(course: Path) -> None:
    q = course / "data/questions/alpha.yaml"
    q.write_text(q.read_text().replace("difficulty: core", "difficulty: hard").replace("explanation: NO-B", "explantion: NO-B"))
    result = run("check", cwd=course)
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("data/questions/alpha.yaml:")]
    assert any(":27: questions[1].difficulty: Input should be 'foundation', 'core' or 'advanced'" in x for x in lines), lines
    assert any("unknown field 'explantion' (did you mean 'explanation'?)" in x for x in lines), lines
    assert f"{len(lines)} problems found" in result.stderr


def test_stats_json_lists_the_bank(course: Path) -> None:
    result = run("stats", "--json", cwd=course)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "topics": [
            {"id": "alpha", "title": "Alpha topic", "questions": 2, "question_types": {"multiple": 1, "single": 1}, "explorers": []},
            {
                "id": "beta",
                "title": "Beta topic",
                "questions": 6,
                "question_types": {"case": 1, "hotspot": 1, "matching": 1, "numeric": 1, "ordering": 1, "true-false": 1},
                "explorers": [],
            },
        ],
        "questions": 8,
        "references": 2,
    }


def test_nav_check_then_write(course: Path, capsys) -> None:
    topic = course / "data/topics/alpha.yaml"
    topic.write_text(topic.read_text().replace("title: Alpha topic", "title: Alpha, renamed"))
    assert main(["--root", str(course), "nav", "--check"]) == 1
    assert "stale: notebooks/00_start_here.ipynb" in capsys.readouterr().out  # it lists every topic
    assert main(["--root", str(course), "nav"]) == 0
    assert main(["--root", str(course), "nav", "--check"]) == 0


def test_outside_a_course_it_says_what_to_do(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("NETEDU_ROOT", raising=False)
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from netedu.cli import main; sys.exit(main(['check']))"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )
    # Inside the repo, netedu finds its own checkout through the package location; a real
    # install outside any course folder is told how to point at one.
    assert result.returncode in (0, 1, 2)
    if result.returncode == 2:
        assert "NETEDU_ROOT" in result.stderr


def test_repository_content_is_clean(repo: Path) -> None:
    result = run("check", cwd=repo)
    assert result.returncode == 0, result.stdout + result.stderr


def test_serve_passes_its_kernel_options_on(monkeypatch, course: Path) -> None:
    import netedu.server.app as app

    seen = {}
    monkeypatch.setattr(app, "serve", lambda root, **options: seen.update(options))
    assert main(["--root", str(course), "serve", "--pool-size", "7", "--no-fork", "--refill", "fixed"]) == 0
    assert (seen["pool_size"], seen["fork"], seen["refill"]) == (7, False, "fixed")
    assert main(["--root", str(course), "serve"]) == 0
    assert (seen["fork"], seen["refill"], seen["save_answers"]) == (True, "quiet", True)
    assert main(["--root", str(course), "serve", "--no-store"]) == 0
    assert seen["save_answers"] is False


def _serve_exits(course: Path, url: str) -> tuple[subprocess.CompletedProcess, int]:
    from tests.support.server import free_port

    port = free_port()
    done = run("--root", str(course), "serve", "--port", str(port), "--database-url", url, cwd=course)
    return done, port


def test_serve_with_a_database_it_cannot_create_exits_1_before_listening_saying_where_and_why(course: Path, tmp_path: Path) -> None:
    import socket

    blocker = tmp_path / "a-file"
    blocker.write_text("a file where the database's folder should be")
    url = f"sqlite:///{blocker / 'progress' / 'progress.sqlite'}"
    done, port = _serve_exits(course, url)
    assert done.returncode == 1, done.stderr
    first = done.stderr.splitlines()[0]
    assert first == f"netedu serve: cannot open the progress store at {url}: NotADirectoryError: Not a directory"
    assert "Traceback" not in done.stderr and "netedu is serving" not in done.stdout
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", port)) != 0  # it never listened


def test_serve_never_prints_the_database_password(course: Path) -> None:
    done, _ = _serve_exits(course, "postgresql://teacher:hunter2-secret@127.0.0.1:1/netedu")
    assert done.returncode == 1, done.stderr
    assert "hunter2" not in done.stderr + done.stdout
    assert "cannot open the progress store at postgresql+psycopg://teacher:***@127.0.0.1:1/netedu: OperationalError" in done.stderr or (
        "cannot open the progress store at postgresql://teacher:***@127.0.0.1:1/netedu:" in done.stderr
    )

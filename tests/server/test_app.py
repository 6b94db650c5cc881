"""netedu serve: what it refuses before it starts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_serve_refuses_a_short_educator_key(course: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "netedu", "--root", str(course), "serve", "--port", "0", "--educator-key", "short"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "at least 12 characters" in done.stderr


def test_the_servers_logger_drops_debug_calls_before_building_records() -> None:
    from netedu.server.app import NeteduVoila

    def level(**options) -> str:
        return NeteduVoila(**options).get_default_logging_config()["loggers"]["NeteduVoila"]["level"]

    assert level() == "INFO"
    assert level(log_level="DEBUG") == "DEBUG"
    assert level(logging_config={"handlers": {"debug": {"class": "logging.StreamHandler", "level": "DEBUG"}}}) == "DEBUG"


def test_the_educator_link_goes_to_a_terminal_never_into_a_log(tmp_path, monkeypatch) -> None:
    import platformdirs

    from netedu.server.app import educator_notice

    key = "a-random-educator-key"
    assert key in educator_notice("http://h/", key, chosen=None, terminal=True)
    monkeypatch.setattr(platformdirs, "user_runtime_path", lambda *a, **k: tmp_path)
    notice = educator_notice("http://h/", key, chosen=None, terminal=False)
    assert key not in notice and str(tmp_path / "educator-link.txt") in notice
    written = tmp_path / "educator-link.txt"
    assert written.read_text() == f"http://h/educator?key={key}\n" and written.stat().st_mode & 0o777 == 0o600
    assert key not in educator_notice("http://h/", key, chosen=key, terminal=False)

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

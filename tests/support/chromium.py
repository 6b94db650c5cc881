"""Find the Chromium the browser tests drive: $NETEDU_CHROMIUM, Debian's, or Playwright's own.

Run as a script it prints the path, or says how to get a browser and exits 1.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

HOW_TO_GET_ONE = """No Chromium found for the browser tests. Do one of these:
  * Debian/Ubuntu:      sudo apt-get install chromium      (gives /usr/bin/chromium)
  * any other browser:  export NETEDU_CHROMIUM=/path/to/chromium-or-chrome
  * with internet:      .venv/bin/python -m playwright install chromium"""


def playwright_chromium() -> str | None:
    """Playwright's downloaded Chromium, if one was installed."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    try:
        with sync_playwright() as p:
            path = p.chromium.executable_path
    except Exception:
        return None
    return path if path and Path(path).is_file() else None


def find_chromium() -> str | None:
    """``None`` when no browser is available; an explicit ``$NETEDU_CHROMIUM`` must exist."""
    env = os.environ.get("NETEDU_CHROMIUM")
    if env:
        return env if Path(env).is_file() and os.access(env, os.X_OK) else None
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    return playwright_chromium()


if __name__ == "__main__":
    found = find_chromium()
    if found is None:
        env = os.environ.get("NETEDU_CHROMIUM")
        if env:
            print(f"NETEDU_CHROMIUM={env} is not an executable file.", file=sys.stderr)
        print(HOW_TO_GET_ONE, file=sys.stderr)
        sys.exit(1)
    print(f"Browser tests will use {found}")

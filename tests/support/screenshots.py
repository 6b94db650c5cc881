"""Refresh the screenshots in docs/images/ from the real app (``make screenshots``).

Tests never write into the tracked tree: this script is the one thing that does, when asked.
``tests/test_packaging.py`` fails once the app's CSS is newer than a committed screenshot.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from netedu.content import load_content  # noqa: E402
from tests.support.chromium import ARGS, find_chromium  # noqa: E402
from tests.support.server import Server  # noqa: E402

#: Each screenshot, and the files whose look it shows (it must not be older than they are).
SCREENSHOTS = {
    "docs/images/topic.png": (
        "netedu/player/player.css",
        "netedu/widgets/controls.css",
        "netedu/server/share/jupyter/voila/templates/netedu/static/netedu.css",
    ),
}


def topic_after_a_wrong_answer(page, url: str, out: Path) -> None:
    """The README's picture: the first topic's quiz after a wrong answer, every option explained."""
    content = load_content(REPO)
    topic = next(iter(content.topics.values()))
    first = content.questions[topic.id][0]
    wrong = next(o for o in first.options if not o.correct)
    page.goto(f"{url}?topic={topic.id}")
    quiz = page.locator(".netedu-quiz")
    expect(quiz).to_be_visible(timeout=120_000)
    role = "checkbox" if first.type == "multiple" else "radio"
    quiz.get_by_role(role, name=wrong.text[:40]).check()
    quiz.get_by_role("button", name="Check answer").click()
    expect(quiz.get_by_text("Your answer: incorrect")).to_be_visible()
    # Voila scrolls inside the page: make the window tall enough for the whole question.
    page.set_viewport_size({"width": 1000, "height": 2200})
    quiz.screenshot(path=str(out))


def main() -> int:
    chromium = find_chromium()
    if chromium is None:
        print("No Chromium: see tests/support/chromium.py", file=sys.stderr)
        return 1
    out = REPO / "docs/images/topic.png"
    with Server.netedu(REPO) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        topic_after_a_wrong_answer(page, server.url, out)
        browser.close()
    print(f"wrote {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

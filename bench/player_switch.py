"""Moving to a topic in the course player: its first visit against a revisit, and against the
same topic opened as its own page, for every topic, in headless Chromium.

One learner, one server (``netedu serve``, one warm player kernel). For each topic:

* **first visit**: from the click on the topic's link to the topic on screen (its title heading
  and its quiz visible), the first time the learner goes there, having read the view before
  it for two seconds (topics in course order, as a learner takes them);
* **revisit**: the same, going back to the topic later (its views are kept in the kernel);
* **own page**: a new page of the topic alone (``/voila/render/<notebook>``: a kernel of its own,
  the notebook run), to the same point.

Reported per topic and as medians, with the ratios first visit / revisit and first visit /
own page.

    python bench/player_switch.py [--json bench/results/player_switch.json]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ARGS, REPO, Server, chromium_or_exit, write_json  # noqa: E402

from netedu.content import load_content  # noqa: E402

TIMEOUT = 120_000
#: How long the learner reads a view before moving on (a real one reads for minutes).
READING_MS = 2_000


def shown(page, title: str) -> None:
    """Wait until the topic is on screen: its title heading, and its quiz's status line."""
    page.wait_for_function(
        """(title) => {
            const h1 = document.querySelector('h1#sec-title');
            const quiz = document.querySelector('.netedu-player-main .netedu-quiz .netedu-quiz-status');
            return h1 && h1.textContent.trim() === title && quiz && quiz.offsetParent !== null;
        }""",
        arg=title,
        timeout=TIMEOUT,
    )


def go(page, href: str, title: str) -> float:
    """Click a link inside the player and wait for the view; seconds."""
    start = time.perf_counter()
    page.evaluate(
        "(href) => { const a = document.createElement('a'); a.href = href; document.body.append(a); a.click(); a.remove(); }", href
    )
    if title:
        shown(page, title)
    else:  # the contents
        page.wait_for_selector(".netedu-player-main .netedu-topic-list", timeout=TIMEOUT)
    return time.perf_counter() - start


def own_page(browser, url: str, title: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(".netedu-quiz .netedu-quiz-status", state="visible", timeout=TIMEOUT)
    seconds = time.perf_counter() - start
    context.close()
    time.sleep(1.0)  # its kernel shuts down when the page closes
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    content = load_content(REPO)
    chromium = chromium_or_exit()
    server = Server([sys.executable, "-m", "netedu", "--root", str(REPO), "serve", "--port", "{port}", "--pool-size", "1"])
    rows = []
    with server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        page.goto(server.url)
        page.wait_for_selector("h1#sec-title", timeout=TIMEOUT)
        topics = list(content.topics.values())
        first, again = {}, {}
        for t in topics:  # in course order, reading each topic a little before moving on
            page.wait_for_timeout(READING_MS)
            first[t.id] = go(page, f"?topic={t.id}", t.title)
        go(page, "?", "")
        for t in topics:
            page.wait_for_timeout(READING_MS)
            again[t.id] = go(page, f"?topic={t.id}", t.title)
        for t in topics:
            alone = own_page(browser, server.url + f"voila/render/{t.notebook}", t.title)
            rows.append({"topic": t.id, "first_visit_s": first[t.id], "revisit_s": again[t.id], "own_page_s": alone})
        browser.close()
    print(f"{'topic':28}{'first visit':>13}{'revisit':>10}{'own page':>10}{'first/revisit':>15}{'first/own':>11}")
    for r in rows:
        print(
            f"{r['topic']:28}{r['first_visit_s']:>12.3f}s{r['revisit_s']:>9.3f}s{r['own_page_s']:>9.2f}s"
            f"{r['first_visit_s'] / r['revisit_s']:>15.2f}{r['first_visit_s'] / r['own_page_s']:>11.3f}"
        )
    med = {k: statistics.median(r[k] for r in rows) for k in ("first_visit_s", "revisit_s", "own_page_s")}
    worst_revisit = max(r["first_visit_s"] / r["revisit_s"] for r in rows)
    worst_own = max(r["first_visit_s"] / r["own_page_s"] for r in rows)
    print(
        f"{'median':28}{med['first_visit_s']:>12.3f}s{med['revisit_s']:>9.3f}s{med['own_page_s']:>9.2f}s"
        f"{med['first_visit_s'] / med['revisit_s']:>15.2f}{med['first_visit_s'] / med['own_page_s']:>11.3f}"
    )
    print(f"worst topic: first visit {worst_revisit:.2f}× its revisit, {worst_own:.3f}× its own page")
    write_json(
        args.json, {"topics": rows, "median": med, "worst_first_over_revisit": worst_revisit, "worst_first_over_own_page": worst_own}
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

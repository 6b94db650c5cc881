"""Time to first widget and kernel memory of each topic page, as ratios to a bare widget page.

Both are measured in the same run on the same server, so the ratios hold on a noisy, shared
machine where absolute seconds do not. Each load is a fresh browser context (a new learner).

    python bench/voila_load.py [--loads 5] [--json bench/results/voila_load.json]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import psutil
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ARGS, REPO, Server, chromium_or_exit, repo_server, write_json  # noqa: E402

from netedu.content import load_content  # noqa: E402

FIRST_WIDGET = ".widget-button"  # the bare page's button; a topic's first "Check answer"


def kernels(server: Server) -> list[psutil.Process]:
    procs = psutil.Process(server.proc.pid).children(recursive=True)
    return [p for p in procs if "ipykernel" in " ".join(p.cmdline())]


def load_once(browser, server: Server, path: str) -> tuple[float, float]:
    """One learner opens the page: seconds to the first visible widget, and its kernel's RSS (MB)."""
    before = {p.pid for p in kernels(server)}
    context = browser.new_context()
    page = context.new_page()
    start = time.perf_counter()
    page.goto(server.url + path)
    page.wait_for_selector(FIRST_WIDGET, state="visible", timeout=120_000)
    seconds = time.perf_counter() - start
    page.wait_for_timeout(500)  # let the kernel settle after the last comm message
    new = [p for p in kernels(server) if p.pid not in before]
    rss = max(p.memory_info().rss for p in new) / 2**20 if new else float("nan")
    context.close()
    time.sleep(1.0)  # the page's kernel shuts down when the learner leaves
    return seconds, rss


def summarize(path: str, samples: list[tuple[float, float]]) -> dict:
    seconds, rss = [s for s, _ in samples], [m for _, m in samples]
    return {
        "path": path,
        "loads": len(samples),
        "first_widget_s": seconds,
        "first_widget_median_s": statistics.median(seconds),
        "kernel_rss_mb": rss,
        "kernel_rss_median_mb": statistics.median(rss),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--loads", type=int, default=5, help="page loads per notebook (median taken), at least 5")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    args = parser.parse_args()
    loads = max(5, args.loads)
    chromium = chromium_or_exit()
    content = load_content(REPO)
    targets = [("bare widget", "voila/render/bench/bare_widget.ipynb")]
    targets += [(t.id, f"voila/render/notebooks/{t.notebook}") for t in content.topics.values()]
    server = repo_server()
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name, _ in targets}
    with server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        load_once(browser, server, targets[0][1])  # warm the server's template cache once
        # Round-robin: drift in the machine's load affects the baseline and the topics alike.
        for _ in range(loads):
            for name, path in targets:
                samples[name].append(load_once(browser, server, path))
        browser.close()
    results = {name: summarize(path, samples[name]) for name, path in targets}
    base = results["bare widget"]
    print(f"{'page':<24}{'first widget (median s)':>26}{'ratio':>8}{'kernel RSS (median MB)':>26}{'ratio':>8}")
    for name, r in results.items():
        r["first_widget_ratio"] = r["first_widget_median_s"] / base["first_widget_median_s"]
        r["kernel_rss_ratio"] = r["kernel_rss_median_mb"] / base["kernel_rss_median_mb"]
        print(
            f"{name:<24}{r['first_widget_median_s']:>26.2f}{r['first_widget_ratio']:>8.2f}"
            f"{r['kernel_rss_median_mb']:>26.1f}{r['kernel_rss_ratio']:>8.2f}"
        )
    write_json(args.json, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Answer click to visible feedback, as a ratio to a bare ipywidgets button round trip.

Both are measured in the same page, interleaved (bare button, question, bare button, ...), in
headless Chromium, with the time taken inside the page (``performance.now()`` from the click
to the first frame showing the result), so the browser driver's own overhead is left out.

    python bench/answer_latency.py [--rounds 3] [--json bench/results/answer_latency.json]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ARGS, chromium_or_exit, repo_server, write_json  # noqa: E402

TIME_CLICK = """async ([button, done]) => {
  const target = document.querySelector(button);
  const start = performance.now();
  target.click();
  await new Promise((resolve) => {
    const look = () => (document.querySelector(done) ? resolve() : requestAnimationFrame(look));
    look();
  });
  return performance.now() - start;
}"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3, help="page loads (each times every button once)")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    args = parser.parse_args()
    chromium = chromium_or_exit()
    bare_ms: list[float] = []
    answer_ms: list[float] = []
    server = repo_server()
    with server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        for _ in range(args.rounds):
            context = browser.new_context()
            page = context.new_page()
            page.goto(server.url + "voila/render/bench/latency.ipynb")
            page.wait_for_selector(".bench-q-0 .netedu-submit", state="visible", timeout=120_000)
            n = page.locator(".bench-click").count()
            page.wait_for_timeout(500)
            for i in range(n):
                bare_ms.append(page.evaluate(TIME_CLICK, [f".bench-bare-{i} .bench-click", f".bench-bare-{i} .bench-done"]))
                answer_ms.append(page.evaluate(TIME_CLICK, [f".bench-q-{i} .netedu-submit", f".bench-q-{i} .netedu-verdict"]))
            context.close()
        browser.close()
    result = {
        "clicks": len(bare_ms),
        "bare_round_trip_ms": bare_ms,
        "answer_feedback_ms": answer_ms,
        "bare_median_ms": statistics.median(bare_ms),
        "answer_median_ms": statistics.median(answer_ms),
        "bare_p95_ms": statistics.quantiles(bare_ms, n=20)[-1],
        "answer_p95_ms": statistics.quantiles(answer_ms, n=20)[-1],
    }
    result["ratio_median"] = result["answer_median_ms"] / result["bare_median_ms"]
    result["ratio_p95"] = result["answer_p95_ms"] / result["bare_p95_ms"]
    print(f"{'':<34}{'median ms':>10}{'p95 ms':>10}")
    print(f"{'bare button round trip':<34}{result['bare_median_ms']:>10.1f}{result['bare_p95_ms']:>10.1f}")
    print(f"{'answer click to feedback':<34}{result['answer_median_ms']:>10.1f}{result['answer_p95_ms']:>10.1f}")
    print(f"{'ratio answer / bare':<34}{result['ratio_median']:>10.2f}{result['ratio_p95']:>10.2f}   ({result['clicks']} clicks each)")
    write_json(args.json, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Finding 4: before a submission, neither the course player's page nor any widget message it
receives holds a question's answer key or explanations, for every question type."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from netedu.content import load_content
from netedu.content.questions import Case, Hotspot, Matching, Numeric, Ordering, TrueFalse
from tests.security.conftest import open_player
from tests.support.course import write_course


def _secrets(root) -> dict[str, list[str]]:
    """Per question of the test course: its explanations, hints and key-point text, and the ids
    of its options, items, rows and regions (the browser only ever gets position keys)."""
    content = load_content(root)
    out: dict[str, list[str]] = {}

    def add(q) -> None:
        found = [q.explanation] if getattr(q, "explanation", None) else []
        if isinstance(q, Numeric):
            found += [h.explanation for h in q.hints]
        elif isinstance(q, Ordering):
            found += [i.explanation for i in q.items] + [f'"{i.id}"' for i in q.items]
        elif isinstance(q, Matching):
            found += [r.explanation for r in q.rows] + [f'"{r.id}"' for r in q.rows]
        elif isinstance(q, Hotspot):
            found += [r.explanation for r in q.regions] + [f'"{r.id}"' for r in q.regions]
        else:
            found += [o.explanation for o in q.options]
            found += [] if isinstance(q, TrueFalse) else [f'"{o.id}"' for o in q.options]
        out[q.id] = [s.rstrip(".") for s in found if s]

    for bank in content.questions.values():
        for q in bank:
            for part in q.parts if isinstance(q, Case) else (q,):
                add(part)
    return out


def test_the_player_sends_no_answer_key_before_a_submission(page: Page, secure_app, tmp_path) -> None:
    """Finding 4: the player opens both topics (every question type, a case, a tutor quiz and
    an exam paged through to its end, and the views it prepares ahead); no explanation, hint
    or option/item/row/region id is in the page or in any websocket frame. Answering one
    question then brings its explanations: the capture would have seen them."""
    secrets = _secrets(write_course(tmp_path / "course"))
    assert {
        "alpha-single",
        "alpha-multiple",
        "beta-tf",
        "beta-numeric",
        "beta-ordering",
        "beta-matching",
        "beta-hotspot",
        "beta-case-one",
    } <= set(secrets)
    frames: list[bytes] = []

    def capture(ws) -> None:
        ws.on("framereceived", lambda payload: frames.append(payload if isinstance(payload, bytes) else payload.encode()))

    page.on("websocket", capture)
    open_player(page, secure_app, "?topic=alpha")
    quiz = page.locator(".netedu-quiz")
    expect(quiz).to_be_visible()
    quiz.get_by_role("button", name="Next question").click()
    expect(quiz.locator(".netedu-quiz-status")).to_contain_text("Question 2 of 2")
    page.get_by_role("navigation", name="Topic navigation").get_by_role("link", name="Next: Beta topic →").click()
    expect(page.get_by_role("heading", level=1, name="Beta topic")).to_be_visible()
    exam = page.locator(".netedu-quiz")
    expect(exam).to_be_visible()
    nxt = exam.get_by_role("button", name="Next question")
    while nxt.is_enabled():
        nxt.click()
        page.wait_for_timeout(100)
    expect(exam.locator(".netedu-quiz-status")).to_contain_text("Question 6 of 6")
    page.wait_for_timeout(1000)  # the view prepared ahead (the next topic) has gone out

    seen = b"".join(frames)
    text = page.content()
    leaks = {qid: [s for s in found if s.encode() in seen or s in text] for qid, found in secrets.items()}
    assert {qid: found for qid, found in leaks.items() if found} == {}
    assert len(frames) > 50

    question = page.locator(".netedu-inline-question").filter(has_text="The sky is green.").first
    question.get_by_role("radio", name="True").check()
    question.get_by_role("button", name="Check answer").click()
    expect(question.locator(".netedu-verdict")).to_be_visible()
    page.wait_for_timeout(500)
    assert secrets["beta-tf"][0].encode() in b"".join(frames), "the capture sees feedback once it is sent"

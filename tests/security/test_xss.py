"""Finding 2: script-injection payloads (see tests/support/xss.py) through every input a learner
controls run no script, in the learner's page or on the educator's room panel.

Each test loads a page once with the hook of :func:`tests.support.xss.watch` and sends every
payload through one input before it checks; the browser context bypasses the Content Security
Policy on purpose, so what is proven here is that no script reaches the page, not that the
policy would block it.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page, expect

from netedu.store import open_store
from netedu.store.events import AnswerEvent
from tests.browser.conftest import FIRST_LOAD
from tests.security.conftest import EDUCATOR_KEY, join, open_player, prompt_of, session_of
from tests.support.aio import run
from tests.support.answers import answer_now
from tests.support.course import QUESTIONS, QUESTIONS_BETA
from tests.support.xss import MARK, PAYLOADS, unsanitized, watch

END = "END-OF-PAYLOADS"


@pytest.mark.xfail(
    reason="known race: a kernel echo can re-render the numeric box under fast typing and lose text (issue 12 note)", strict=False
)
def test_numeric_and_text_answers(page: Page, secure_app) -> None:
    """Finding 2, typed answers: every payload, alone and after a number (the hint then quotes
    what the learner wrote), typed into the numeric box and checked with Enter. Each check is
    awaited, as a learner reads the hint before typing again (a burst of a hundred checks in a
    few milliseconds is not what this test is about)."""
    hook = watch(page)
    open_player(page, secure_app, "?topic=beta")
    box = page.get_by_label("Ki-67 index").first
    question = page.locator(".netedu-inline-question").filter(has=box)
    error = question.locator(".netedu-input-error")
    rows = secure_app.rows()
    for n, payload in enumerate(PAYLOADS):
        for text, hint in (
            (payload, "Type a number"),
            (f"5 {payload}", "Give the answer in %"),
            (f"5 {END}-{n}", f"(you wrote '{END}-{n}')"),
        ):
            box.fill(text)
            expect(box).to_have_value(text)
            box.press("Enter")
            expect(error).to_contain_text(hint, timeout=FIRST_LOAD)  # this check is done: each hint differs from the last
    hook.assert_clean("numeric answers")
    assert secure_app.rows() == rows, "no payload was recorded as an answer"


def _crafted_answers(comm_ids: dict[str, str]) -> list[tuple[str, dict]]:
    """Submit requests and state updates no honest page sends: a payload where a key belongs."""
    out = []
    for n, payload in enumerate(PAYLOADS):
        for kind, answer in (
            ("choice", {"selected": [payload]}),
            ("matching", {"selection": {"k0": [payload, payload], payload: ["c0-0", "c1-0"]}}),
            ("ordering", {"order": [payload, "k0", "k1", "k2"]}),
            ("hotspot", {"selected": payload}),
            ("numeric", {"text": payload}),
        ):
            comm_id = comm_ids[kind]
            out.append((comm_id, {"method": "update", "state": answer, "buffer_paths": []}))
            out.append((comm_id, {"method": "custom", "content": {"event": "submit", "answer": answer, "payload": payload}}))
            if n == 0:  # the whole submit request a payload
                out.append((comm_id, {"method": "custom", "content": {"event": payload, "answer": payload}}))
    return out


def test_crafted_choice_matching_ordering_and_hotspot_messages(page: Page, secure_app) -> None:
    """Finding 2, crafted widget messages: every payload as an option key, a matching row or
    choice, an ordering item and a hotspot region, sent to the learner's kernel both as a state
    update and inside a submit request."""
    hook = watch(page)
    open_player(page, secure_app, "?topic=beta")
    expect(page.locator(".netedu-response").filter(has_text="Where is the middle box?").first).to_be_visible()

    session = session_of(page)

    async def send() -> list[dict]:
        kernel = await join(secure_app, session)
        comm_ids = {
            "choice": prompt_of(kernel, "The sky is green."),
            "matching": prompt_of(kernel, "Match each tumour"),
            "ordering": prompt_of(kernel, "Put the steps in order."),
            "hotspot": prompt_of(kernel, "Where is the middle box?"),
            "numeric": prompt_of(kernel, "What is the Ki-67 index?"),
        }
        for comm_id, data in _crafted_answers(comm_ids):
            await kernel.comm(comm_id, data)
        dirty = unsanitized(kernel.received)
        await kernel.close()
        return dirty

    assert run(send()) == [], "the kernel sent the page HTML that is not sanitized"
    hook.assert_clean("crafted answers")


def test_query_parameters_of_the_player(page: Page, secure_app) -> None:
    """Finding 2, the URL: payloads in ``?topic=``, ``?view=`` and ``?section=`` as the page is
    first opened (a few), then every payload in each of them as the player's router hears a
    new query (back, forward, an in-player link), ending on a real topic through the page's
    own history."""
    hook = watch(page)
    for n in range(3):
        topic, view, section = (quote(PAYLOADS[3 * n + i]) for i in range(3))
        open_player(page, secure_app, f"?topic={topic}&view={view}&section={section}")
        hook.assert_clean(f"first load {n}")
    open_player(page, secure_app, f"?topic=alpha&section={quote(PAYLOADS[0])}")
    queries = [f"?{name}={quote(p)}" for p in PAYLOADS for name in ("topic", "view", "section")]
    queries += [f"?topic=alpha&section={quote(p)}" for p in PAYLOADS] + [f"?view=progress&section={p}" for p in PAYLOADS]

    session = session_of(page)

    async def navigate() -> None:
        kernel = await join(secure_app, session)
        (router,) = [c for c, state in kernel.models.items() if "url" in state and "focus" in state]
        for query in queries:  # one at a time: the page's widget manager would merge quick changes
            await kernel.comm(router, {"method": "update", "state": {"url": query}, "buffer_paths": []})
        await kernel.close()

    run(navigate())
    hook.assert_clean("queries heard by the player's router")
    page.evaluate("""() => { history.pushState({}, "", "?topic=beta"); window.dispatchEvent(new PopStateEvent("popstate")); }""")
    expect(page.get_by_role("heading", level=1, name="Beta topic")).to_be_visible(timeout=FIRST_LOAD)
    hook.assert_clean("back on a real topic")
    assert MARK not in page.title()


def _cookie_safe(payload: str) -> str:
    return payload.replace(";", "%3B").replace(" ", "/").replace(",", "%2C")


def test_cookie_values(browser: Browser, secure_app) -> None:
    """Finding 2, cookies: payloads as the learner, educator and XSRF cookies and as cookies of
    their own, on the player, a topic page, the course map and the educator link."""
    context = browser.new_context(bypass_csp=True)
    cookies = {"netedu_learner": PAYLOADS[0], "netedu_educator": PAYLOADS[9], "_xsrf": PAYLOADS[14]}
    cookies |= {f"netedu_probe_{n}": p for n, p in enumerate(PAYLOADS)}
    context.add_cookies([{"name": k, "value": _cookie_safe(v), "url": secure_app.url} for k, v in cookies.items()])
    page = context.new_page()
    hook = watch(page)
    open_player(page, secure_app, "?topic=alpha")
    hook.assert_clean("player")
    page.goto(secure_app.url + "voila/render/01_alpha.ipynb")
    expect(page.locator(".netedu-response").first).to_be_visible(timeout=FIRST_LOAD)
    hook.assert_clean("topic page")
    page.goto(secure_app.url + "topics")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    hook.assert_clean("course map", roots="body")
    page.goto(secure_app.url + "educator?key=" + quote(PAYLOADS[5]))
    expect(page.get_by_role("alert")).to_be_visible()
    hook.assert_clean("educator link", roots="body")
    context.close()


def _stored_payload_answers() -> list[AnswerEvent]:
    """Answers as a tampered kernel or database could hold them: payloads as responses (in each
    shape a question type stores) and as the learner."""
    ids = [line.split("id: ", 1)[1] for line in (QUESTIONS + QUESTIONS_BETA).splitlines() if line.startswith("  - id: ")]
    ids += ["beta-case-one", "beta-case-two"]
    shapes = (lambda p: [p], lambda p: {p: [p, p]}, lambda p: f"5 {p}", lambda p: [p, "k0"])
    return [answer_now(payload, qid, True, shapes[n % len(shapes)](payload)) for n, payload in enumerate(PAYLOADS) for qid in ids]


def test_the_educators_room_panel(browser: Browser, secure_app) -> None:
    """Finding 2, the educator's screen: the room's answers, with payloads as stored responses
    and learner ids, shown under every question (right answers marked too)."""
    store = open_store(secure_app.database_url)
    try:
        for event in _stored_payload_answers():
            store.record(event)
    finally:
        store.close()
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    hook = watch(page)
    page.goto(secure_app.url + f"educator?key={EDUCATOR_KEY}")
    expect(page.get_by_role("status")).to_contain_text("Educator view is on in this browser")
    for topic in ("alpha", "beta"):
        open_player(page, secure_app, f"?topic={topic}")
        panels = page.locator(".netedu-room")
        expect(panels.first).to_be_visible()
        for i in range(panels.count()):
            panel = panels.nth(i)
            panel.get_by_role("button", name="Show the room's answers").click()
            expect(panel.locator(".netedu-room-results")).to_contain_text("answered", timeout=30_000)
            panel.get_by_role("button", name="Mark the right answer").click()
        expect(panels.first.locator(".netedu-room-results")).to_contain_text("no longer fit the question", timeout=30_000)
        hook.assert_clean(f"educator's room panels on {topic}")
    context.close()

"""Finding 1 (browser): a second client on a learner's kernel cannot run script in their page."""

from __future__ import annotations

import json

from playwright.sync_api import Page, expect

from tests.security.conftest import join, open_player, session_of
from tests.support.aio import run
from tests.support.xss import EVIL_ESM, MARK, hostile_like, watch

#: What the page legitimately sets (the learner's inputs): left alone here, tested in test_xss.
INPUTS = {"selected", "text", "order", "selection", "url"}


def test_a_second_client_cannot_put_script_into_the_learners_page(page: Page, secure_app) -> None:
    """Finding 1: a second client sends, to every widget of a learner's topic view, hostile
    values for every trait that is not an input (``prompt_html``, ``options``, ``marks``,
    ``SafeHTML.value``, anywidget's ``_esm``, ``description`` with ``description_allow_html``,
    outputs, layouts). No echo reaches the learner's page, no script runs there, the questions
    are unchanged and still answer."""
    hook = watch(page)
    open_player(page, secure_app, "?topic=beta")
    ordering = page.locator(".netedu-response").filter(has_text="Put the steps in order.").first
    expect(ordering).to_be_visible()

    session = session_of(page)

    async def attack() -> tuple[int, list[dict], bool]:
        kernel = await join(secure_app, session)
        sent = 0
        for comm_id, state in list(kernel.models.items()):
            hostile = {name: hostile_like(value) for name, value in state.items() if name not in INPUTS}
            hostile.update({"_esm": EVIL_ESM, "description": "<img src=x onerror=__xss('desc')>", "description_allow_html": True})
            await kernel.comm(comm_id, {"method": "update", "state": hostile, "buffer_paths": []})
            sent += 1
        echoed = [m for m in kernel.received if MARK in json.dumps(m["content"])]
        alive = await kernel.alive()
        await kernel.close()
        return sent, echoed, alive

    sent, echoed, alive = run(attack())
    assert sent > 30 and alive
    hook.assert_clean("the learner's page after a second client's updates")
    assert echoed == [], "the kernel sent a page what the second client wrote"
    expect(ordering.locator("legend")).to_have_text("Put the steps in order.")
    question = page.locator(".netedu-inline-question").filter(has_text="The sky is green.").first
    question.get_by_role("radio", name="False").check()
    question.get_by_role("button", name="Check answer").click()
    expect(question.locator(".netedu-verdict")).to_contain_text("Correct")
    hook.assert_clean("the learner's page after answering")

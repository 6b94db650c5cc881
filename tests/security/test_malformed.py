"""Finding 3: malformed submissions over the websocket leave the kernel running, give the
learner a clear message instead of a traceback, and write no answer."""

from __future__ import annotations

import json

from tests.security.conftest import prompt_of
from tests.support.aio import run
from tests.support.voila_client import Kernel, Learner

BIG = "x" * 2**20  # 1 MB
HUGE = [f"k{n}" for n in range(100_000)]  # every key a question has, and 99 990 more
JUNK = [f"x{n}" for n in range(100_000)]  # none of them
NAN = float("nan")

#: Per control (found by its question), answers of the wrong type, size or content.
MALFORMED = {
    "The sky is green.": [
        [1, 2],
        [None],
        [NAN],
        ["k-1"],
        ["k99"],
        [BIG],
        JUNK,
        {"k0": True},
        -1,
    ],
    "What is the Ki-67 index?": [5, NAN, None, ["12"], {"text": "12"}, "NaN", "inf", "1e400", BIG, "1" * 2**20, "-12"],
    "Match each tumour": [
        "Insulin",
        {"k0": "c0-0"},
        {"k0": [-1, -2]},
        {"k0": [NAN, None]},
        {"k99": ["c0-0", "c1-0"]},
        {BIG: [BIG]},
        {f"k{n}": ["c0-0"] for n in range(10_000)},
        [["c0-0"]],
    ],
    "Where is the middle box?": [-1, ["k0"], {"k0": 1}, NAN, "k99", BIG, None],
}
ORDERING = [[], ["k0"], ["k0", "k0", "k1", "k2"], ["k3", "k2", "k1", "k-1"], HUGE, [BIG] * 4, [1, 2, 3, 4], "k0,k1,k2,k3", None]
TRAIT = {
    "The sky is green.": "selected",
    "What is the Ki-67 index?": "text",
    "Match each tumour": "selection",
    "Where is the middle box?": "selected",
}
#: Other shapes a submit request or a widget message can come in.
SHAPES = [
    {"method": "custom", "content": {"event": "submit", "answer": BIG}},
    {"method": "custom", "content": {"event": "submit", "answer": [NAN]}},
    {"method": "custom", "content": {"event": "submit"}},
    {"method": "custom", "content": [BIG]},
    {"method": "custom"},
    {"method": "update", "state": [1, 2, 3]},
    {"method": "update", "state": {"selected": ["k0"]}, "buffer_paths": [["selected", 0]]},
    {"method": "update"},
    {"method": "no-such-method"},
    {},
]


def _problems(replies: list[dict]) -> list[str]:
    """Tracebacks or errors the kernel sent the page about one message."""
    out = []
    for r in replies:
        text = json.dumps(r["content"])
        if r["msg_type"] == "error" or (r["msg_type"] == "stream" and r["content"].get("name") == "stderr") or "Traceback" in text:
            out.append(f"{r['msg_type']}: {text[:300]}")
    return out


async def _submit_all(app, cases: dict[str, list], trait: dict[str, str], shapes: list[dict]) -> tuple[list[str], Kernel, dict]:
    learner = Learner(app.url)
    kernel, _ = await learner.open("?topic=beta")
    problems, controls = [], {}
    for prompt, answers in cases.items():
        comm_id = controls[prompt] = prompt_of(kernel, prompt)
        for answer in answers:
            for data in (
                {"method": "custom", "content": {"event": "submit", "answer": {trait[prompt]: answer}}},
                {"method": "update", "state": {trait[prompt]: answer}, "buffer_paths": []},
            ):
                problems += _problems(await kernel.comm(comm_id, data))
        for data in shapes:
            problems += _problems(await kernel.comm(comm_id, data))
    problems += _problems(await kernel.comm("no-such-comm-id", {"method": "custom", "content": {"event": "submit"}}))
    return problems, kernel, controls


def test_malformed_answers_are_refused_with_a_clear_message(secure_app) -> None:
    """Finding 3: wrong types, 1 MB strings, 100 000-item arrays, NaN, negative and unknown keys
    and ids, sent as submit requests and as state updates to the choice, numeric, matching and
    hotspot controls (and messages of the wrong shape, and to an unknown comm): the kernel
    answers after each, sends no traceback, says what to do, and records nothing."""
    rows = secure_app.rows()

    async def scenario():
        problems, kernel, controls = await _submit_all(secure_app, MALFORMED, TRAIT, SHAPES)
        alive = await kernel.alive()
        said = {
            prompt: kernel.models[cid].get("announcement", "") or kernel.models[cid].get("error", "") for prompt, cid in controls.items()
        }
        locked = [prompt for prompt, cid in controls.items() if kernel.models[cid].get("disabled")]
        await kernel.close()
        return problems, alive, said, locked

    problems, alive, said, locked = run(scenario())
    assert alive, "the kernel stopped answering"
    assert problems == []
    assert locked == [], "a malformed answer was taken as an answer"
    for prompt, message in said.items():
        assert message and "Traceback" not in message and "Error" not in message, (prompt, message)
        assert any(word in message.lower() for word in ("choose", "type", "number", "click", "match", "region")), (prompt, message)
    assert secure_app.rows() == rows, "a malformed submission was recorded"


def test_a_malformed_ordering_is_refused_not_graded_as_shown(secure_app) -> None:
    """Finding 3, ordering: a submit request whose order is not the items' keys (empty, short,
    repeated, unknown, 100 000 items, 1 MB keys, numbers, a string) is refused with a message;
    today the order on screen is graded instead and an answer is written."""
    rows = secure_app.rows()

    async def scenario():
        problems, kernel, _ = await _submit_all(secure_app, {"Put the steps in order.": ORDERING}, {"Put the steps in order.": "order"}, [])
        alive = await kernel.alive()
        await kernel.close()
        return problems, alive

    problems, alive = run(scenario())
    assert alive and problems == []
    assert secure_app.rows() == rows, "a malformed ordering was recorded as an answer"

"""Question widgets of every type, driven as a learner would: answer (``.value``), then click."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from netedu.content import Case, load_content
from netedu.store.memory import MemoryStore
from netedu.widgets import CaseWidget, QuestionWidget, SafeHTML
from netedu.widgets.guard import FRIENDLY_ERROR
from netedu.widgets.question import NOT_SAVED
from netedu.widgets.saving import SAVED, SAVED_EXAM
from tests.widgets.helpers import RIGHT, context, synced_state

WRONG = {
    "alpha-single": ["wrong-one"],
    "alpha-multiple": ["yes-a", "no-b"],
    "beta-tf": ["true"],
    "beta-numeric": "30",
    "beta-ordering": ["step-four", "step-three", "step-two", "step-one"],
    "beta-matching": {
        "insulinoma": ["Gastrin", "Fasting gastrin"],
        "gastrinoma": ["Insulin", "Supervised fast"],
        "vipoma": ["Glucagon", "Urine 5-HIAA"],
    },
    "beta-hotspot": ["left-box"],
}


@pytest.fixture
def content(course: Path):
    return load_content(course)


def make(content, qid: str, mode: str = "tutor", **kw) -> QuestionWidget:
    ctx = kw.pop("ctx", None) or context(content, topic=content.topic_of(qid).id)
    return QuestionWidget(content.question(qid), ctx, mode=mode, **kw)


@pytest.mark.parametrize("qid", sorted(RIGHT))
def test_every_type_right_then_wrong(content, qid) -> None:
    right = make(content, qid)
    right.value = RIGHT[qid]
    right.check_button.click()
    assert right.answered and right.correct and right.score == 1.0, qid
    assert "✓ Correct" in right._feedback.value
    wrong = make(content, qid)
    wrong.value = WRONG[qid]
    wrong.check_button.click()
    assert wrong.answered and not wrong.correct and wrong.score < 1.0, qid
    assert wrong.adapter.widget.disabled and wrong.check_button.disabled
    assert wrong.adapter.widget.announcement.startswith(("Incorrect.", "Partly right."))


@pytest.mark.parametrize("qid", sorted(RIGHT))
def test_no_answer_key_in_the_browser_before_submitting(content, qid) -> None:
    q = content.question(qid)
    w = make(content, qid)
    w.value = WRONG[qid]
    state = synced_state(w)
    secrets = [q.explanation or "", getattr(q, "if_true", ""), getattr(q, "if_false", "")]
    for field in ("options", "items", "rows", "regions"):
        for entry in getattr(q, field, ()) or ():
            secrets.append(entry.explanation)
            if q.type != "true-false":  # "true"/"false" are shown on screen anyway
                secrets.append(entry.id)  # authored ids can hint at the answer
    if q.type == "numeric":
        secrets += [q.explanation, *(h.explanation for h in q.hints)]
        assert '"answer"' not in state and "12.0" not in state
    if q.type == "matching":
        secrets += [r.id for r in q.rows]
    for secret in filter(None, secrets):
        assert secret not in state, (qid, secret)
    for word in ('"correct"', "chosen-", "missed", "in-place", "row-right"):
        assert word not in state, (qid, word)
    if q.type == "ordering":
        shown = [i["html"] for i in w.adapter.widget.items]
        assert shown != [i.text for i in q.items], "the shown order must not be the answer"
    w.check_button.click()
    after = synced_state(w)
    assert any(secret in after for secret in filter(None, secrets[:3] + [s for s in secrets if " " in s or "." in s])), qid


def test_checking_with_nothing_chosen_gives_a_hint(content) -> None:
    w = make(content, "alpha-single")
    assert not w.check_button.disabled and w.value == []  # nothing preselected
    w.check_button.click()
    assert not w.answered and "Choose an answer before checking." in w._feedback.value
    w.value = ["right-one"]
    assert w._feedback.value == ""  # acting on the hint clears it
    m = make(content, "beta-matching")
    m.check_button.click()
    assert "still to do" in m._feedback.value


def test_each_submission_sends_one_event(content) -> None:
    ctx = context(content, learner="grace", topic="alpha")
    w = make(content, "alpha-multiple", ctx=ctx)
    w.value = ["yes-a", "no-b"]
    w.check_button.click()
    w.check_button.click()  # a second click is ignored
    (event,) = ctx.store.events
    assert (event.learner, event.question_id, event.topic_id, event.mode) == ("grace", "alpha-multiple", "alpha", "tutor")
    assert event.response == ["yes-a", "no-b"] and event.correct is False and event.score == 0.0
    assert event.timestamp.endswith("+00:00")


class Flaky(MemoryStore):
    """A store whose writes fail while ``down`` is set (a full disk, a database gone)."""

    down = True

    def record(self, event):
        if self.down:
            raise OSError(28, "No space left on device")
        super().record(event)


def test_a_failing_store_says_not_saved_beside_the_answer_and_retry_saves_it_once(content, caplog) -> None:
    ctx = context(content, topic="alpha").with_(store=Flaky())
    w = make(content, "alpha-single", ctx=ctx)
    w.value = ["right-one"]
    w.check_button.click()
    assert w.answered and w.correct and not w.saved and "✓ Correct" in w._feedback.value  # graded, feedback shown
    note = w.save_note
    assert w.children.index(note) == w.children.index(w.adapter.widget) + 1  # right beside the answer
    assert note.state == "not-saved" and NOT_SAVED in note._note.value and note.retry_button in note.children
    assert "No space left on device" in caplog.text
    note.retry_button.click()  # still failing: still offered
    assert note.state == "not-saved" and not w.saved
    ctx.store.down = False
    note.retry_button.click()
    assert w.saved and note.state == "saved" and SAVED in note._note.value and note.retry_button not in note.children
    (event,) = ctx.store.events
    assert event.event_id == note.event_id


def test_an_answer_not_saved_is_saved_by_the_retries_without_a_click(content) -> None:
    ctx = context(content, topic="alpha").with_(store=Flaky())
    w = make(content, "alpha-single", ctx=ctx)
    w.value = ["right-one"]
    w.check_button.click()
    assert not w.saved
    ctx.store.down = False
    deadline = time.monotonic() + 10
    while not w.saved and time.monotonic() < deadline:
        time.sleep(0.05)
    assert w.saved and w.save_note.state == "saved" and len(ctx.store.events) == 1


def test_saved_is_shown_only_once_the_store_returned(content) -> None:
    seen = []

    class Watching(MemoryStore):
        def record(self, event):
            seen.append(w.save_note.state if w.save_note else None)
            super().record(event)

    w = make(content, "alpha-single", ctx=context(content, topic="alpha").with_(store=Watching()))
    w.value = ["right-one"]
    w.check_button.click()
    assert seen == [""] and w.saved and w.save_note.state == "saved"


def test_exam_mode_says_not_saved_yet_until_it_is(content) -> None:
    ctx = context(content, topic="alpha").with_(store=Flaky())
    w = make(content, "alpha-single", mode="exam", ctx=ctx)
    w.value = ["wrong-one"]
    w.check_button.click()
    assert w.check_button.description == "Not saved yet" and w.save_note.state == "not-saved"
    ctx.store.down = False
    w.save_note.retry_button.click()
    assert w.check_button.description == "Answer saved" and SAVED_EXAM in w.save_note._note.value


@pytest.mark.parametrize(
    "order",
    [
        ["k0", "k1", "k2"],
        ["k0", "k0", "k1", "k2"],
        ["k0", "k1", "k2", "k9"],
        ["k0", "k1", "k2", "k3", "k4"],
        [0, 1, 2, 3],
        "k0k1k2k3",
        None,
        [],
    ],
)
def test_a_malformed_ordering_submission_is_refused_with_a_message_and_nothing_saved(content, order) -> None:
    w = make(content, "beta-ordering")
    control = w.adapter.widget
    control._on_custom_msg(control, {"event": "submit", "answer": {"order": order}}, [])
    assert not w.answered and w.ctx.store.events == [] and w.save_note is None
    assert "This answer could not be read" in w._feedback.value and "nothing was graded or saved" in w._feedback.value
    assert control.announcement.startswith("This answer could not be read")
    right = [w.adapter._to_key[i] for i in RIGHT["beta-ordering"]]
    control._on_custom_msg(control, {"event": "submit", "answer": {"order": right}}, [])  # a real answer still works
    assert w.answered and w.correct and len(w.ctx.store.events) == 1


def test_exam_mode_saves_silently_then_reveals(content) -> None:
    w = make(content, "alpha-single", mode="exam")
    assert w.check_button.description == "Save answer"
    w.value = ["wrong-one"]
    w.check_button.click()
    assert w.answered and not w.correct and w.check_button.description == "Answer saved"
    assert "WRONG-ONE" not in synced_state(w) and w.adapter.widget.marks == []
    w.reveal()
    assert "WRONG-ONE-EXPLANATION" in synced_state(w)


def test_an_unanswered_exam_question_reveals_the_answer(content) -> None:
    w = make(content, "beta-numeric", mode="exam")
    w.reveal()
    assert w.locked and "Not answered" in w._feedback.value and "12 %" in w._feedback.value


def test_numeric_bad_input_gets_a_hint_and_can_be_fixed(content) -> None:
    w = make(content, "beta-numeric")
    w.value = "about twelve"
    w.check_button.click()
    assert not w.answered and "Type a number" in w._feedback.value
    assert w.adapter.widget.error.startswith("Type a number")
    w.value = "12"
    assert w.adapter.widget.error == ""  # typing clears the hint
    w.check_button.click()
    assert w.answered and w.correct


@pytest.mark.parametrize(
    "qid, stale, on_screen",
    [
        ("beta-numeric", {"text": "1"}, {"text": "12"}),
        ("alpha-single", {"selected": ["k0"]}, None),
        ("beta-ordering", None, None),
    ],
)
def test_a_submit_request_carries_the_answer_on_screen(content, qid, stale, on_screen) -> None:
    """ipywidgets may hold back state updates while earlier ones are in flight; the submit
    request from the page carries the answer itself, so a stale update is never graded."""
    w = make(content, qid)
    control = w.adapter.widget
    if qid == "alpha-single":
        right = next(k for k, i in w.adapter._to_id.items() if i == "right-one")
        wrong = next(k for k, i in w.adapter._to_id.items() if i != "right-one")
        stale, on_screen = {"selected": [wrong]}, {"selected": [right]}
    if qid == "beta-ordering":
        by_id = w.adapter._to_key
        stale = {"order": list(reversed([by_id[i] for i in RIGHT[qid]]))}
        on_screen = {"order": [by_id[i] for i in RIGHT[qid]]}
    for name, value in stale.items():
        setattr(control, name, value)
    control._on_custom_msg(control, {"event": "submit", "answer": on_screen}, [])
    assert w.answered and w.correct, qid


def test_a_submit_request_with_garbage_grades_what_is_valid(content) -> None:
    w = make(content, "alpha-single")
    control = w.adapter.widget
    control._on_custom_msg(control, {"event": "submit", "answer": {"selected": "not-a-list"}}, [])
    assert not w.answered and "Choose an answer" in w._feedback.value


def test_ordering_starts_shuffled_the_same_way_for_the_same_learner(content) -> None:
    a = make(content, "beta-ordering", ctx=context(content, learner="ada"))
    again = make(content, "beta-ordering", ctx=context(content, learner="ada"))
    assert a.value == again.value and a.value != RIGHT["beta-ordering"]
    orders = {tuple(make(content, "beta-ordering", ctx=context(content, learner=f"l{n}")).value) for n in range(12)}
    assert len(orders) > 1


def test_options_are_shuffled_per_learner_but_stable(content) -> None:
    def shown(learner):
        w = make(content, "alpha-multiple", ctx=context(content, learner=learner))
        return [o["html"] for o in w.adapter.widget.options]

    assert shown("ada") == shown("ada")
    assert len({tuple(shown(f"l{n}")) for n in range(12)}) > 1
    tf = make(content, "beta-tf")
    assert [o["html"] for o in tf.adapter.widget.options] == ["True", "False"]  # never shuffled


def test_case_reveals_parts_in_sequence(content) -> None:
    case = content.question("beta-case")
    assert isinstance(case, Case) and case.parts[0].objective == "obj-b"  # parts inherit
    w = CaseWidget(case, context(content, topic="beta"))
    assert w.shown == 1 and "CASE-STEM" in w._stem.value and w.max_score == 2.0
    w.parts[0].value = ["urine"]
    w.parts[0].check_button.click()
    assert w.shown == 2 and not w.answered and w.score == 1.0
    w.parts[1].value = ["true"]
    w.parts[1].check_button.click()
    assert w.answered and not w.correct and w.score == 1.0


def test_browser_sent_garbage_is_dropped(content) -> None:
    w = make(content, "alpha-single")
    w.adapter.widget.selected = ["k9", "<script>", "k1"]
    assert len(w.value) == 1
    order = make(content, "beta-ordering")
    before = order.value
    order.adapter.widget.order = ["k0", "k0", "k1", "k2"]  # not a permutation
    assert order.value == before
    match = make(content, "beta-matching")
    match.adapter.widget.selection = {"k0": ["c0-99", "<b>"], "nope": ["c0-0", "c1-0"]}
    assert match.adapter.widget.selection == {"k0": ["", ""]}
    hot = make(content, "beta-hotspot")
    hot.adapter.widget.selected = "elsewhere"
    assert hot.value == []
    num = make(content, "beta-numeric")
    num.adapter.widget.text = "9" * 500
    assert len(num.value) == 64


def test_unknown_ids_in_value_are_refused(content) -> None:
    with pytest.raises(ValueError, match="unknown id 'nope'"):
        make(content, "alpha-single").value = ["nope"]


def test_a_failing_callback_shows_a_friendly_message(content, monkeypatch, caplog) -> None:
    w = make(content, "alpha-single")
    w.value = ["right-one"]
    monkeypatch.setattr("netedu.widgets.question.grade", lambda *a: 1 / 0)
    w.check_button.click()
    assert FRIENDLY_ERROR in w._feedback.value
    assert "ZeroDivisionError" in caplog.text and "Traceback" not in w._feedback.value
    assert not w.answered


def test_safe_html_sanitizes_every_assignment() -> None:
    box = SafeHTML()
    box.value = '<p onclick="x()">hi</p><script>alert(1)</script>'
    assert box.value == "<p>hi</p>"


def test_authored_markup_is_sanitized_everywhere(course: Path) -> None:
    path = course / "data/questions/beta.yaml"
    text = path.read_text().replace("Put the steps in order.", "'Put <img src=x onerror=alert(1)> in order.'")
    text = text.replace("text: First step", "text: '<script>alert(1)</script>First'")
    text = text.replace("prompt: Insulinoma", "prompt: '<a href=\"javascript:x()\">Insulinoma</a>'")
    path.write_text(text)
    content = load_content(course)
    for qid in ("beta-ordering", "beta-matching"):
        state = synced_state(make(content, qid))
        assert "onerror" not in state and "<script" not in state and "javascript:" not in state

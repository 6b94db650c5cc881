"""Every question type in the real Voila app: mouse, keyboard alone, accessibility, exam mode.

The page is the test course's "Beta topic": one inline question of each type, then the same
bank as an exam.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import FIRST_LOAD, run_axe, serve_test_course
from tests.support.server import Server

ORDER = ["First step", "Second step", "Third step", "Fourth step"]


@pytest.fixture(scope="module")
def types_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve_test_course(tmp_path_factory.mktemp("types")) as server:
        yield server


def open_beta(page: Page, app: Server) -> None:
    page.goto(app.url + "voila/render/02_beta.ipynb")
    expect(page.locator(".netedu-quiz")).to_be_visible(timeout=FIRST_LOAD)


def inline(page: Page, n: int) -> Locator:
    return page.locator(".netedu-inline-question").nth(n)


def check(q: Locator) -> None:
    q.get_by_role("button", name="Check answer").first.click()


def order_by_mouse(q: Locator, wanted: list[str]) -> None:
    for target, text in enumerate(wanted):
        items = q.locator(".netedu-order-text")
        current = [items.nth(i).inner_text() for i in range(items.count())]
        for _ in range(current.index(text) - target):
            q.get_by_role("button", name=f'Move "{text}" up').click()
        expect(q.locator(".netedu-order-text").nth(target)).to_have_text(text)


def answer_all_by_mouse(page: Page, right: bool) -> None:
    tf, num, order, match, hot, case = (inline(page, n) for n in range(6))
    tf.get_by_role("radio", name="False" if right else "True").check()
    check(tf)
    num.get_by_label("Ki-67 index").fill("12 %" if right else "30")
    check(num)
    order_by_mouse(order, ORDER if right else ORDER[::-1])
    check(order)
    rows = {"Insulinoma": ("Insulin", "Supervised fast"), "Gastrinoma": ("Gastrin", "Fasting gastrin"), "VIPoma": ("VIP", "Plasma VIP")}
    for row, (hormone, test) in rows.items():
        match.get_by_label(f"Hormone for {row}").select_option(label=hormone if right else "Glucagon")
        match.get_by_label(f"Key test for {row}").select_option(label=test if right else "Urine 5-HIAA")
    check(match)
    hot.get_by_role("radio", name="Middle box" if right else "Left box").click()
    check(hot)
    case.get_by_role("radio", name="Urine 5-HIAA" if right else "Biopsy at once").check()
    check(case)
    expect(case.get_by_text("Part 2 of 2")).to_be_visible()
    case.get_by_role("radio", name="False" if right else "True").check()
    case.get_by_role("button", name="Check answer").click()  # part 1's now reads "Answer checked"
    verdict = "✓ Correct" if right else "Not quite"
    for q in (tf, num, match, hot):
        expect(q.locator(".netedu-verdict")).to_contain_text(verdict)
    expect(order.locator(".netedu-verdict")).to_contain_text("✓ Correct" if right else "Not quite")
    expect(case.locator(".netedu-verdict").nth(1)).to_contain_text(verdict)


def test_each_type_answered_with_the_mouse_shows_its_feedback(page: Page, types_app, external_requests) -> None:
    open_beta(page, types_app)
    for secret in ("TF-FALSE-EXPLANATION", "NUMERIC-EXPLANATION", "ORDER-ONE", "MATCH-VIPOMA", "HOT-MIDDLE", "CASE-ONE-RIGHT"):
        expect(page.locator("body")).not_to_contain_text(secret)  # nothing given away before answering
    expect(inline(page, 5).get_by_text("Part 2 of 2")).to_have_count(0)
    answer_all_by_mouse(page, right=False)
    tf, num, order, match, hot, case = (inline(page, n) for n in range(6))
    expect(tf).to_contain_text("TF-TRUE-EXPLANATION")
    expect(tf.get_by_text("Your answer: incorrect")).to_be_visible()
    expect(num).to_contain_text("You answered 30 %; the answer is 12 %")
    expect(order).to_contain_text("You put it at 4; it belongs at 1")
    expect(match).to_contain_text("Hormone: you chose Glucagon (incorrect; the match is Insulin)")
    expect(hot).to_contain_text("The answer is: Middle box.")
    expect(case).to_contain_text("CASE-TWO-TRUE")
    assert external_requests == []


def test_numeric_nonsense_gets_a_hint_in_the_page(page: Page, types_app) -> None:
    open_beta(page, types_app)
    num = inline(page, 1)
    box = num.get_by_label("Ki-67 index")
    box.fill("lots")
    box.press("Enter")
    expect(num.locator(".netedu-input-error")).to_contain_text("Type a number, e.g. 3 or 2.5")
    expect(num.get_by_label("Ki-67 index")).to_have_attribute("aria-invalid", "true")
    num.get_by_label("Ki-67 index").fill("250")
    num.get_by_label("Ki-67 index").press("Enter")
    expect(num.locator(".netedu-input-error")).to_contain_text("250 % is not possible here")
    num.get_by_label("Ki-67 index").fill("12")
    num.get_by_label("Ki-67 index").press("Enter")
    expect(num.locator(".netedu-verdict")).to_contain_text("✓ Correct")


def tab_to(page: Page, test: str, *, limit: int = 80, key: str = "Tab") -> None:
    """Press Tab until ``test`` (a JS expression about ``el``, the focused element) holds."""
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!(el && ({test})); }})()"):
            return
    raise AssertionError(f"focus never reached: {test}")


def focused_label(page: Page) -> str:
    return page.evaluate("document.activeElement.getAttribute('aria-label') || document.activeElement.textContent")


def test_the_whole_page_can_be_answered_with_the_keyboard_alone(page: Page, types_app) -> None:
    open_beta(page, types_app)
    tf, num, order, match, hot, case = (inline(page, n) for n in range(6))
    # true/false: Tab into the group, arrow to "False", Tab to the button, Enter
    tab_to(page, "el.type === 'radio' && el.labels[0].textContent.trim() === 'True'")
    page.keyboard.press("ArrowDown")
    tab_to(page, "el.textContent === 'Check answer'")
    page.keyboard.press("Enter")
    expect(tf.locator(".netedu-verdict")).to_contain_text("✓ Correct")
    # numeric: type, Enter submits
    tab_to(page, "el.classList.contains('netedu-number')")
    page.keyboard.type("12")
    page.keyboard.press("Enter")
    expect(num.locator(".netedu-verdict")).to_contain_text("✓ Correct")
    # ordering: move each item up with Enter on its focused "Move up" button
    tab_to(page, "el.classList.contains('netedu-move')")
    for target, text in enumerate(ORDER):
        items = order.locator(".netedu-order-text")
        steps = [items.nth(i).inner_text() for i in range(items.count())].index(text) - target
        if steps:
            name = f'Move "{text}" up'
            direction = "Tab" if ORDER.index(text) >= target else "Shift+Tab"
            for _ in range(20):
                if focused_label(page) == name:
                    break
                page.keyboard.press(direction)
            assert focused_label(page) == name
            for _ in range(steps):
                page.keyboard.press("Enter")
        expect(order.locator(".netedu-order-text").nth(target)).to_have_text(text)
    tab_to(page, "el.textContent === 'Check answer' && !el.disabled")
    page.keyboard.press("Enter")
    expect(order.locator(".netedu-verdict")).to_contain_text("✓ Correct")
    # matching: Tab through the selects in the order shown and type-ahead each one's answer
    answers = {"VIPoma": ("VIP", "Plasma VIP"), "Gastrinoma": ("Gastrin", "Fasting gastrin"), "Insulinoma": ("Insulin", "Supervised fast")}
    tab_to(page, "el.tagName === 'SELECT'")
    for _ in range(6):
        label = page.evaluate("document.activeElement.getAttribute('aria-label')")
        column, row = label.split(" for ")
        value = answers[row][0 if column == "Hormone" else 1]
        page.keyboard.type(value)
        expect(match.get_by_label(label)).to_have_value(
            match.get_by_label(label).locator("option", has_text=value).first.get_attribute("value")
        )
        page.keyboard.press("Tab")
    expect(match.get_by_role("button", name="Check answer")).to_be_focused()  # next after the last select
    page.keyboard.press("Enter")
    expect(match.locator(".netedu-verdict")).to_contain_text("✓ Correct")
    # hotspot: Tab into the regions, arrow to the middle one, Tab to the button, Enter
    tab_to(page, "el.getAttribute('role') === 'radio' && el.getAttribute('aria-label') === 'Left box'")
    page.keyboard.press("ArrowRight")
    expect(hot.get_by_role("radio", name="Middle box")).to_have_attribute("aria-checked", "true")
    tab_to(page, "el.textContent === 'Check answer' && !el.disabled")
    page.keyboard.press("Enter")
    expect(hot.locator(".netedu-verdict")).to_contain_text("✓ Correct")
    # case: part one — Tab into the group (Space picks the focused option), arrows to the answer
    tab_to(page, "el.type === 'radio' && el.closest('.netedu-case')")
    page.keyboard.press("Space")
    for _ in range(3):
        if page.evaluate("document.activeElement.labels[0].textContent.trim()") == "Urine 5-HIAA":
            break
        page.keyboard.press("ArrowDown")
    expect(case.get_by_role("radio", name="Urine 5-HIAA")).to_be_checked()
    tab_to(page, "el.textContent === 'Check answer' && !el.disabled")
    page.keyboard.press("Enter")
    expect(case.get_by_text("Part 2 of 2")).to_be_visible()
    tab_to(page, "el.type === 'radio' && el.labels[0].textContent.trim() === 'True'")
    page.keyboard.press("ArrowDown")
    tab_to(page, "el.textContent === 'Check answer' && !el.disabled")
    page.keyboard.press("Enter")
    expect(case.locator(".netedu-verdict").nth(1)).to_contain_text("✓ Correct")


def test_focus_is_always_visible_on_answer_controls(page: Page, types_app) -> None:
    open_beta(page, types_app)
    tab_to(page, "el.type === 'radio'")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), outline


def test_no_serious_accessibility_violations_in_any_state(page: Page, types_app) -> None:
    open_beta(page, types_app)
    assert run_axe(page) == [], "unanswered"
    answer_all_by_mouse(page, right=False)
    assert run_axe(page) == [], "answered wrong"
    open_beta(page, types_app)
    answer_all_by_mouse(page, right=True)
    assert run_axe(page) == [], "answered right"


def test_feedback_is_announced_by_a_live_region_that_was_already_there(page: Page, types_app) -> None:
    open_beta(page, types_app)
    tf = inline(page, 0)
    region = tf.locator("[role=status][aria-live=polite]")
    expect(region).to_have_count(1)
    expect(region).to_have_text("")
    tf.get_by_role("radio", name="True").check()
    check(tf)
    expect(region).to_contain_text("Incorrect. The answer is: False.")


def test_exam_saves_silently_then_marks_everything(page: Page, types_app) -> None:
    open_beta(page, types_app)
    exam = page.locator(".netedu-quiz")
    expect(exam.locator(".netedu-quiz-status")).to_contain_text("Exam")
    first = exam.locator(".netedu-question").first
    radios = first.get_by_role("radio")
    if radios.count():
        radios.first.check()
        exam.get_by_role("button", name="Save answer").click()
        expect(exam.locator(".netedu-saved")).to_have_text("Answer saved. You will see the feedback when you finish.")
        expect(first.locator(".netedu-item-feedback")).to_have_count(0)
    exam.get_by_role("button", name="Finish exam").click()
    expect(exam.locator(".netedu-results-box")).to_contain_text("Your exam is marked.")
    expect(exam.locator(".netedu-results-box tbody tr")).to_have_count(6)
    expect(exam.locator(".netedu-verdict").first).to_be_visible()
    assert run_axe(page) == [], "exam results"

"""Each guided-exploration widget in the real course app, used as a learner would."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import FIRST_LOAD, run_axe


def open_topic(page: Page, app, topic: str) -> None:
    page.goto(f"{app.url}?topic={topic}")
    expect(page.locator(".netedu-explorer").first).to_be_visible(timeout=FIRST_LOAD)


def test_body_map_click_an_organ_to_see_its_nets(page: Page, app, external_requests) -> None:
    open_topic(page, app, "net-types-sites")
    explorer = page.locator(".netedu-explorer").first
    expect(explorer.get_by_text("Nothing chosen yet.")).to_be_visible()
    explorer.get_by_role("radio", name="Pancreas").click()
    expect(explorer.get_by_role("radio", name="Pancreas")).to_have_attribute("aria-checked", "true")
    expect(explorer.locator(".netedu-card")).to_contain_text("Pancreatic NETs")
    expect(explorer.locator(".netedu-card")).to_contain_text("How it presents")
    explorer.get_by_role("radio", name="Pancreas").press("ArrowRight")  # the keyboard moves on
    expect(explorer.locator(".netedu-card")).not_to_contain_text("Pancreatic NETs")
    assert run_axe(page) == []
    assert external_requests == []


def test_grade_calculator_predict_then_reveal(page: Page, app) -> None:
    open_topic(page, app, "pathology-grading")
    form = page.locator(".netedu-form").first
    form.get_by_label("Ki-67 index").fill("250")
    form.get_by_role("radio", name="Well differentiated").check()
    form.get_by_role("radio", name="NET G3").check()
    form.get_by_role("button", name="Reveal the grade").click()
    expect(form.locator(".netedu-input-error").first).to_contain_text("cannot be more than 100%")
    form.get_by_label("Ki-67 index").fill("12")
    form.get_by_label("Mitotic count").fill("1")
    form.get_by_role("radio", name="NET G1").check()
    form.get_by_label("Mitotic count").press("Enter")
    expect(form.locator(".netedu-form-result")).to_contain_text("WHO 2019 grade: NET G2")
    expect(form.locator(".netedu-form-result")).to_contain_text("the Ki-67 index decides")
    expect(form.locator("[role=status]")).to_contain_text("WHO 2019 grade: NET G2")
    assert run_axe(page) == []


def test_ki67_counting_estimate_then_compare(page: Page, app) -> None:
    open_topic(page, app, "pathology-grading")
    exercise = page.locator(".netedu-explorer").filter(has_text="Ki-67 counting exercise")
    picture = exercise.get_by_role("img", name=re.compile("generated microscope field"))
    expect(picture).to_be_visible()
    exercise.get_by_label("Your estimate of the Ki-67 index").fill("10")
    exercise.get_by_role("button", name="Compare with the count").click()
    expect(exercise.locator(".netedu-form-result")).to_contain_text(re.compile(r"\d+ of \d+ nuclei are brown: the index is [\d.]+%"))
    before = picture.get_attribute("src")
    exercise.get_by_role("button", name="Show me another field").click()
    expect(exercise.get_by_role("img", name=re.compile("generated microscope field"))).not_to_have_attribute("src", before)


def test_incidence_trends_draw_charts_offline_with_their_sources(page: Page, app, external_requests) -> None:
    open_topic(page, app, "epidemiology")
    explorer = page.locator(".netedu-explorer").first
    expect(explorer.locator(".netedu-chart .main-svg").first).to_be_visible(timeout=30_000)
    expect(explorer.locator("table caption")).to_contain_text("over time")
    expect(explorer.locator("table")).to_contain_text("Dasari et al., 2017")
    explorer.get_by_role("radio", name=re.compile("^Share of NETs: United States")).check()
    expect(explorer.locator("table caption")).to_contain_text("Share of NETs: United States")
    expect(explorer.locator(".netedu-chart .main-svg").first).to_be_visible()
    assert run_axe(page) == []
    assert external_requests == []


def test_syndrome_explorer_choose_a_syndrome(page: Page, app) -> None:
    open_topic(page, app, "risk-heredity")
    explorer = page.locator(".netedu-explorer").first
    radios = explorer.get_by_role("radio")
    expect(radios.first).to_be_checked()
    second = radios.nth(1)
    name = second.evaluate("el => el.labels[0].textContent.trim()")
    second.check()
    expect(explorer.locator(".netedu-card h3")).to_have_text(name)
    expect(explorer.locator(".netedu-card")).to_contain_text("Suspect it when")
    explorer.get_by_text("Compare all syndromes in a table").click()
    expect(explorer.locator("details table")).to_be_visible()
    assert run_axe(page) == []


def test_symptom_matcher_pick_findings_see_syndromes(page: Page, app) -> None:
    open_topic(page, app, "presentation")
    explorer = page.locator(".netedu-explorer").first
    results = explorer.locator(".netedu-card")
    expect(results).to_contain_text("Choose findings above")
    boxes = explorer.get_by_role("checkbox")
    boxes.nth(0).check()
    boxes.nth(1).check()
    expect(results).to_contain_text(re.compile(r"\d+ syndromes? fit"))
    expect(results).to_contain_text("Next steps:")
    assert run_axe(page) == []

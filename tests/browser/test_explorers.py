"""Each guided explorer in the real course app, used as a learner would.

Expected values come from the course's own data and logic, so the tests follow the content."""

from __future__ import annotations

import re
from functools import cache

from playwright.sync_api import Page, expect

from netedu.content import Content, load_content
from netedu.explorers.evidence_explorer import filter_trials
from netedu.explorers.imaging_chooser import assess, summary_text
from netedu.explorers.marker_checker import check
from tests.browser.conftest import FIRST_LOAD, REPO, run_axe


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


@cache
def content() -> Content:
    return load_content(REPO)


def starts(text: str) -> str:
    """Enough of an option's label to find it by its accessible name (a substring match)."""
    return text[:40].strip()


def test_marker_checker_shows_what_a_patients_medicines_and_foods_distort(page: Page, app, external_requests) -> None:
    data = content().explorers["marker-checker"]
    label = {i.id: i.label for i in data.interferers}
    markers = {m.id: f"{m.name} ({m.sample})" for m in data.markers}
    open_topic(page, app, "biomarkers")
    explorer = page.locator(".netedu-explorer").filter(has_text="Marker interference checker")
    results = explorer.locator(".netedu-card")
    expect(results).to_contain_text("Tick the patient")
    explorer.get_by_role("checkbox", name=starts(label["ppi"])).check()
    explorer.get_by_role("checkbox", name=starts(label["banana"])).check()
    found = check(data, ["ppi", "banana"])
    expect(results).to_contain_text(f"{len(found)} test results could be distorted")
    for marker_id in found:
        expect(results.locator("h3", has_text=markers[marker_id])).to_have_count(1)
    expect(results).to_contain_text("falsely raises")
    expect(results).to_contain_text("What to do:")
    expect(explorer.locator("[role=status]").first).to_contain_text("Could be distorted:")
    assert run_axe(page) == []
    explorer.get_by_role("checkbox", name=starts(label["ppi"])).uncheck()
    explorer.get_by_role("checkbox", name=starts(label["banana"])).uncheck()
    expect(results).to_contain_text("Tick the patient")
    assert external_requests == []


def test_imaging_chooser_explains_every_test_after_the_learner_commits(page: Page, app) -> None:
    data = content().explorers["imaging-chooser"]
    first, second = data.scenarios[0], data.scenarios[1]
    best = next(t for t in data.tests if assess(data, first.id, [t.id]).best_found == 1)
    open_topic(page, app, "imaging-biopsy")
    explorer = page.locator(".netedu-explorer").filter(has_text="Imaging chooser")
    expect(explorer).to_contain_text(first.question)
    explorer.get_by_role("button", name="Show the reasoning").click()
    expect(explorer.get_by_role("alert")).to_contain_text("Choose at least one test first")
    explorer.get_by_role("checkbox", name=starts(best.name)).check()
    explorer.get_by_role("button", name="Show the reasoning").click()
    expect(explorer).to_contain_text(summary_text(assess(data, first.id, [best.id])))
    expect(explorer.get_by_role("checkbox", name=starts(best.name))).to_be_disabled()
    assert run_axe(page) == []
    explorer.get_by_role("radio", name=starts(second.title)).check()
    expect(explorer).to_contain_text(second.question)
    expect(explorer.get_by_role("checkbox", name=starts(best.name))).to_be_enabled()
    expect(explorer.get_by_role("checkbox", name=starts(best.name))).not_to_be_checked()
    expect(explorer).not_to_contain_text("You chose")


def test_tnm_stager_works_out_t_n_m_and_the_stage_at_the_cut_offs(page: Page, app) -> None:
    open_topic(page, app, "staging")
    explorer = page.locator(".netedu-explorer").filter(has_text="TNM stager")
    form, result = explorer.locator(".netedu-form"), explorer.locator(".netedu-form-result")

    def stage(size: str, invasion: str, nodes: str, liver: str = "No", outside: str = "No", mass: str | None = None) -> None:
        form.get_by_label("Largest tumour size").fill(size)
        form.get_by_role("radio", name=invasion).check()
        form.get_by_label("Involved regional lymph nodes").fill(nodes)
        if mass is not None:
            form.get_by_role("group", name="Mesenteric mass larger than 2 cm?").get_by_role("radio", name=mass).check()
        form.get_by_role("group", name="Liver metastases?").get_by_role("radio", name=liver).check()
        form.get_by_role("group", name="Metastases outside the liver?").get_by_role("radio", name=outside).check()
        form.get_by_role("button", name="Stage it").click()

    stage("4.0", "Limited to the pancreas", "0")
    expect(result).to_contain_text("T: T2")
    expect(result).to_contain_text("Stage II (T2 N0 M0)")
    stage("4.1", "Limited to the pancreas", "1", liver="Yes")
    expect(result).to_contain_text("T: T3")
    expect(result).to_contain_text("M: M1a")
    expect(result).to_contain_text("Stage IV")
    expect(result.locator(".netedu-cite")).to_contain_text("American Joint Committee on Cancer")
    expect(explorer.locator("[role=status]").last).to_contain_text("Stage IV: T3 N1 M1a.")
    assert run_axe(page) == []

    explorer.get_by_role("radio", name="Jejunum or ileum").check()
    expect(form).to_contain_text("Findings for a NET of the jejunum or ileum")
    stage("0.8", "Lamina propria or submucosa only", "11", mass="No")
    expect(result).to_contain_text("N: N1")
    expect(result).to_contain_text("Stage III")
    stage("0.8", "Lamina propria or submucosa only", "12", mass="No")
    expect(result).to_contain_text("N: N2")
    expect(result.locator(".netedu-cite")).to_contain_text("Kupietzky")

    form.get_by_label("Largest tumour size").fill("big")
    form.get_by_label("Involved regional lymph nodes").fill("2.5")
    form.get_by_role("button", name="Stage it").click()
    expect(form.locator(".netedu-input-error").first).to_be_visible()
    expect(form).to_contain_text("whole number")
    expect(result).to_be_hidden()


def test_evidence_explorer_filters_trials_and_charts_their_hazard_ratios(page: Page, app, external_requests) -> None:
    trials = content().explorers["evidence-explorer"].trials
    open_topic(page, app, "drug-therapy")
    explorer = page.locator(".netedu-explorer").filter(has_text="Evidence explorer")
    caption = explorer.locator("table caption")
    expect(caption).to_have_text(f"{len(trials)} trials")
    expect(explorer.locator(".netedu-chart .main-svg").first).to_be_visible(timeout=30_000)
    line = explorer.locator(".netedu-chart .shapelayer path").first  # the dashed line of no effect
    assert float(line.evaluate("p => parseFloat(getComputedStyle(p).strokeWidth)")) > 0

    explorer.get_by_role("checkbox", name="Pancreas").check()
    pancreas = filter_trials(trials, sites=["pancreas"])
    expect(caption).to_have_text(f"{len(pancreas)} trials")
    explorer.get_by_role("checkbox", name="Chemotherapy").check()
    chemo = filter_trials(trials, sites=["pancreas"], classes=["chemotherapy"])
    expect(caption).to_have_text(f"{len(chemo)} trial" + ("s" if len(chemo) != 1 else ""))
    trial = chemo[0]
    expect(explorer.locator("tbody th")).to_contain_text([trial.name])
    explorer.get_by_text(f"{trial.name}: arms, end point and full result").click()
    expect(explorer.locator("details[open]")).to_contain_text("Primary end point:")
    expect(explorer.locator("details[open] .netedu-cite")).to_be_visible()
    assert run_axe(page) == []

    explorer.get_by_role("checkbox", name="Pancreas").uncheck()
    explorer.get_by_role("checkbox", name="Chemotherapy").uncheck()
    explorer.get_by_role("checkbox", name="Lung").check()  # trials of whole site groups count too
    expect(caption).to_have_text(f"{len(filter_trials(trials, sites=['lung']))} trials")
    assert external_requests == []


def test_prrt_walkthrough_reveals_each_step_then_what_the_team_weighs(page: Page, app) -> None:
    walk = content().explorers["prrt-walkthrough"]
    open_topic(page, app, "prrt")
    explorer = page.locator(".netedu-explorer").filter(has_text="not a clinical decision tool")
    expect(explorer.locator(".netedu-notice")).to_contain_text(walk.title.rstrip("."))
    expect(explorer).not_to_contain_text("What the team weighs")
    for n, step in enumerate(walk.steps, start=1):
        expect(explorer.get_by_text(f"Part {n} of {len(walk.steps)}")).to_be_visible()
        part = explorer.locator(".netedu-response").nth(n - 1)
        wrong = next(o for o in step.options if not o.correct)
        right = next(o for o in step.options if o.correct)
        part.get_by_role("radio", name=starts(right.text if n % 2 else wrong.text)).check()
        part.get_by_role("button", name="Check answer").click()
        expect(explorer.locator(".netedu-verdict").nth(n - 1)).to_contain_text("Correct" if n % 2 else "Not quite")
        if n == 1:
            assert run_axe(page) == []
    expect(explorer.locator(".netedu-keypoint").last).to_contain_text("What the team weighs")

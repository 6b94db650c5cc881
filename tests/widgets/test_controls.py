"""Every answer control and form shares one ES module and one stylesheet, loaded from files."""

from __future__ import annotations

from pathlib import Path

from netedu.widgets.controls import ControlWidget
from netedu.widgets.form import FormWidget
from netedu.widgets.response import ChoiceResponse, HotspotResponse, MatchingResponse, NumericResponse, OrderingResponse

CONTROLS = (ChoiceResponse, NumericResponse, OrderingResponse, MatchingResponse, HotspotResponse, FormWidget)


def test_every_control_class_shares_one_anywidget_id_so_its_css_is_injected_once() -> None:
    ids = {cls()._anywidget_id for cls in CONTROLS}
    assert ids == {ControlWidget.ASSETS_ID}


def test_the_module_and_stylesheet_are_files_for_hot_reload_and_each_kind_renders() -> None:
    here = Path(__file__).resolve().parents[2] / "netedu/widgets"
    js = (here / "controls.js").read_text()
    assert str(ChoiceResponse()._esm) == js and str(FormWidget()._css) == (here / "controls.css").read_text()
    for kind in {cls().kind for cls in CONTROLS}:
        assert f"{kind}:" in js or f'"{kind}"' in js, f"controls.js does not render kind {kind!r}"


def test_every_model_on_call_subscribes_one_event() -> None:
    import re

    root = Path(__file__).resolve().parents[2] / "netedu"
    for js in (p for p in root.rglob("*.js") if p.is_file() and "vendor" not in p.parts):
        for event in re.findall(r'model\.(?:on|off)\(\s*"([^"]+)"', js.read_text()):
            assert " " not in event.strip(), f"{js.name}: one event per model.on call, not {event!r}"

"""Finding 1 (unit): the page cannot set or echo anything but a learner's own inputs.

ipywidgets 8 echoes a trait update from the page to every page on the kernel before netedu's
validators run. Each test sends a crafted ``update`` comm message, as a second client on the
kernel would, and reads what the widget sent back to the pages.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import ipywidgets as ipw
import pytest
from ipywidgets.widgets.widget import _instances

from netedu.content import load_content
from netedu.player import PlayerWidget
from netedu.player.router import RouterWidget
from netedu.player.routes import Route
from netedu.store.memory import MemoryStore
from netedu.widgets import ChoiceResponse, HotspotResponse, MatchingResponse, NumericResponse, OrderingResponse, SafeHTML
from netedu.widgets.explorers import build_explorer
from netedu.widgets.form import FormWidget
from netedu.widgets.inputs import PageInputs
from netedu.widgets.room import Ticker
from netedu.widgets.shared import Button, HBox, Layout, Output, VBox
from tests.conftest import REPO
from tests.support.xss import EVIL, EVIL_ESM, MARK, hostile_like
from tests.widgets.helpers import context

SVG = "data:image/svg+xml;base64,PHN2Zy8+"


class _Page:
    """A comm to one page that keeps what the kernel sends it (whatever comm the session has
    set up: a kernel-less comm would send nothing, and every assertion here would pass)."""

    kernel = "recording"

    def __init__(self, comm_id: str):
        self.comm_id, self.sent = comm_id, []

    def send(self, data=None, metadata=None, buffers=None) -> None:
        self.sent.append(data)

    def on_msg(self, callback) -> None:
        pass

    def close(self, *args, **kwargs) -> None:
        pass


_RECORDED: list[ipw.Widget] = []


@pytest.fixture(autouse=True)
def _close_recorded() -> Iterator[None]:
    yield
    while _RECORDED:
        _RECORDED.pop().close()


def sent_by(widget: ipw.Widget) -> list[dict]:
    """Record every comm message ``widget`` sends to the pages from now on."""
    page = _Page(widget.model_id)
    widget.comm = page
    _RECORDED.append(widget)
    return page.sent


def page_update(widget: ipw.Widget, state: dict[str, Any]) -> list[dict]:
    """Deliver ``state`` as an ``update`` message from a page; what the widget sent back."""
    sent = sent_by(widget)
    widget._handle_msg({"content": {"data": {"method": "update", "state": state, "buffer_paths": []}}, "buffers": []})
    return sent


def widgets_with_html() -> list[ipw.Widget]:
    """One of each widget class that carries HTML or code to the page, or holds others."""
    item = {"key": "k0", "html": "<em>first</em>"}
    return [
        SafeHTML("<b>kept</b>"),
        ChoiceResponse(prompt_html="<p>Which?</p>", options=[item, {"key": "k1", "html": "second"}]),
        NumericResponse(prompt_html="<p>How many?</p>", unit="%"),
        OrderingResponse(prompt_html="<p>Order</p>", items=[item, {"key": "k1", "html": "b"}], order=["k0", "k1"]),
        MatchingResponse(prompt_html="<p>Match</p>", columns=["A"], rows=[item], choices=[[{"key": "c0-0", "text": "x"}]]),
        HotspotResponse(prompt_html="<p>Where?</p>", image=SVG, viewbox=[0, 0, 10, 10], regions=[{**item, "label": "L"}]),
        FormWidget(legend_html="<p>Form</p>", fields=[{"key": "n", "label": "N", "kind": "number", "unit": ""}], result_html="<p>r</p>"),
        RouterWidget(),
        Ticker(lambda: None),
        Button(description="Next question"),
        Output(),
        VBox([SafeHTML("a")]),
        HBox([SafeHTML("b")]),
        Layout(),
    ]


@pytest.mark.parametrize("widget", widgets_with_html(), ids=lambda w: type(w).__name__)
def test_a_page_update_to_any_trait_but_an_input_is_neither_applied_nor_echoed(widget: ipw.Widget) -> None:
    """Finding 1: every synced trait outside ``page_inputs`` (HTML, code, children, layout) is
    refused: the widget keeps its state and sends nothing to any page."""
    before = widget.get_state()
    hostile = {name: hostile_like(value) for name, value in before.items() if name not in widget.page_inputs}
    hostile.update({"_esm": EVIL_ESM, "description": EVIL, "description_allow_html": True})
    sent = page_update(widget, hostile)
    assert sent == []
    assert widget.get_state() == before


@pytest.mark.parametrize(
    ("widget", "name"),
    [
        (SafeHTML("<b>kept</b>"), "value"),
        (ChoiceResponse(prompt_html="<p>Which?</p>", options=[{"key": "k0", "html": "a"}]), "prompt_html"),
        (ChoiceResponse(prompt_html="<p>Which?</p>", options=[{"key": "k0", "html": "a"}]), "options"),
        (ChoiceResponse(prompt_html="<p>Which?</p>", options=[{"key": "k0", "html": "a"}]), "marks"),
    ],
    ids=lambda x: x if isinstance(x, str) else type(x).__name__,
)
def test_the_probes_html_traits_take_no_script_from_the_page(widget: ipw.Widget, name: str) -> None:
    """Finding 1, the probe's own cases: ``prompt_html``, ``options``, ``marks`` and
    ``SafeHTML.value`` sent by a page reach no page, even sanitized."""
    value = EVIL if isinstance(getattr(widget, name), str) else [{"key": "k0", "status": "x", "html": EVIL}]
    before = getattr(widget, name)
    assert page_update(widget, {name: value}) == []
    assert getattr(widget, name) == before


@pytest.mark.parametrize(
    ("widget", "name", "hostile", "kept"),
    [
        (ChoiceResponse(options=[{"key": "k0", "html": "a"}]), "selected", ["k0", EVIL], ["k0"]),
        (HotspotResponse(regions=[{"key": "k0", "label": "L", "shape": "rect", "coords": [0, 0, 1, 1]}]), "selected", EVIL, ""),
        (
            OrderingResponse(items=[{"key": "k0", "html": "a"}, {"key": "k1", "html": "b"}], order=["k0", "k1"]),
            "order",
            [EVIL, "k0"],
            ["k0", "k1"],
        ),
        (
            MatchingResponse(columns=["A"], rows=[{"key": "k0", "html": "a"}], choices=[[{"key": "c0-0", "text": "x"}]]),
            "selection",
            {"k0": [EVIL]},
            {"k0": [""]},
        ),
        (
            MatchingResponse(columns=["A"], rows=[{"key": "k0", "html": "a"}], choices=[[{"key": "c0-0", "text": "x"}]]),
            "selection",
            {EVIL: ["c0-0"]},
            {},
        ),
        (NumericResponse(), "text", "1" * 10_000, "1" * 64),
        (RouterWidget(), "url", "javascript:__xss(1)", "?"),
    ],
    ids=lambda x: x if isinstance(x, str) and len(x) < 12 else type(x).__name__ if isinstance(x, ipw.Widget) else "v",
)
def test_an_input_from_the_page_is_validated_before_any_page_sees_it(widget: ipw.Widget, name: str, hostile: Any, kept: Any) -> None:
    """Finding 1: an accepted input is echoed to the pages as validated, never as sent."""
    sent = page_update(widget, {name: hostile})
    assert getattr(widget, name) == kept
    assert sent, "the pages hear what the kernel now holds"
    for message in sent:
        assert message["state"] == {name: kept}
        assert MARK not in str(message)
    assert sent[-1]["method"] == "echo_update"


def test_a_malformed_input_leaves_the_last_good_value_and_sends_no_traceback() -> None:
    """Finding 1 and 3: a wrong type for an input is refused quietly; the pages get the value
    the kernel kept."""
    control = ChoiceResponse(options=[{"key": "k0", "html": "a"}], selected=["k0"])
    for hostile in ("k0", [1, 2], {"k0": 1}, None, float("nan")):
        sent = page_update(control, {"selected": hostile})
        assert control.selected == ["k0"]
        assert [m["method"] for m in sent] == ["echo_update"]
        assert sent[0]["state"] == {"selected": ["k0"]}


def test_stock_ipywidgets_would_echo_the_payload_this_is_what_netedu_stops() -> None:
    """Finding 1, the control: the recorder sees the upstream echo, so the tests above would
    catch a regression (a widget class that is not a PageInputs)."""
    stock = ipw.HTML("<b>kept</b>")
    sent = page_update(stock, {"value": EVIL})
    assert sent and sent[0]["method"] == "echo_update" and sent[0]["state"] == {"value": EVIL}


def test_every_widget_of_the_course_takes_only_its_inputs_from_the_page() -> None:
    """Finding 1, everywhere: the educator's player (room panels too) with every topic and view
    opened, and every explorer, builds only widget classes that refuse page updates outside
    their inputs."""
    content = load_content(REPO)
    before = set(_instances)
    player = PlayerWidget(content, learner=f"probe-{uuid.uuid4().hex[:6]}", store=MemoryStore(), educator=True)
    player.prepare_next = False
    for topic in content.topics:
        player.go(Route("topic", topic))
    for view in ("start", "progress", "contents"):
        player.go(Route(view))
    ctx = context(content)
    for explorer_id in content.explorers:
        build_explorer(explorer_id, content, ctx)
    made = [w for key, w in _instances.items() if key not in before]
    assert len(made) > 200
    stock = sorted({type(w).__name__ for w in made if not isinstance(w, PageInputs)})
    assert stock == [], "widget classes the page could write to"

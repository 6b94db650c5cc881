"""The one sanitizing renderer: authored Markdown becomes HTML, nothing executable gets through."""

from __future__ import annotations

import re

import pytest

from netedu.render import escape, markdown, markdown_inline, sanitize

ATTACKS = [
    '<script>alert("x")</script>',
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    '<iframe src="https://evil.example"></iframe>',
    '<svg onload="alert(1)"><circle/></svg>',
    '<div style="position:fixed;top:0">cover</div>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
    '<form action="https://evil.example"><input name=p></form>',
    '<object data="x.swf"></object>',
    '<p onmouseover="steal()">hover</p>',
    "<style>body{display:none}</style>",
]


DANGEROUS = re.compile(
    r"<(script|iframe|svg|form|object|style)\b|\son\w+\s*=|(href|src)\s*=\s*\"?\s*(javascript|data):|style\s*=",
    re.IGNORECASE,
)


@pytest.mark.parametrize("attack", ATTACKS)
def test_nothing_executable_survives(attack: str) -> None:
    for out in (markdown(attack), markdown_inline(attack), sanitize(attack)):
        assert not DANGEROUS.search(out), (attack, out)


def test_markdown_keeps_what_authors_need() -> None:
    out = markdown("**Ki-67** index <sub>2</sub>, *mitoses*\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- one\n- two")
    for kept in ("<strong>Ki-67</strong>", "<sub>2</sub>", "<em>mitoses</em>", "<table>", "<td>1</td>", "<li>one</li>"):
        assert kept in out


def test_links_open_safely_in_a_new_tab() -> None:
    out = markdown("[Dasari 2017](https://doi.org/10.1001/jamaoncol.2017.0589)")
    assert 'href="https://doi.org/10.1001/jamaoncol.2017.0589"' in out
    assert 'rel="noopener noreferrer"' in out and 'target="_blank"' in out


def test_remote_images_are_dropped_but_local_ones_kept() -> None:
    # A workshop runs offline: nothing may be fetched from another host at page time.
    out = markdown("![remote](https://example.org/x.png) ![local](images/gut.svg)")
    assert "example.org" not in out
    assert 'src="images/gut.svg"' in out


def test_inline_markdown_has_no_paragraph_and_escape_is_plain() -> None:
    assert markdown_inline("NET *G3*") == "NET <em>G3</em>"
    assert escape('<b a="1">') == "&lt;b a=&quot;1&quot;&gt;"
    assert sanitize(escape("<script>")) == "&lt;script&gt;"


def test_aria_and_classes_are_kept_for_accessible_feedback() -> None:
    out = sanitize('<div class="netedu-mark" role="status" aria-live="polite">ok</div>')
    assert out == '<div class="netedu-mark" role="status" aria-live="polite">ok</div>'

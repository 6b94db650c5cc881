"""Hereditary syndromes behind NETs: a card for one, a table comparing all (pure logic)."""

from __future__ import annotations

from collections.abc import Callable

from netedu.content.explorers import Syndrome
from netedu.content.models import Reference
from netedu.learning.feedback import cite
from netedu.render import escape, markdown_inline, sanitize

__all__ = ["compare_html", "syndrome_html"]


def _items(values: tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{markdown_inline(v)}</li>" for v in values) + "</ul>" if values else "<p>—</p>"


def syndrome_html(s: Syndrome, references: Callable[[tuple[str, ...]], list[Reference]]) -> str:
    rows = [
        ("Gene", f"<p>{markdown_inline(s.gene)}</p>"),
        ("Inheritance", f"<p>{markdown_inline(s.inheritance)}</p>"),
        ("Neuroendocrine tumours", _items(s.nets)),
        ("Other tumours", _items(s.other_tumours)),
        ("Other features", _items(s.other_features)),
        ("Suspect it when", _items(s.suspect_when)),
    ]
    body = "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in rows if v != "<p>—</p>" or k == "Other tumours")
    return sanitize(f'<h3 class="netedu-card-title">{escape(s.name)}</h3><dl class="netedu-card-list">{body}</dl>{cite(references(s.references))}')


def compare_html(syndromes: tuple[Syndrome, ...]) -> str:
    rows = "".join(
        f'<tr><th scope="row">{escape(s.name)}</th><td>{markdown_inline(s.gene)}</td><td>{markdown_inline(s.inheritance)}</td>'
        f"<td>{'; '.join(markdown_inline(n) for n in s.nets)}</td></tr>"
        for s in syndromes
    )
    return sanitize(
        '<details><summary>Compare all syndromes in a table</summary><table class="netedu-table">'
        '<thead><tr><th scope="col">Syndrome</th><th scope="col">Gene</th><th scope="col">Inheritance</th>'
        f'<th scope="col">Neuroendocrine tumours</th></tr></thead><tbody>{rows}</tbody></table></details>'
    )

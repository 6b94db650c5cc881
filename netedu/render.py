"""The one sanitizing renderer: authored Markdown and composed HTML become safe HTML here.

Every string that reaches an HTML widget passes through :func:`sanitize` (the
:class:`netedu.widgets.html.SafeHTML` widget enforces it); authored text is first turned
from Markdown into HTML with :func:`markdown`.
"""

from __future__ import annotations

import html as _html
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt

__all__ = ["escape", "markdown", "markdown_inline", "sanitize"]

_EXTRA_TAGS = {"section", "span", "div"}
_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"class", "role", "lang", "title"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    "time": {"datetime"},
    "abbr": {"title"},
}
_URL_SCHEMES = {"http", "https", "mailto"}


def _attribute_filter(tag: str, attr: str, value: str) -> str | None:
    # Workshops run offline: an image from another host would be fetched at page time.
    if tag == "img" and attr == "src":
        lowered = value.strip().lower()
        if lowered.startswith(("http:", "https:", "//", "data:")):
            return None
    return value


@lru_cache(maxsize=1)
def _cleaner() -> nh3.Cleaner:
    attributes = {tag: set(attrs) for tag, attrs in _ATTRIBUTES.items()}
    return nh3.Cleaner(
        tags=set(nh3.ALLOWED_TAGS) | _EXTRA_TAGS,
        clean_content_tags={"script", "style"},
        attributes=attributes,
        generic_attribute_prefixes={"aria-", "data-"},
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer",
        set_tag_attribute_values={"a": {"target": "_blank"}},
        attribute_filter=_attribute_filter,
        strip_comments=True,
    )


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True, "typographer": False}).enable(
        ["table", "strikethrough"]
    )


def sanitize(html: str) -> str:
    """Return ``html`` with everything unsafe removed (scripts, event handlers, ``javascript:``
    links, remote images, styles).

    >>> sanitize('<b onclick="x()">hi</b><script>alert(1)</script>')
    '<b>hi</b>'
    """
    return _cleaner().clean(html)


def markdown(text: str) -> str:
    """Render authored Markdown (CommonMark, tables, strikethrough) to sanitized HTML.

    >>> markdown("**Ki-67** <img src=x onerror=alert(1)>")
    '<p><strong>Ki-67</strong> <img src="x"></p>\\n'
    """
    return sanitize(_parser().render(text))


def markdown_inline(text: str) -> str:
    """Render one line of Markdown without a wrapping paragraph (for option labels, titles).

    >>> markdown_inline("NET *G3*")
    'NET <em>G3</em>'
    """
    return sanitize(_parser().renderInline(text))


def escape(text: str) -> str:
    """Escape plain text for inclusion in HTML that is later passed to :func:`sanitize`.

    >>> escape("<b>")
    '&lt;b&gt;'
    """
    return _html.escape(text, quote=True)

"""The one sanitizing renderer: authored Markdown and composed HTML become safe HTML here.

Every string that reaches an HTML widget passes through :func:`sanitize` (the
:class:`netedu.widgets.html.SafeHTML` widget enforces it); authored text is first turned
from Markdown into HTML with :func:`markdown`. All three are pure and remember their recent
results: the course's text is rendered once (in a kernel template, once for all learners).
"""

from __future__ import annotations

import html as _html
import re
from functools import lru_cache

import latex2mathml.converter
import nh3
from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin

from netedu.settings import DISCLAIMER, DISCLAIMER_LEAD

__all__ = ["disclaimer_html", "escape", "markdown", "markdown_inline", "sanitize"]

_EXTRA_TAGS = {"section", "span", "div", "nav", "progress"}
# Math is rendered to MathML, which browsers draw natively: nothing is fetched at page time.
_MATHML = {
    "math",
    "mrow",
    "mi",
    "mn",
    "mo",
    "ms",
    "mtext",
    "mspace",
    "msup",
    "msub",
    "msubsup",
    "mfrac",
    "msqrt",
    "mroot",
    "mover",
    "munder",
    "munderover",
    "mtable",
    "mtr",
    "mtd",
    "mstyle",
    "mpadded",
    "mphantom",
    "menclose",
    "semantics",
    "annotation",
}
_MATH_ATTRIBUTES = {
    "display",
    "mathvariant",
    "stretchy",
    "fence",
    "separator",
    "lspace",
    "rspace",
    "linethickness",
    "columnalign",
    "rowalign",
    "columnspacing",
    "rowspacing",
    "accent",
    "accentunder",
    "notation",
    "width",
    "height",
    "depth",
    "displaystyle",
    "scriptlevel",
    "encoding",
    "movablelimits",
    "form",
}
# Ids are kept only for reference and section anchors (citations and deep links jump to them).
_ID_PREFIXES = ("ref-", "sec-")
_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"class", "role", "lang", "title", "id", "tabindex"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    "time": {"datetime"},
    "abbr": {"title"},
    "a": {"href", "hreflang"},
    "progress": {"value", "max"},
}
_URL_SCHEMES = {"http", "https", "mailto"}


def _attribute_filter(tag: str, attr: str, value: str) -> str | None:
    if attr == "id":
        return value if value.startswith(_ID_PREFIXES) else None
    if attr == "tabindex":  # only "focusable by script", for moving focus to a new view
        return value if value == "-1" else None
    # Workshops run offline: an image from another host would be fetched at page time.
    if tag == "img" and attr == "src":
        lowered = value.strip().lower()
        if lowered.startswith(("data:image/svg+xml;base64,", "data:image/png;base64,")):
            return value  # drawn here, fetched from nowhere; an <img> never runs scripts
        if lowered.startswith(("http:", "https:", "//", "data:")):
            return None
    return value


@lru_cache(maxsize=1)
def _cleaner() -> nh3.Cleaner:
    attributes = {tag: set(attrs) for tag, attrs in _ATTRIBUTES.items()}
    for tag in _MATHML:
        attributes.setdefault(tag, set()).update(_MATH_ATTRIBUTES)
    return nh3.Cleaner(
        tags=set(nh3.ALLOWED_TAGS) | _EXTRA_TAGS | _MATHML,
        clean_content_tags={"script", "style"},
        attributes=attributes,
        generic_attribute_prefixes={"aria-", "data-"},
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer",
        attribute_filter=_attribute_filter,
        strip_comments=True,
    )


def _math(latex: str, options: dict) -> str:
    display = "block" if options.get("display_mode") else "inline"
    try:
        return latex2mathml.converter.convert(latex, display=display)
    except Exception:  # an authoring slip must not break the page: show the source
        return f'<code class="netedu-math-error">{_html.escape(latex)}</code>'


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": True, "typographer": False}).enable(["table", "strikethrough"])
    return parser.use(dollarmath_plugin, renderer=_math, allow_digits=False, allow_space=False)


_EXTERNAL_LINK = re.compile(r'<a href="(https?:|mailto:)')


@lru_cache(maxsize=2048)
def sanitize(html: str) -> str:
    """Return ``html`` with everything unsafe removed (scripts, event handlers, ``javascript:``
    links, remote images, styles). Links to other sites open in a new tab.

    >>> sanitize('<b onclick="x()">hi</b><script>alert(1)</script>')
    '<b>hi</b>'
    """
    return _EXTERNAL_LINK.sub(r'<a target="_blank" href="\1', _cleaner().clean(html))


@lru_cache(maxsize=8192)
def markdown(text: str) -> str:
    """Render authored Markdown (CommonMark, tables, strikethrough, ``$math$``) to sanitized HTML.

    >>> markdown("**Ki-67** <img src=x onerror=alert(1)>")
    '<p><strong>Ki-67</strong> <img src="x"></p>\\n'
    """
    return sanitize(_parser().render(text))


@lru_cache(maxsize=8192)
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


def disclaimer_html() -> str:
    """The "educational, not medical advice" notice that every page shows.

    >>> disclaimer_html().startswith('<p class="netedu-notice"><strong>Educational, not medical advice.</strong>')
    True
    """
    return f'<p class="netedu-notice"><strong>{escape(DISCLAIMER_LEAD)}</strong> {escape(DISCLAIMER)}</p>'

"""Script-injection payloads, and a page hook that tells whether any of them ran.

Every payload calls ``__xss(n)`` (or ``alert(n)``) with its own number if its script runs. The
hook (:func:`watch`) defines ``__xss`` in every frame before the page's own scripts, records
dialogs and console messages, and :func:`audit_js` looks for what a payload would need a click
for (an ``on*`` attribute, a ``javascript:`` URL, a ``<script>``, ``<iframe>``, ``<object>``,
``<embed>`` or ``<base>`` element) inside the widgets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["EVIL", "EVIL_ESM", "MARK", "PAYLOADS", "WIDGETS", "Watch", "audit", "hostile_like", "payloads", "unsanitized", "watch"]

#: Where a Voila page's widgets are (a server page of netedu's own is checked from ``body``).
WIDGETS = ".jupyter-widgets, .widget-html, .netedu-response, .netedu-form, .netedu-player"

#: What every payload carries, so a test can tell that none reached a message or the page unescaped.
MARK = "__xss("

_TEMPLATES = (
    # classic
    "<script>__xss(N)</script>",
    "<SCRIPT>__xss(N)</SCRIPT>",
    "<script src=data:text/javascript,__xss(N)></script>",
    "<scr<script>ipt>__xss(N)</scr</script>ipt>",
    '"><script>__xss(N)</script>',
    "'><script>__xss(N)</script>",
    "</textarea><script>__xss(N)</script>",
    "</title><script>__xss(N)</script>",
    "</legend></fieldset><script>__xss(N)</script>",
    # event handlers
    "<img src=x onerror=__xss(N)>",
    '<img src="x" onerror="__xss(N)">',
    "<img/src=x/onerror=__xss(N)>",
    "<img src=`x` oNeRrOr=__xss(N)>",
    "<img src=x onerror=&#95;&#95;xss(N)>",
    "<svg onload=__xss(N)>",
    "<svg><script>__xss(N)</script></svg>",
    "<svg><animate onbegin=__xss(N) attributeName=x dur=1s>",
    "<body onload=__xss(N)>",
    "<details open ontoggle=__xss(N)>",
    "<input autofocus onfocus=__xss(N)>",
    "<select autofocus onfocus=__xss(N)></select>",
    "<video><source onerror=__xss(N)></video>",
    "<audio src=x onerror=__xss(N)>",
    "<marquee onstart=__xss(N)>x</marquee>",
    "<x onclick=__xss(N)>click me",
    # URLs
    '<a href="javascript:__xss(N)">link</a>',
    '<a href="jav&#x09;ascript:__xss(N)">link</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;__xss(N)">link</a>',
    '<a href="data:text/html,<script>__xss(N)</script>">link</a>',
    '<iframe src="javascript:parent.__xss(N)"></iframe>',
    '<iframe srcdoc="<script>parent.__xss(N)</script>"></iframe>',
    '<object data="javascript:__xss(N)"></object>',
    '<embed src="javascript:__xss(N)">',
    "<form><button formaction=javascript:__xss(N)>go</button></form>",
    '<svg><a xlink:href="javascript:__xss(N)"><text x="20" y="20">go</text></a></svg>',
    '<math href="javascript:__xss(N)"><mi>x</mi></math>',
    '<meta http-equiv="refresh" content="0;url=javascript:__xss(N)">',
    '<base href="javascript:__xss(N)//">',
    '<link rel="stylesheet" href="javascript:__xss(N)">',
    '<div style="background:url(javascript:__xss(N))">x</div>',
    "javascript:__xss(N)",
    # mutation XSS (parser differentials)
    '<noscript><p title="</noscript><img src=x onerror=__xss(N)>">',
    "<math><mtext><table><mglyph><style><img src=x onerror=__xss(N)>",
    '<svg></p><style><a id="</style><img src=1 onerror=__xss(N)>">',
    "<form><math><mtext></form><form><mglyph><style></math><img src=x onerror=__xss(N)>",
    "<!--><img src=x onerror=__xss(N)>-->",
    # entities and encodings
    "&lt;script&gt;__xss(N)&lt;/script&gt;",
    "&#60;img src=x onerror=__xss(N)&#62;",
    "%3Cscript%3E__xss(N)%3C%2Fscript%3E",
    "\\u003cimg src=x onerror=__xss(N)\\u003e",
    "\\x3cscript\\x3e__xss(N)\\x3c/script\\x3e",
    # Markdown, math and templates
    "$\\href{javascript:__xss(N)}{click}$",
    "$$\\href{javascript:__xss(N)}{click}$$",
    "[click](javascript:__xss(N))",
    '![x](x" onerror="__xss(N))',
    "{{constructor.constructor('__xss(N)')()}}",
    "${__xss(N)}",
)


def payloads(prefix: str = "") -> list[str]:
    """Every payload, numbered, each after ``prefix``."""
    return [prefix + t.replace("__xss(N)", f"__xss({n})") for n, t in enumerate(_TEMPLATES)]


PAYLOADS = payloads()
#: One payload, for a test that needs only one: ``<img src=x onerror=__xss(9)>``.
EVIL = PAYLOADS[9]
#: An anywidget module that runs the payload as soon as a page loads it.
EVIL_ESM = "export default { render() { globalThis.__xss('esm') } }"


def hostile_like(value: Any) -> Any:
    """A hostile value of the same JSON shape as a widget trait's ``value``."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return -1
    if isinstance(value, str) or value is None:
        return EVIL
    if isinstance(value, (list, tuple)):
        return [{"key": "k0", "html": EVIL, "text": EVIL, "label": EVIL, "status": EVIL, "shape": "rect", "coords": [0, 0, 1, 1]}]
    if isinstance(value, dict):
        return {"k0": EVIL, "html": EVIL}
    return EVIL


# Defined in every frame before the page's scripts; a payload that runs calls it.
_HOOK = """
(() => {
  const fired = (n) => {
    const top = (() => { try { return window.top.__xssFired ? window.top : window; } catch (e) { return window; } })();
    (top.__xssFired = top.__xssFired || []).push(String(n));
    console.error("NETEDU-XSS-FIRED " + n);
  };
  window.__xssFired = window.__xssFired || [];
  window.__xss = fired;
})();
"""

# What would run on a click or a hover, inside the widgets (not the page's own scripts).
_AUDIT = """
(selector) => {
  const bad = [];
  const roots = document.querySelectorAll(selector);
  const seen = new Set();
  for (const root of roots) {
    for (const el of [root, ...root.querySelectorAll("*")]) {
      if (seen.has(el)) continue;
      seen.add(el);
      const tag = el.tagName.toLowerCase();
      if (tag === "script" && (el.type || "").startsWith("application/vnd.jupyter")) continue;
      if (["script", "iframe", "object", "embed", "base", "frame", "frameset"].includes(tag)) bad.push(`<${tag}>`);
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        const value = attr.value.replace(/[\\u0000-\\u0020]/g, "").toLowerCase();
        if (name.startsWith("on")) bad.push(`${tag}[${name}]`);
        if (/^(javascript|vbscript|data:text\\/html)/.test(value.replace(/^data:/, "data:")) && ["href", "src", "action", "formaction", "data", "xlink:href", "srcdoc", "content"].includes(name))
          bad.push(`${tag}[${name}=${attr.value.slice(0, 40)}]`);
        if (value.includes("__xss(") && !["value", "aria-label", "title", "alt", "data-key"].includes(name)) bad.push(`${tag}[${name}] carries a payload`);
      }
    }
  }
  return bad;
}
"""


@dataclass
class Watch:
    """What a watched page has said: dialogs opened and console lines about a payload."""

    page: object
    dialogs: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)

    def fired(self) -> list[str]:
        """Payload numbers whose script ran, by any route (hook, dialog, console)."""
        ran = list(self.page.evaluate("() => window.__xssFired || []"))
        return ran + self.dialogs + [line for line in self.console if "NETEDU-XSS-FIRED" in line]

    def assert_clean(self, where: str, roots: str = WIDGETS) -> None:
        """Fail if any payload ran, or if ``roots`` hold anything that would run on a click."""
        self.page.wait_for_timeout(300)  # let onerror / onload handlers of just-rendered nodes fire
        assert self.fired() == [], f"{where}: script ran in the page"
        assert audit(self.page, roots) == [], f"{where}: the page holds script that would run on interaction"


def watch(page) -> Watch:
    """Install the hook on ``page`` (before it loads anything) and record dialogs and console."""
    w = Watch(page)
    page.add_init_script(_HOOK)

    def on_dialog(dialog) -> None:
        w.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda msg: w.console.append(msg.text))
    return w


def audit(page, roots: str = WIDGETS) -> list[str]:
    """What, inside the elements ``roots`` selects, would run script on a click or a hover."""
    return list(page.evaluate(_AUDIT, roots))


_HTML_TRAITS = ("value", "prompt_html", "legend_html", "result_html")
_HTML_LISTS = ("options", "items", "rows", "marks")


def unsanitized(messages: list[dict]) -> list[str]:
    """The HTML in widget messages (``comm_open`` states and updates) that netedu's sanitizer
    would still change: what the page renders as HTML must already be sanitized."""
    from netedu.render import sanitize

    found = []
    for msg in messages:
        data = msg.get("content", {}).get("data", {})
        state = data.get("state", {}) if isinstance(data, dict) else {}
        htmls = [state[k] for k in _HTML_TRAITS if isinstance(state.get(k), str)]
        htmls += [e["html"] for k in _HTML_LISTS for e in state.get(k) or () if isinstance(e, dict) and isinstance(e.get("html"), str)]
        found += [html[:120] for html in htmls if sanitize(html) != html]
    return found

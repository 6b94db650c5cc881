// netedu course player: keeps the page URL, browser history and focus in step with the
// player's view, and watches the connection to the kernel.
//
// Kernel -> page: `url` (a query such as "?topic=epidemiology"), `title` and `focus` (the id of
// the element that gets focus once the new view is on screen).
// Page -> kernel: `url` after back/forward or a click on an in-player link ("?topic=...").
// Heartbeat: a "ping" every few seconds; without a "pong" the learner sees a notice.

const PING_EVERY_MS = 5000;
const LOST_AFTER_MS = 12000;

function sameQuery(a, b) {
  const norm = (q) => (q && q !== "?" ? q : "");
  return norm(a) === norm(b);
}

function render({ model, el }) {
  el.classList.add("netedu-router");
  const live = document.createElement("div");
  live.className = "netedu-visually-hidden";
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  el.append(live);

  const notice = document.createElement("div");
  notice.className = "netedu-connection";
  notice.setAttribute("role", "alert");
  notice.hidden = true;
  const text = document.createElement("p");
  text.textContent =
    "The connection to the course server was lost. Your saved answers are safe. " +
    "When the network is back, reload the page to carry on.";
  const reload = document.createElement("button");
  reload.type = "button";
  reload.textContent = "Reload the page";
  reload.addEventListener("click", () => location.reload());
  notice.append(text, reload);
  document.body.append(notice);

  const query = () => location.search || "?";

  function focusWhenShown() {
    const id = model.get("focus");
    if (!id) return;
    const before = document.getElementById(id);
    const started = performance.now();
    const look = () => {
      const node = document.getElementById(id);
      if (node && (node !== before || !before || !before.isConnected || performance.now() - started > 1500)) {
        node.scrollIntoView({ block: "start" });
        node.focus({ preventScroll: true });
        return;
      }
      if (performance.now() - started < 4000) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }

  function onRoute() {
    const url = model.get("url");
    if (!sameQuery(url, query())) history.pushState({ netedu: true }, "", sameQuery(url, "") ? location.pathname : url);
    const title = model.get("title");
    if (title) {
      document.title = title;
      live.textContent = `Now showing: ${title}`;
    }
    focusWhenShown();
  }

  function onPopState() {
    if (!sameQuery(query(), model.get("url"))) {
      model.set("url", query());
      model.save_changes();
    }
  }

  function onClick(event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target.closest && event.target.closest("a[href]");
    if (!link) return;
    const href = link.getAttribute("href");
    if (!href.startsWith("?")) return;
    event.preventDefault();
    history.pushState({ netedu: true }, "", sameQuery(href, "") ? location.pathname : href);
    model.set("url", href);
    model.save_changes();
  }

  let lastPong = performance.now();
  const onMsg = (msg) => {
    if (msg && msg.event === "pong") {
      lastPong = performance.now();
      notice.hidden = true;
    }
  };
  const timer = setInterval(() => {
    model.send({ event: "ping" });
    if (performance.now() - lastPong > LOST_AFTER_MS) notice.hidden = false;
  }, PING_EVERY_MS);

  if (!sameQuery(model.get("url"), query())) history.replaceState({ netedu: true }, "", sameQuery(model.get("url"), "") ? location.pathname : model.get("url"));
  if (model.get("title")) document.title = model.get("title");
  focusWhenShown();
  for (const name of ["url", "title", "focus"]) model.on(`change:${name}`, onRoute);
  model.on("msg:custom", onMsg);
  window.addEventListener("popstate", onPopState);
  document.addEventListener("click", onClick);
  return () => {
    clearInterval(timer);
    notice.remove();
    for (const name of ["url", "title", "focus"]) model.off(`change:${name}`, onRoute);
    model.off("msg:custom", onMsg);
    window.removeEventListener("popstate", onPopState);
    document.removeEventListener("click", onClick);
  };
}

export default { render };

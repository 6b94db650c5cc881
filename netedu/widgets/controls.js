// netedu's answer controls and forms: one ES module for every kind, loaded once for all the
// widget classes that use it (they share one anywidget id, so this file and controls.css are
// injected into the page once, however many questions it shows).
//
// The answer key never reaches this code: options, items, rows and regions carry only a
// position key ("k0", "k1", ...) and sanitized HTML or plain text. Per-item feedback
// ("marks") arrives from Python after the learner submits. Every kind renders inside a
// <fieldset> whose <legend> is the question, uses native controls or ARIA patterns that work
// with the keyboard alone, and shares one polite live region that exists before any update.

const SVG = "http://www.w3.org/2000/svg";

function h(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = v;
    else if (k === "html") node.innerHTML = v; // only ever sanitized HTML from Python
    else node.setAttribute(k, v);
  }
  node.append(...children);
  return node;
}

// Call handler when any of the named traits changes: one model.on per event; returns the undo.
function listen(model, names, handler) {
  for (const name of names) model.on(`change:${name}`, handler);
  return () => {
    for (const name of names) model.off(`change:${name}`, handler);
  };
}

function plain(html) {
  const d = document.createElement("div");
  d.innerHTML = html;
  return d.textContent.trim();
}

function feedbackFor(ctx, key) {
  const mark = ctx.marks.get(key);
  if (!mark) return null;
  return h("div", { class: "netedu-item-feedback", id: `${ctx.uid}-fb-${key}`, html: mark.html });
}

function describe(ctx, control, key) {
  if (ctx.marks.has(key)) control.setAttribute("aria-describedby", `${ctx.uid}-fb-${key}`);
}

// --- choice: radio buttons or checkboxes ---------------------------------------------------
function renderChoice(ctx) {
  const { model } = ctx;
  const multiple = model.get("multiple");
  const selected = new Set(model.get("selected"));
  const list = h("div", { class: "netedu-options" });
  const onChange = () => {
    const chosen = [...list.querySelectorAll("input")].filter((x) => x.checked).map((x) => x.value);
    ctx.local(() => model.set("selected", chosen));
  };
  for (const opt of model.get("options")) {
    const id = `${ctx.uid}-${opt.key}`;
    const input = h("input", { type: multiple ? "checkbox" : "radio", name: ctx.uid, id, value: opt.key });
    input.checked = selected.has(opt.key);
    input.disabled = ctx.disabled;
    input.addEventListener("change", onChange);
    describe(ctx, input, opt.key);
    const row = h("div", { class: "netedu-option" }, [input, h("label", { for: id, html: opt.html })]);
    const fb = feedbackFor(ctx, opt.key);
    if (fb) {
      row.dataset.status = ctx.marks.get(opt.key).status;
      row.append(fb);
    }
    list.append(row);
  }
  return list;
}

// --- numeric: a labelled text box with its unit ---------------------------------------------
function renderNumeric(ctx) {
  const { model } = ctx;
  const id = `${ctx.uid}-number`;
  const input = h("input", { type: "text", id, inputmode: "decimal", autocomplete: "off", class: "netedu-number" });
  input.value = model.get("text");
  input.disabled = ctx.disabled;
  const error = model.get("error");
  const errorId = `${ctx.uid}-error`;
  input.setAttribute("aria-describedby", `${ctx.hintId} ${errorId}`);
  if (error) input.setAttribute("aria-invalid", "true");
  input.addEventListener("input", () => ctx.local(() => model.set("text", input.value)));
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      ctx.local(() => model.set("text", input.value));
      ctx.submit();
    }
  });
  const unit = model.get("unit");
  const row = h("div", { class: "netedu-number-row" }, [
    h("label", { for: id, text: model.get("label") }),
    input,
    ...(unit ? [h("span", { class: "netedu-unit", text: unit })] : []),
  ]);
  const errorBox = h("p", { class: "netedu-input-error", id: errorId, text: error ? `⚠ ${error}` : "" });
  return h("div", { class: "netedu-numeric" }, [row, errorBox]);
}

// --- ordering: a list with move up / move down buttons --------------------------------------
function renderOrdering(ctx) {
  const { model } = ctx;
  const items = new Map(model.get("items").map((it) => [it.key, it.html]));
  const order = model.get("order");
  const list = h("ol", { class: "netedu-order" });
  const move = (index, delta, which) => {
    const next = [...order];
    const target = index + delta;
    [next[index], next[target]] = [next[target], next[index]];
    ctx.refocus = { key: order[index], which: target === 0 || target === next.length - 1 ? "other" : which };
    const name = plain(items.get(order[index]));
    ctx.announce(`${name}: moved to position ${target + 1} of ${next.length}.`);
    model.set("order", next);
    model.save_changes();
  };
  order.forEach((key, index) => {
    const name = plain(items.get(key));
    const up = h("button", { type: "button", class: "netedu-move", "data-which": "up", "aria-label": `Move "${name}" up` , text: "↑ Up" });
    const down = h("button", { type: "button", class: "netedu-move", "data-which": "down", "aria-label": `Move "${name}" down`, text: "↓ Down" });
    up.disabled = ctx.disabled || index === 0;
    down.disabled = ctx.disabled || index === order.length - 1;
    up.addEventListener("click", () => move(index, -1, "up"));
    down.addEventListener("click", () => move(index, 1, "down"));
    const li = h("li", { class: "netedu-order-item", "data-key": key }, [
      h("span", { class: "netedu-order-pos", "aria-hidden": "true", text: `${index + 1}.` }),
      h("span", { class: "netedu-order-text", html: items.get(key) }),
      h("span", { class: "netedu-order-buttons" }, [up, down]),
    ]);
    const fb = feedbackFor(ctx, key);
    if (fb) {
      li.dataset.status = ctx.marks.get(key).status;
      li.append(fb);
    }
    list.append(li);
  });
  return list;
}

// --- matching: one native <select> per row and column --------------------------------------
function renderMatching(ctx) {
  const { model } = ctx;
  const columns = model.get("columns");
  const choices = model.get("choices");
  const selection = model.get("selection");
  const table = h("table", { class: "netedu-match" });
  table.append(h("thead", {}, [h("tr", {}, [h("th", { scope: "col", text: "Item" }), ...columns.map((c) => h("th", { scope: "col", text: c }))])]));
  const body = h("tbody");
  for (const row of model.get("rows")) {
    const cells = columns.map((column, col) => {
      const id = `${ctx.uid}-${row.key}-${col}`;
      const select = h("select", { id, "aria-label": `${column} for ${plain(row.html)}` });
      select.append(h("option", { value: "", text: "Choose…" }));
      for (const choice of choices[col]) select.append(h("option", { value: choice.key, text: choice.text }));
      select.value = (selection[row.key] || [])[col] || "";
      select.disabled = ctx.disabled;
      describe(ctx, select, row.key);
      select.addEventListener("change", () => {
        const current = { ...model.get("selection") };
        const values = [...(current[row.key] || columns.map(() => ""))];
        values[col] = select.value;
        current[row.key] = values;
        ctx.local(() => model.set("selection", current));
      });
      return h("td", {}, [select]);
    });
    const tr = h("tr", { "data-key": row.key }, [h("th", { scope: "row", html: row.html }), ...cells]);
    body.append(tr);
    const fb = feedbackFor(ctx, row.key);
    if (fb) {
      tr.dataset.status = ctx.marks.get(row.key).status;
      body.append(h("tr", { class: "netedu-match-feedback", "data-status": ctx.marks.get(row.key).status }, [h("td", { colspan: String(columns.length + 1) }, [fb])]));
    }
  }
  table.append(body);
  return table;
}

// --- hotspot: regions of a picture as a radio group (roving tabindex) -----------------------
function renderHotspot(ctx) {
  const { model } = ctx;
  const [x, y, w, hgt] = model.get("viewbox");
  const regions = model.get("regions");
  const selected = model.get("selected");
  const descId = `${ctx.uid}-alt`;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `${x} ${y} ${w} ${hgt}`);
  svg.setAttribute("class", "netedu-hotspot-svg");
  svg.setAttribute("role", "radiogroup");
  svg.setAttribute("aria-label", "Regions of the picture");
  svg.setAttribute("aria-describedby", descId);
  const img = document.createElementNS(SVG, "image");
  img.setAttribute("href", model.get("image"));
  img.setAttribute("x", x);
  img.setAttribute("y", y);
  img.setAttribute("width", w);
  img.setAttribute("height", hgt);
  img.setAttribute("aria-hidden", "true");
  svg.append(img);
  const nodes = [];
  const choose = (key) => {
    if (ctx.disabled) return;
    ctx.refocus = { key, which: "region" };
    model.set("selected", key);
    model.save_changes();
  };
  regions.forEach((region, i) => {
    const g = document.createElementNS(SVG, "g");
    const shape = document.createElementNS(SVG, region.shape === "rect" ? "rect" : region.shape === "circle" ? "circle" : "polygon");
    const c = region.coords;
    if (region.shape === "rect") Object.entries({ x: c[0], y: c[1], width: c[2], height: c[3] }).forEach(([k, v]) => shape.setAttribute(k, v));
    else if (region.shape === "circle") Object.entries({ cx: c[0], cy: c[1], r: c[2] }).forEach(([k, v]) => shape.setAttribute(k, v));
    else shape.setAttribute("points", c.join(" "));
    g.append(shape);
    const checked = region.key === selected;
    g.setAttribute("class", "netedu-region");
    g.setAttribute("role", "radio");
    g.setAttribute("aria-label", region.label);
    g.setAttribute("aria-checked", String(checked));
    g.setAttribute("data-key", region.key);
    if (ctx.disabled) g.setAttribute("aria-disabled", "true");
    if (ctx.marks.has(region.key)) {
      g.dataset.status = ctx.marks.get(region.key).status;
      describe(ctx, g, region.key);
    }
    const focusable = selected ? checked : i === 0;
    g.setAttribute("tabindex", focusable ? "0" : "-1");
    g.addEventListener("click", () => choose(region.key));
    g.addEventListener("keydown", (event) => {
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
      if (step) {
        event.preventDefault();
        choose(regions[(i + step + regions.length) % regions.length].key);
      } else if (event.key === " " || event.key === "Enter") {
        event.preventDefault();
        choose(region.key);
      }
    });
    nodes.push(g);
    svg.append(g);
  });
  const chosen = regions.find((r) => r.key === selected);
  const status = h("p", { class: "netedu-hotspot-choice", text: chosen ? `Your choice: ${chosen.label}` : "No region chosen yet." });
  const wrap = h("div", { class: "netedu-hotspot" }, [svg, h("p", { class: "netedu-visually-hidden", id: descId, text: model.get("alt") }), status]);
  if (ctx.marks.size) {
    const list = h("ul", { class: "netedu-hotspot-feedback" });
    for (const region of regions) {
      const fb = feedbackFor(ctx, region.key);
      if (fb) list.append(h("li", { "data-status": ctx.marks.get(region.key).status }, [h("p", { class: "netedu-region-name", text: region.label }), fb]));
    }
    wrap.append(list);
  }
  return wrap;
}

const KINDS = { choice: renderChoice, numeric: renderNumeric, ordering: renderOrdering, matching: renderMatching, hotspot: renderHotspot };

// The traits that hold each kind's answer. A submit request carries them: ipywidgets may hold
// back state updates while earlier messages are in flight, but sends custom messages at once,
// so the kernel must grade the answer the learner sees, not the last update that arrived.
const ANSWER = { choice: ["selected"], numeric: ["text"], ordering: ["order"], matching: ["selection"], hotspot: ["selected"] };

function renderResponse({ model, el }) {
  const uid = "netedu-" + Math.random().toString(36).slice(2, 10);
  el.classList.add("netedu-response");
  const legend = h("legend");
  const hint = h("p", { class: "netedu-hint", id: `${uid}-hint` });
  const body = h("div", { class: "netedu-response-body" });
  const fieldset = h("fieldset", { "aria-describedby": hint.id }, [legend, hint, body]);
  const submit = h("button", { type: "button", class: "netedu-submit" });
  const status = h("div", { class: "netedu-status", role: "status", "aria-live": "polite" });
  el.append(fieldset, submit, status);
  const ctx = { model, uid, hintId: hint.id, refocus: null, quiet: false, announce: (text) => (status.textContent = text) };
  // A change the learner made in this page is already on screen: sync it without rebuilding
  // (rebuilding would reset a select's type-ahead or a text box's caret).
  ctx.local = (change) => {
    ctx.quiet = true;
    try {
      change();
    } finally {
      ctx.quiet = false;
    }
    model.save_changes();
  };

  ctx.submit = () => {
    const answer = {};
    for (const name of ANSWER[model.get("kind")] || []) answer[name] = model.get(name);
    model.send({ event: "submit", answer });
  };
  submit.addEventListener("click", () => {
    if (!model.get("submit_disabled")) ctx.submit();
  });

  function updateSubmit() {
    submit.textContent = model.get("submit_label");
    submit.disabled = model.get("submit_disabled");
    submit.hidden = !model.get("show_submit");
  }

  function build() {
    if (ctx.quiet) return;
    const focused = el.contains(document.activeElement) ? document.activeElement : null;
    legend.innerHTML = model.get("prompt_html");
    hint.textContent = model.get("hint");
    ctx.disabled = model.get("disabled");
    ctx.marks = new Map(model.get("marks").map((m) => [m.key, m]));
    const kind = KINDS[model.get("kind")];
    body.replaceChildren(kind ? kind(ctx) : h("p", { text: "This kind of question cannot be shown." }));
    restoreFocus(focused);
  }

  function restoreFocus(previous) {
    const want = ctx.refocus;
    ctx.refocus = null;
    let target = null;
    if (want && want.which === "region") target = body.querySelector(`[data-key="${want.key}"]`);
    else if (want) {
      const item = body.querySelector(`[data-key="${want.key}"]`);
      const buttons = item ? [...item.querySelectorAll("button")] : [];
      target = buttons.find((b) => b.dataset.which === want.which && !b.disabled) || buttons.find((b) => !b.disabled);
    } else if (previous && previous.id) target = body.querySelector(`#${CSS.escape(previous.id)}`);
    if (target) target.focus();
  }

  // An empty announcement clears the live region, so no stale message stays behind.
  const announce = () => {
    status.textContent = model.get("announcement") || "";
  };
  build();
  updateSubmit();
  announce();
  const stops = [
    listen(model, ["kind", "prompt_html", "hint", "disabled", "marks", "options", "multiple", "selected", "label", "unit", "error",
      "items", "order", "rows", "columns", "choices", "selection", "image", "regions"], build),
    listen(model, ["announcement"], announce),
    listen(model, ["submit_label", "submit_disabled", "show_submit"], updateSubmit),
  ];
  return () => stops.forEach((stop) => stop());
}

// --- form: labelled number boxes and radio groups, one submit button, a result area and a
// live region. The submit request carries every value on screen (ipywidgets may hold back
// state updates), and Python answers with per-field errors or a result. ------------------------
function renderForm({ model, el }) {
  const uid = "netedu-form-" + Math.random().toString(36).slice(2, 10);
  el.classList.add("netedu-form");
  const fieldset = h("fieldset");
  const legend = h("legend");
  const hint = h("p", { class: "netedu-hint", id: `${uid}-hint` });
  fieldset.setAttribute("aria-describedby", hint.id);
  const fields = h("div", { class: "netedu-form-fields" });
  fieldset.append(legend, hint, fields);
  const submit = h("button", { type: "button", class: "netedu-submit" });
  const result = h("div", { class: "netedu-form-result" });
  const status = h("div", { class: "netedu-status", role: "status", "aria-live": "polite" });
  el.append(fieldset, submit, result, status);

  const values = () => {
    const out = {};
    for (const f of model.get("fields")) {
      if (f.kind === "number") out[f.key] = fields.querySelector(`#${uid}-${f.key}`).value;
      else {
        const chosen = fields.querySelector(`input[name="${uid}-${f.key}"]:checked`);
        out[f.key] = chosen ? chosen.value : "";
      }
    }
    return out;
  };
  const send = () => model.send({ event: "submit", values: values() });

  function build() {
    legend.innerHTML = model.get("legend_html");
    hint.textContent = model.get("hint");
    const current = model.get("values");
    const errors = model.get("errors");
    const focusedId = el.contains(document.activeElement) ? document.activeElement.id : null;
    fields.replaceChildren();
    for (const f of model.get("fields")) {
      const errorId = `${uid}-${f.key}-error`;
      const error = h("p", { class: "netedu-input-error", id: errorId, text: errors[f.key] ? `⚠ ${errors[f.key]}` : "" });
      if (f.kind === "number") {
        const id = `${uid}-${f.key}`;
        const input = h("input", { type: "text", id, inputmode: "decimal", autocomplete: "off", class: "netedu-number" });
        input.value = current[f.key] ?? "";
        input.setAttribute("aria-describedby", errorId);
        if (errors[f.key]) input.setAttribute("aria-invalid", "true");
        input.addEventListener("keydown", (event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            send();
          }
        });
        const row = h("div", { class: "netedu-number-row" }, [h("label", { for: id, text: f.label }), input]);
        if (f.unit) row.append(h("span", { class: "netedu-unit", text: f.unit }));
        fields.append(h("div", { class: "netedu-form-field" }, [row, error]));
      } else {
        const group = h("fieldset", { class: "netedu-form-choice", "aria-describedby": errorId }, [h("legend", { text: f.label })]);
        for (const [n, option] of f.options.entries()) {
          const id = `${uid}-${f.key}-${n}`;
          const input = h("input", { type: "radio", name: `${uid}-${f.key}`, id, value: option.value });
          input.checked = current[f.key] === option.value;
          group.append(h("div", { class: "netedu-option" }, [input, h("label", { for: id, text: option.label })]));
        }
        fields.append(h("div", { class: "netedu-form-field" }, [group, error]));
      }
    }
    submit.textContent = model.get("submit_label");
    result.innerHTML = model.get("result_html");
    if (focusedId) {
      const again = document.getElementById(focusedId);
      if (again) again.focus();
    }
  }
  const announce = () => {
    if (model.get("announcement")) status.textContent = model.get("announcement");
  };
  submit.addEventListener("click", send);
  build();
  const stops = [
    listen(model, ["fields", "errors", "result_html", "legend_html", "hint", "submit_label", "values"], build),
    listen(model, ["announcement"], announce),
  ];
  return () => stops.forEach((stop) => stop());
}

function render(view) {
  return view.model.get("kind") === "form" ? renderForm(view) : renderResponse(view);
}

export default { render };

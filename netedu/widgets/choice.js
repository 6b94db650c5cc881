// netedu choice group: a real <fieldset> of native radio buttons or checkboxes.
// The answer key never reaches this code: options carry only a position key and
// sanitized HTML; per-option feedback ("marks") arrives after the learner checks.
function render({ model, el }) {
  const uid = "netedu-choice-" + Math.random().toString(36).slice(2, 10);
  el.classList.add("netedu-choice");

  const fieldset = document.createElement("fieldset");
  const legend = document.createElement("legend");
  const hint = document.createElement("p");
  hint.className = "netedu-hint";
  hint.id = uid + "-hint";
  fieldset.setAttribute("aria-describedby", hint.id);
  const list = document.createElement("div");
  list.className = "netedu-options";
  fieldset.append(legend, hint, list);

  // The live region exists before any update, so screen readers announce feedback.
  const status = document.createElement("div");
  status.className = "netedu-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  el.append(fieldset, status);

  function inputs() {
    return [...list.querySelectorAll("input")];
  }

  function onChange() {
    const chosen = inputs().filter((x) => x.checked).map((x) => x.value);
    model.set("selected", chosen);
    model.save_changes();
  }

  function build() {
    legend.innerHTML = model.get("legend_html"); // sanitized in Python
    hint.textContent = model.get("hint");
    const multiple = model.get("multiple");
    const selected = new Set(model.get("selected"));
    const marks = model.get("marks");
    const disabled = model.get("disabled");
    list.replaceChildren();
    model.get("options").forEach((opt, i) => {
      const row = document.createElement("div");
      row.className = "netedu-option";
      const id = `${uid}-${i}`;
      const input = document.createElement("input");
      input.type = multiple ? "checkbox" : "radio";
      input.name = uid;
      input.id = id;
      input.value = opt.key;
      input.checked = selected.has(opt.key);
      input.disabled = disabled;
      input.addEventListener("change", onChange);
      const label = document.createElement("label");
      label.htmlFor = id;
      label.innerHTML = opt.html; // sanitized in Python
      row.append(input, label);
      const mark = marks[i];
      if (mark) {
        row.dataset.status = mark.status;
        const fb = document.createElement("div");
        fb.className = "netedu-option-feedback";
        fb.id = id + "-feedback";
        fb.innerHTML = mark.html; // sanitized in Python
        input.setAttribute("aria-describedby", fb.id);
        row.append(fb);
      }
      list.append(row);
    });
  }

  function syncSelected() {
    const selected = new Set(model.get("selected"));
    inputs().forEach((x) => {
      x.checked = selected.has(x.value);
    });
  }

  function announce() {
    status.textContent = model.get("announcement");
  }

  build();
  announce();
  const rebuild = "change:options change:marks change:disabled change:multiple change:legend_html change:hint";
  model.on(rebuild, build);
  model.on("change:selected", syncSelected);
  model.on("change:announcement", announce);
  return () => {
    model.off(rebuild, build);
    model.off("change:selected", syncSelected);
    model.off("change:announcement", announce);
  };
}

export default { render };

// netedu form: labelled number boxes and radio groups, one submit button, a result area and
// a live region. The submit request carries every value on screen (ipywidgets may hold back
// state updates), and Python answers with per-field errors or a result.

function render({ model, el }) {
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
  const events = "change:fields change:errors change:result_html change:legend_html change:hint change:submit_label change:values";
  model.on(events, build);
  model.on("change:announcement", announce);
  return () => {
    model.off(events, build);
    model.off("change:announcement", announce);
  };
}

export default { render };

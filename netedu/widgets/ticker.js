// netedu ticker: asks the kernel to refresh every interval_ms while "active" and the page is
// visible; the page drives the refresh, so nothing runs once the educator has closed it.

function render({ model, el }) {
  el.hidden = true;
  const tick = () => {
    if (model.get("active") && !document.hidden) model.send({ event: "tick" });
  };
  const timer = setInterval(tick, model.get("interval_ms"));
  return () => clearInterval(timer);
}

export default { render };

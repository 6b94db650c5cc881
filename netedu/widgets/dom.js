// Shared by netedu's ES modules (prepended to each by Python: anywidget modules have no
// bundler to import with).

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


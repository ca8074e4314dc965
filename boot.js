// Starts the app. An external module rather than trunk's injected inline script, so the
// Content-Security-Policy can forbid inline scripts altogether (script-src 'self').
import init from "./retention-lab.js";

// Charts: brings the SVG in `host` to new markup by replacing only the elements that changed.
// While a slider moves, a chart is redrawn every frame, and most of it (axes, tick labels,
// legend, title) is the same as before. Replacing the whole SVG made the browser parse, style
// and shape every label again. plotters writes one element per line (a <text> on three), so
// the markup splits into its elements as strings; those equal to what is shown are left alone
// and only the others are parsed and swapped in. Anything else (a first drawing, another
// chart's shape, a redraw where most elements changed) replaces the whole SVG. The wasm (src/hooks/svg_patch.rs) calls it as the
// global `retentionLabPatchSvg`; the host's children belong to this function alone.
const shown = new WeakMap();
const parser = document.createElement("template");

function parts(markup) {
  const list = markup.match(/<[^/][^>]*\/>\n|<(\w+)[^>]*>\n[^<]*<\/\1>\n|<\/?svg[^>]*>\n?/g);
  return list && list.join("") === markup ? list : null;
}

function patchSvg(host, markup) {
  const next = parts(markup);
  const old = shown.get(host);
  const svg = host.firstElementChild;
  shown.set(host, next);
  if (!next || !old || !svg || old[0] !== next[0] || old.length !== svg.childElementCount + 2) {
    host.innerHTML = markup;
    return;
  }
  const changed = [];
  for (let i = 1; i < next.length - 1; i++) if (old[i] !== next[i]) changed.push(i);
  // When most of it changed (a tornado's bars all move), one replacement is cheaper.
  if (changed.length * 3 > next.length) {
    host.innerHTML = markup;
    return;
  }
  if (changed.length) {
    parser.innerHTML = "<svg>" + changed.map((i) => next[i]).join("") + "</svg>";
    const fresh = Array.from(parser.content.firstChild.children);
    changed.forEach((i, k) => {
      const current = svg.children[i - 1];
      if (current) svg.replaceChild(fresh[k], current);
      else svg.appendChild(fresh[k]);
    });
    parser.innerHTML = "";
  }
  while (svg.childElementCount > next.length - 2) svg.lastElementChild.remove();
}

globalThis.retentionLabPatchSvg = patchSvg;
init();

// Offline after the first visit (sw.js). Not on file:// or where service workers are absent.
if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
  navigator.serviceWorker.register("./sw.js").catch(() => {});
}

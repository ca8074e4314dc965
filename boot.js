// Starts the app. An external module rather than trunk's injected inline script, so the
// Content-Security-Policy can forbid inline scripts altogether (script-src 'self').
import init from "./retention-lab.js";

// Charts: brings the SVG in `host` to new markup, touching only the elements that changed.
// While a slider moves, a chart is redrawn every frame, and most of it (axes, tick labels,
// legend, title) is the same as before. Replacing the whole SVG made the browser parse, style
// and lay out every label again (SVG text layout is the costly part). plotters writes one
// element per line (a <text> on three), so the markup splits into its elements as strings.
// The elements the old and new lists start and end with alike are left alone; in between,
// an old element of the same kind as a new one is brought to it by setting the attributes and
// text that differ (a bar that grew, a moved tick); the rest is parsed and inserted, or
// removed. Anything else (a first drawing, another chart's size) replaces the
// whole SVG. The wasm (src/hooks/svg_patch.rs) calls it as the global `retentionLabPatchSvg`;
// the host's children belong to this function alone.
const shown = new WeakMap();
const parser = document.createElement("template");

function parts(markup) {
  const list = markup.match(/<[^/][^>]*\/>\n|<(\w+)[^>]*>\n[^<]*<\/\1>\n|<\/?svg[^>]*>\n?/g);
  return list && list.join("") === markup ? list : null;
}

// An opening tag split at its quotes: names and values alternate ('<rect x=', '12', ' y=', …).
const pieces = (part) => part.slice(0, part.indexOf(">")).split('"');
const textOf = (part) => part.slice(part.indexOf(">") + 1, part.lastIndexOf("<"));

// Brings `node`, drawn from part `from`, to part `to`: same tag and attribute names, so only
// values and text differ. False (and nothing done) otherwise, or if `to` holds an entity,
// which the parser decodes.
function morph(node, from, to) {
  const old = pieces(from), now = pieces(to);
  if (old.length !== now.length || to.includes("&") || old.some((p, k) => k % 2 < 1 && p !== now[k])) return false;
  now.forEach((value, k) => {
    if (k % 2 && value !== old[k]) node.setAttribute(now[k - 1].slice(now[k - 1].lastIndexOf(" ") + 1, -1), value);
  });
  const text = textOf(to);
  if (text !== textOf(from)) node.textContent = text;
  return true;
}

function patchSvg(host, markup) {
  const next = parts(markup), old = shown.get(host), svg = host.firstElementChild;
  shown.set(host, next);
  if (!next || !old || !svg || old[0] !== next[0] || old.length !== svg.childElementCount + 2) {
    host.innerHTML = markup;
    return;
  }
  // Elements 1 … length − 2 (0 and the last are <svg> and </svg>); nodes[i] shows old[i + 1].
  const nodes = Array.from(svg.children);
  let first = 1, oldEnd = old.length - 1, newEnd = next.length - 1;
  while (first < oldEnd && first < newEnd && old[first] === next[first]) first++;
  while (oldEnd > first && newEnd > first && old[oldEnd - 1] === next[newEnd - 1]) oldEnd--, newEnd--;
  // In between, each new element morphs the next old one it can; the others are parsed.
  const target = [], fresh = [];
  let i = first;
  for (let j = first; j < newEnd; j++) {
    let k = i;
    while (k < oldEnd && !morph(nodes[k - 1], old[k], next[j])) k++;
    if (k < oldEnd) {
      while (i < k) nodes[i++ - 1].remove();
      target.push(nodes[i++ - 1]);
    } else target.push(fresh.push(next[j]) - 1);
  }
  while (i < oldEnd) nodes[i++ - 1].remove();
  if (fresh.length) {
    parser.innerHTML = "<svg>" + fresh.join("") + "</svg>";
    const parsed = Array.from(parser.content.firstChild.children);
    target.forEach((t, x) => typeof t === "number" && (target[x] = parsed[t]));
  }
  // Into place from the end, moving only what is not there already (a move re-lays it out).
  let after = nodes[oldEnd - 1] ?? null;
  for (let x = target.length - 1; x >= 0; x--) {
    if (target[x].nextElementSibling !== after || target[x].parentNode !== svg) svg.insertBefore(target[x], after);
    after = target[x];
  }
  parser.innerHTML = "";
}

globalThis.retentionLabPatchSvg = patchSvg;

// Offline after the first visit (sw.js). Not on file:// or where service workers are absent.
// Registered once the app has started and the page is idle: installing downloads every file of
// the release again (both XLSX workers included), and on one slow line that download competed
// with the first load (measured through one shared 10 Mbit/s line with the CPU throttled 4×:
// first render about 2.1 s when registered at once, 1.2 s without the install).
function registerServiceWorker() {
  if (!("serviceWorker" in navigator) || !location.protocol.startsWith("http")) return;
  const register = () => navigator.serviceWorker.register("./sw.js").catch(() => {});
  if ("requestIdleCallback" in globalThis) requestIdleCallback(register, { timeout: 3000 });
  else setTimeout(register, 1000);
}

init().then(registerServiceWorker, registerServiceWorker);

// The load budget as users feel it (README "Load budget", design.md "Load budget"): Chromium
// through CDP with the CPU throttled 4× (Emulation.setCPUThrottlingRate) and the network at
// 10 Mbit/s down, 5 Mbit/s up, 40 ms latency (Network.emulateNetworkConditions), a fresh
// browser context for every run, medians of `runs`:
//   1. navigation → the sample's first section rendered (metric-ndr visible)        ≤ 2.5 s
//   2. a repeat visit with the network off (sw.js answers from its cache)            ≤ 1.0 s
//   3. each section's first figure or chart after its nav-* click                    ≤ 1.0 s
// Every time is taken in the page: performance.now() (which counts from the navigation's
// start) in the first animation frame in which the element is visible, polled every frame,
// so no Node round trip is counted. A click counts from its event's timeStamp (when the
// browser received the input), so a main thread still busy when the user clicks is counted.
//
// Used by run.mjs (`measureLoad`), or on its own, serving a dist directory:
//   node tests/bench/load.mjs <dist dir> [--raw] [--runs N]
// which prints the medians against the goals. The server sends gzip (as any static host
// does; the first-load guard rail is counted in gzip bytes too) unless --raw is given.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

export const GOALS = { firstRender: 2500, offlineRepeat: 1000, section: 1000 };
export const SECTIONS = ["data", "economics", "health", "renewal", "cohorts", "operations", "team", "strategy"];
/** The section the app opens with; its own click is measured coming back from another. */
const DEFAULT_SECTION = "economics";
const NETWORK = { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 5e6 / 8 };
const CPU_RATE = 4;
const VIEWPORT = { width: 1440, height: 900 };
const TIMEOUT = 60_000;

export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/**
 * Serves `root` on a random 127.0.0.1 port with the right MIME types (service workers and
 * WebAssembly.instantiateStreaming need them); gzip -9 when the browser accepts it, unless
 * `gzip` is false. `requests()` counts the requests answered so far (a check that the offline
 * visit never reached the server). Resolves with { origin, close, requests }.
 */
export async function serveDir(root, { gzip = true } = {}) {
  const base = resolve(root);
  const packed = new Map();
  let count = 0;
  const server = createServer(async (req, res) => {
    count++;
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    const file = join(base, path === "/" || path === sep ? "index.html" : path);
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream" };
      if (gzip && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
        if (!packed.has(file)) packed.set(file, gzipSync(body, { level: 9 }));
        const zipped = packed.get(file);
        res.writeHead(200, { ...headers, "content-encoding": "gzip", "content-length": zipped.length, vary: "accept-encoding" });
        res.end(zipped);
      } else {
        res.writeHead(200, { ...headers, "content-length": body.length });
        res.end(body);
      }
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((r) => server.close(r)),
    requests: () => count,
  };
}

/** The median; a failed run counts as Infinity (slower than any goal). */
export const median = (xs) => {
  const sorted = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
};

// --- In-page watchers (serialised into the page: no closures over this module) ----------

/**
 * Init script, run at the start of every document of the context: polls every animation
 * frame until `selector` is visible, then keeps that frame's performance.now() in
 * window.__loadBench. Visible as Playwright means it: a non-empty box, not visibility:hidden.
 */
function watchFirstRender(selector) {
  const state = (window.__loadBench = { done: false, t: null });
  const tick = () => {
    const el = document.querySelector(selector);
    if (el) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden") {
        state.t = performance.now();
        state.done = true;
        return;
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * Arms the page for one nav click: a capture listener takes the click's timeStamp, then every
 * animation frame looks for the first visible figure or chart inside the section; the frame
 * that finds one gives the end time. Results in window.__sectionBench.
 */
function armSection({ slug, figure }) {
  const state = (window.__sectionBench = { done: false, slug });
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden";
  };
  const tick = () => {
    const root = document.querySelector(`[data-testid="section-${slug}"]`);
    const el = root && Array.from(root.querySelectorAll(figure)).find(visible);
    if (el) {
      state.t1 = performance.now();
      state.which = el.dataset?.testid ?? `svg in ${el.closest("[data-chart]")?.dataset.chart ?? "?"}`;
      state.done = true;
      return;
    }
    requestAnimationFrame(tick);
  };
  const onClick = (event) => {
    if (!event.target.closest?.(`[data-testid="nav-${slug}"]`)) return;
    removeEventListener("click", onClick, true);
    const now = performance.now();
    // The input's own time when the browser gives a sane one; else the listener's.
    state.t0 = event.timeStamp > 0 && event.timeStamp <= now ? event.timeStamp : now;
    state.inputDelay = now - state.t0;
    requestAnimationFrame(tick);
  };
  addEventListener("click", onClick, true);
}

// --- Measures ----------------------------------------------------------------------------

/** A fresh context and page with a CDP session; throttled at once unless `throttle` is false. */
async function freshPage(browser, { throttle = true } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(watchFirstRender, '[data-testid="metric-ndr"]');
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  if (throttle) await throttlePage(cdp);
  return { context, page, cdp, errors };
}

async function throttlePage(cdp, network = NETWORK) {
  await cdp.send("Network.emulateNetworkConditions", network);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_RATE });
}

/** Navigates and resolves with the in-page time of the first frame showing metric-ndr. */
async function timeNavigation(page, origin) {
  await page.goto(origin + "/", { waitUntil: "commit", timeout: TIMEOUT });
  // Polled every 50 ms, not every frame, so the wait adds little work to the page's frames.
  await page.waitForFunction(() => window.__loadBench?.done, null, { timeout: TIMEOUT, polling: 50 });
  return page.evaluate(() => window.__loadBench.t);
}

/** Waits until the page has settled after loading: service worker installed, main thread idle. */
async function settle(page) {
  await page.evaluate(() => Promise.race([
    navigator.serviceWorker ? navigator.serviceWorker.ready : Promise.resolve(),
    new Promise((r) => setTimeout(r, 20_000)),
  ]).then(() => new Promise((r) => requestIdleCallback(() => r(), { timeout: 5_000 }))));
}

/** One nav click, timed in the page: { ms, which, inputDelay }. */
async function timeSectionClick(page, slug) {
  await page.evaluate(armSection, { slug, figure: '[data-testid^="metric-"], svg' });
  await page.locator(`[data-testid="nav-${slug}"]`).click({ timeout: TIMEOUT });
  await page.waitForFunction(() => window.__sectionBench?.done, null, { timeout: TIMEOUT, polling: 50 });
  const s = await page.evaluate(() => window.__sectionBench);
  return { ms: s.t1 - s.t0, which: s.which, inputDelay: s.inputDelay };
}

/**
 * Runs `fn` up to `tries` times (a run may hit a transient browser hiccup); null when every
 * try failed (a time-out, say), the failure noted in `errors`, so one bad run does not lose
 * a whole benchmark session.
 */
async function attempt(fn, errors, what, tries = 2) {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      const message = `${what}: ${e.message.split("\n")[0]}`;
      console.error(`  ${i < tries ? "retrying after" : "failed"}: ${message}`);
      if (i >= tries) {
        errors.push(`FAILED ${message}`);
        return null;
      }
    }
  }
}

/**
 * Measures the load budget `runs` times each. Returns { firstRender: [ms…], offlineRepeat:
 * [ms…], sections: { slug: [ms…] }, details } with details for the report (what was seen,
 * input delays, the offline check, what the service worker's install fetched before the
 * first render). `options.serverRequests`, when given, counts the server's requests and
 * proves the offline visits never reached it; `options.log` prints progress.
 */
export async function measureLoad(browser, origin, runs = 5, options = {}) {
  const log = options.log ?? (() => {});
  const result = { firstRender: [], offlineRepeat: [], sections: Object.fromEntries(SECTIONS.map((s) => [s, []])) };
  const details = {
    errors: [],
    swBeforeRender: [],
    network: [],
    offline: [],
    sections: Object.fromEntries(SECTIONS.map((s) => [s, []])),
  };

  /** One run in a fresh context (closed whatever happens); page errors go to the details. */
  const run = (what, throttle, fn) => attempt(async () => {
    const fresh = await freshPage(browser, { throttle });
    try {
      return await fn(fresh);
    } finally {
      details.errors.push(...fresh.errors.map((e) => `${what}: ${e}`));
      await fresh.context.close();
    }
  }, details.errors, what);

  // 1. Navigation → sample rendered.
  for (let i = 0; i < runs; i++) {
    const ms = await run(`first render ${i + 1}`, true, async ({ context, page }) => {
      // What the service worker's install fetches while the page still loads (its requests
      // are not under the page's CDP network emulation).
      const sw = [];
      context.on("requestfinished", (r) => {
        if (r.serviceWorker()) sw.push({ start: r.timing().startTime, bytes: r.sizes().then((z) => z.responseBodySize, () => 0) });
      });
      const t = await timeNavigation(page, origin);
      const { timeOrigin, wasm } = await page.evaluate(() => {
        const e = performance.getEntriesByType("resource").find((r) => r.name.endsWith("_bg.wasm"));
        return { timeOrigin: performance.timeOrigin, wasm: e && { bytes: e.transferSize, ms: e.responseEnd - e.requestStart } };
      });
      const before = sw.filter((r) => r.start > 0 && r.start < timeOrigin + t);
      const bytes = (await Promise.all(before.map((r) => r.bytes))).reduce((x, y) => x + y, 0);
      details.swBeforeRender.push({ files: before.length, bytes });
      if (wasm) details.network.push(wasm);
      return t;
    });
    result.firstRender.push(ms ?? Infinity);
    log(`  first render ${i + 1}: ${fmt(ms ?? Infinity)}`);
  }

  // 2. Repeat visit with the network off: one visit on the normal network, wait until the
  // service worker controls the page, then offline (Playwright's setOffline reaches the
  // service worker too; CDP on the page as well), CPU 4×, and navigate again.
  for (let i = 0; i < runs; i++) {
    const ms = await run(`offline repeat ${i + 1}`, false, async ({ context, page, cdp }) => {
      await timeNavigation(page, origin);
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: TIMEOUT });
      await context.setOffline(true);
      await throttlePage(cdp, { ...NETWORK, offline: true });
      const fromNetwork = [];
      page.on("response", (r) => {
        if (r.url().startsWith("http") && !r.fromServiceWorker()) fromNetwork.push(r.url());
      });
      context.on("requestfinished", (r) => {
        if (r.serviceWorker()) fromNetwork.push(`(service worker) ${r.url()}`);
      });
      const served = options.serverRequests?.();
      const t = await timeNavigation(page, origin);
      const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
      const serverHits = served === undefined ? null : options.serverRequests() - served;
      details.offline.push({ controlled, fromNetwork, serverHits });
      return t;
    });
    result.offlineRepeat.push(ms ?? Infinity);
    log(`  offline repeat ${i + 1}: ${fmt(ms ?? Infinity)}`);
  }

  // 3. Each section: load (throttled), settle, click its nav entry, first figure or chart.
  // The default section is measured coming back to it from the data section.
  for (const slug of SECTIONS) {
    for (let i = 0; i < runs; i++) {
      const r = (await run(`nav-${slug} ${i + 1}`, true, async ({ page }) => {
        await timeNavigation(page, origin);
        await settle(page);
        if (slug === DEFAULT_SECTION) {
          await timeSectionClick(page, "data");
          await settle(page);
        }
        return timeSectionClick(page, slug);
      })) ?? { ms: Infinity, which: "failed", inputDelay: NaN };
      result.sections[slug].push(r.ms);
      details.sections[slug].push({ which: r.which, inputDelay: r.inputDelay });
      log(`  nav-${slug} ${i + 1}: ${fmt(r.ms)} (${r.which}; input delay ${r.inputDelay.toFixed(1)} ms)`);
    }
  }

  // Sanity: the CPU throttle really slows the page (a fixed loop, throttled vs not).
  details.cpuRatio = await cpuRatio(browser);
  return { ...result, details };
}

/** The page's slowdown under setCPUThrottlingRate 4 on a fixed loop (about 4 expected). */
async function cpuRatio(browser) {
  const loop = () => {
    const t = performance.now();
    let x = 0;
    for (let i = 0; i < 1e8; i++) x = (x + i * 7) % 1000003;
    return [performance.now() - t, x];
  };
  const times = [];
  for (const rate of [1, CPU_RATE]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto("about:blank");
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    await page.evaluate(loop);
    times.push(median([await page.evaluate(loop), await page.evaluate(loop), await page.evaluate(loop)].map((r) => r[0])));
    await context.close();
  }
  return times[1] / times[0];
}

// --- Report rows (also used by run.mjs) ---------------------------------------------------

const fmt = (ms) => (Number.isFinite(ms) ? `${Math.round(ms).toLocaleString("en")} ms` : "failed");
const verdict = (ms, goal) => (Number.isFinite(ms) && ms <= goal ? "met" : "**not met**");
const all = (xs) => xs.map(fmt).join(", ");

/** Markdown rows: | figure | measured | goal | verdict |, in the order of run.mjs's table. */
export function loadRows(m, runs = m.firstRender.length) {
  const row = (label, xs, goal) => `| ${label} | ${fmt(median(xs))} (all: ${all(xs)}) | ≤ ${(goal / 1000).toFixed(1)} s | ${verdict(median(xs), goal)} |`;
  return [
    row(`navigation → sample rendered, CPU 4×, 10 Mbit/s, 40 ms (median of ${runs})`, m.firstRender, GOALS.firstRender),
    row("repeat visit offline (service worker), CPU 4×", m.offlineRepeat, GOALS.offlineRepeat),
    ...SECTIONS.map((s) => row(`nav-${s} click → first figure, CPU 4×, 10 Mbit/s`, m.sections[s], GOALS.section)),
  ];
}

// --- On its own -------------------------------------------------------------------------

async function main() {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith("--") && !/^\d+$/.test(a));
  const runsAt = args.indexOf("--runs");
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
  if (!dir) {
    console.error("usage: node tests/bench/load.mjs <dist dir> [--raw] [--runs N]");
    process.exit(2);
  }
  const gzip = !args.includes("--raw");
  const server = await serveDir(dir, { gzip });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    console.log(`serving ${resolve(dir)} at ${server.origin} (${gzip ? "gzip" : "uncompressed"}); ${runs} runs each`);
    const m = await measureLoad(browser, server.origin, runs, { serverRequests: server.requests, log: console.log });
    const d = m.details;
    console.log("");
    console.log("| figure | measured | goal | |");
    console.log("|---|---:|---|---|");
    for (const line of loadRows(m, runs)) console.log(line);
    console.log("");
    const offlineLeaks = d.offline.filter((o) => o.fromNetwork.length || o.serverHits || !o.controlled);
    console.log(`- CPU throttle check: a fixed loop ran ${d.cpuRatio.toFixed(2)}× slower at rate ${CPU_RATE}`);
    console.log(`- main wasm over the emulated network: ${d.network.map((w) => `${(w.bytes / 1024).toFixed(0)} KB in ${w.ms.toFixed(0)} ms = ${((w.bytes * 8) / w.ms / 1000).toFixed(1)} Mbit/s`).join("; ")}`);
    console.log(`- service worker install fetches started before the first render (not throttled by the page's CDP emulation; a real 10 Mbit/s line would share them): ${d.swBeforeRender.map((s) => `${s.files} files ${(s.bytes / 1024).toFixed(0)} KB`).join("; ")}`);
    console.log(`- offline visits: ${offlineLeaks.length ? `NOT offline: ${JSON.stringify(offlineLeaks)}` : `all controlled by the service worker, 0 responses from the network, server requests ${d.offline.map((o) => o.serverHits).join(", ")}`}`);
    for (const s of SECTIONS) {
      console.log(`- nav-${s}: first seen ${[...new Set(d.sections[s].map((x) => x.which))].join(" / ")}; click input delay ${d.sections[s].map((x) => x.inputDelay.toFixed(1)).join(", ")} ms`);
    }
    if (d.errors.length) console.log(`- page errors: ${[...new Set(d.errors)].join(" | ")}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
  process.exit(0);
}

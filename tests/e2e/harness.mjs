// Shared e2e set-up: serve dist/ on a random loopback port, launch Debian's Chromium, and
// watch every page for console errors, uncaught exceptions and requests to other origins.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { before, after } from "node:test";
import { mkdir } from "node:fs/promises";

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = join(here, "..", "..", "dist");
export const SCREENSHOTS = join(here, "screenshots");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

/** Serves dist/ as trunk would; resolves with { origin, close }. */
export async function serveDist() {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    const file = join(DIST, path === "/" ? "index.html" : path);
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function launchBrowser() {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/**
 * Opens a page that records problems: console errors, page errors, and any request whose
 * origin is not the app's own (data: URLs are the page's own inline content).
 */
export async function watchedPage(context, origin) {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("request", (req) => {
    const url = req.url();
    if (!url.startsWith("data:") && new URL(url).origin !== origin) {
      problems.push(`request to another origin: ${url}`);
    }
  });
  return { page, problems };
}

/**
 * Registers before/after hooks that serve dist/ and launch the browser for one test file, and
 * returns `openApp()`: a fresh context (empty storage), projector-sized, with the app loaded.
 */
export function appSuite() {
  let server;
  let browser;
  before(async () => {
    server = await serveDist();
    browser = await launchBrowser();
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    origin: () => server.origin,
    /** `path` (with a fragment, say) and `initScript` (run before the page's own; a function,
     *  or `[function, argument]`) optional. */
    async openApp(AppPage, { path = "/", initScript, permissions = [] } = {}) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
      if (permissions.length) await context.grantPermissions(permissions, { origin: server.origin });
      if (initScript) await context.addInitScript(...(Array.isArray(initScript) ? initScript : [initScript]));
      const { page, problems } = await watchedPage(context, server.origin);
      const app = new AppPage(page);
      await app.open(server.origin, path);
      return { context, page, app, problems };
    },
  };
}

/** A non-finite number as a page could show it ("NaN", "Infinity", "-inf", "undefined"): a
 *  whole ASCII word, so a name like "Information" or "Winfred" does not count, while "增长NaN"
 *  does. */
export const NON_FINITE = /(?<![A-Za-z0-9])-?(?:NaN|Infinity|inf|undefined)(?![A-Za-z0-9])/;

/** The figures under `scope` that show a non-finite number: metric values, numeric cells and
 *  every data-value. Names the data brings (a segment called "Infinity Labs") sit in other
 *  cells and are not read. */
export async function nonFiniteFigures(page, scope) {
  const figures = await page.locator(`${scope} .metric__value, ${scope} td.num, ${scope} [data-value]`).evaluateAll((els) =>
    els.flatMap((e) => [e.classList.contains("metric__value") || e.tagName === "TD" ? e.innerText : "", e.dataset.value ?? ""]));
  return figures.filter((t) => NON_FINITE.test(t));
}

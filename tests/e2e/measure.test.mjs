// Browser measurements (reported, not asserted: speed targets live in benchmarks): a
// 1,000,000-row long-form CSV imported through the UI, then its cohort triangle and sBG fit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { mkdtemp, writeFile } from "node:fs/promises";
import { appSuite } from "./harness.mjs";
import { AppPage } from "./app-page.mjs";
import { customersCsv } from "./customers.mjs";

const suite = appSuite();

/** The same generator as `benches/support/synthetic.rs` would be overkill here: any
 * deterministic 1M-row long-form file over 36 months serves. */
function longFormCsv(rows) {
  const lines = ["customer_id,month,mrr"];
  let state = 88172645463325252n;
  const next = () => {
    state ^= state << 13n; state &= (1n << 64n) - 1n;
    state ^= state >> 7n;
    state ^= state << 17n; state &= (1n << 64n) - 1n;
    return Number(state % 1000003n);
  };
  for (let c = 1; lines.length <= rows; c++) {
    const start = next() % 36;
    const length = 1 + (next() % 36);
    const mrr = 50 + (next() % 5000);
    for (let m = start; m < Math.min(36, start + length) && lines.length <= rows; m++) {
      lines.push(`C${String(c).padStart(6, "0")},${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")},${mrr}`);
    }
  }
  return lines.join("\n") + "\n";
}

test("1,000,000 rows: import, then cohort triangle + sBG fit, timed in the browser", async () => {
  const { context, page, app, problems } = await suite.openApp(AppPage);
  const path = join(await mkdtemp(join(tmpdir(), "rl-measure-")), "million.csv");
  await writeFile(path, longFormCsv(1_000_000));
  await app.showSection("data");
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((l) => window.__longTasks.push(...l.getEntries().map((e) => e.duration))).observe({ type: "longtask" });
  });
  const t0 = Date.now();
  await app.byTestId("import-file").setInputFiles(path);
  await page.locator('[data-testid="import-confirm"]:not([disabled])').waitFor({ timeout: 120_000 });
  const readAndChecked = Date.now() - t0;
  await app.confirmImport();
  assert.equal(await app.metric("subscription-rows"), 1_000_000);
  const importTasks = await page.evaluate(() => window.__longTasks.splice(0));

  const t1 = await page.evaluate(() => performance.now());
  await app.byTestId("nav-cohorts").click();
  await app.byTestId("metric-sbg-alpha").waitFor({ timeout: 60_000 });
  const triangleMs = (await page.evaluate(() => performance.now())) - t1;
  assert.equal(await app.metric("cohorts"), 36);

  const t2 = await page.evaluate(() => performance.now());
  await app.byTestId("input-cohort-measure").selectOption("revenue");
  await page.locator('[data-testid="input-cohort-measure"]').evaluate((el) => el.value);
  const toggleMs = (await page.evaluate(() => performance.now())) - t2;

  console.log(`# measure: 1M-row import read+checked ${readAndChecked} ms; longest task during import ${Math.round(Math.max(0, ...importTasks))} ms`);
  console.log(`# measure: open Cohorts (triangle + sBG fit + render) ${Math.round(triangleMs)} ms; measure toggle (redraw, no refit) ${Math.round(toggleMs)} ms`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("100,000 customers: scoring and the renewal fit, timed in the browser", async () => {
  const { context, page, app, problems } = await suite.openApp(AppPage);
  const path = join(await mkdtemp(join(tmpdir(), "rl-measure-")), "customers-100k.csv");
  await writeFile(path, customersCsv(100_000));
  await app.showSection("data");
  await app.byTestId("import-file").setInputFiles(path);
  await page.locator('[data-testid="import-confirm"]:not([disabled])').waitFor({ timeout: 120_000 });
  await app.confirmImport();
  // Each figure: from the click (or the slider's input event) to the metric showing, which is
  // the whole update: the model over 100,000 customers, then Yew rendering the section.
  const timed = (open) => page.evaluate(async ({ open }) => {
    const t0 = performance.now();
    document.querySelector(`[data-testid="${open.click}"]`).click();
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      const el = document.querySelector(`[data-testid="${open.metric}"]`);
      if (el && el.dataset.value !== open.before) return performance.now() - t0;
    }
  }, { open });
  const healthMs = await timed({ click: "nav-health", metric: "metric-portfolio-health", before: undefined });
  assert.ok(await app.metric("portfolio-health") > 0);
  const before = await app.byTestId("metric-portfolio-health").getAttribute("data-value");
  const weightMs = await page.evaluate(async (before) => {
    const t0 = performance.now();
    const input = document.querySelector('[data-testid="input-weight-north-star"]');
    input.value = "10";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      if (document.querySelector('[data-testid="metric-portfolio-health"]').dataset.value !== before) return performance.now() - t0;
    }
  }, before);
  const renewalMs = await timed({ click: "nav-renewal", metric: "metric-auc", before: undefined });
  assert.ok(await app.metric("auc") > 0.6);
  console.log(`# measure: 100,000 customers: open Health (score + tiers + render) ${Math.round(healthMs)} ms; weight drag (re-score + render) ${Math.round(weightMs)} ms; open Renewal (fit + forecast + render) ${Math.round(renewalMs)} ms`);
  // The Operations and Team panels are computed on the page's main thread (issue 24: a
  // computation that blocks it over 50 ms with 100,000 customers may move to a worker): from
  // the click to the first panel drawn, and the longest main-thread task meanwhile.
  const panelsTimed = (click, panel) => page.evaluate(async ({ click, panel }) => {
    const tasks = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: "longtask" });
    const t0 = performance.now();
    document.querySelector(`[data-testid="${click}"]`).click();
    while (!document.querySelector(`[data-testid="${panel}"]`)) await new Promise((r) => requestAnimationFrame(r));
    const ms = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    return { ms, longest: Math.max(0, ...tasks) };
  }, { click, panel });
  const ops = await panelsTimed("nav-operations", "ops-northstar");
  const team = await panelsTimed("nav-team", "team-tiers");
  console.log(`# measure: 100,000 customers: open Operations (6 panels) ${Math.round(ops.ms)} ms, longest main-thread task ${Math.round(ops.longest)} ms; open Team (2 panels) ${Math.round(team.ms)} ms, longest task ${Math.round(team.longest)} ms`);
  assert.deepEqual(problems, []);
  await context.close();
});

// End to end: retention-economics scenarios, the vendor worked examples through the UI.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { appSuite, SCREENSHOTS } from "./harness.mjs";
import { AppPage } from "./app-page.mjs";

const suite = appSuite();

async function openScenarios() {
  const opened = await suite.openApp(AppPage);
  await opened.app.byTestId("economics-view-scenarios").click();
  await opened.app.byTestId("scenarios").waitFor();
  return opened;
}

const near = (a, b, tolerance = 1e-6) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));

test("vendor worked examples: LTV 2,000 and payback 15 months", async () => {
  const { context, app, problems } = await openScenarios();
  // ARPA 100 a month at 5 % monthly churn, margin 100 %: simple LTV 2,000.
  await app.fill("arpa", "100");
  await app.fill("monthly-churn", "5%");
  await app.fill("gross-margin", "100");
  await app.fill("horizon", "30");
  assert.ok(near(await app.metric("ltv-simple"), 2000), `LTV ${await app.metric("ltv-simple")}`);
  // CAC 12,000 with ARPA 1,000 a month at 80 % margin: payback 15 months.
  await app.fill("arpa", "1,000");
  await app.fill("gross-margin", "80 %");
  await app.fill("cac", "¥12,000");
  assert.ok(near(await app.metric("payback-months"), 15));
  // Logo renewal and monthly churn are one number: 5 % a month is 54.0 % a year.
  assert.ok(near(Number((await app.scoped("input-logo-renewal").inputValue()).replace("%", "")), 54.036, 1e-4));
  assert.deepEqual(problems, []);
  await context.close();
});

test("the executive's question: renewal 80→85 % and upsell 10→15 % side by side", async () => {
  const { context, page, app, problems } = await openScenarios();
  assert.ok(near(await app.metric("ndr"), 0.8 * (1 - 0.05 + 0.1)), "baseline NDR = 80 % × (1 − 5 % + 10 %)");
  await app.byTestId("preset-renewal-plus-5").click();
  assert.ok(near(Number(await app.scoped("input-logo-renewal", 1).inputValue()), 85));
  await app.fill("expansion-rate", "15", 1);
  assert.ok(near(await app.metric("ndr", 1), 0.85 * (1 - 0.05 + 0.15)));
  assert.ok((await app.metric("ltv-discounted", 1)) > (await app.metric("ltv-discounted")));
  assert.ok((await app.metric("next-year-revenue", 1)) > (await app.metric("next-year-revenue")));
  await app.byTestId("preset-upsell-ndr-120").click();
  assert.ok(near(await app.metric("ndr", 2), 1.2));
  // The onboarding preset is gone (the Operations section's lever replaces it): a copy of the
  // baseline makes the fourth scenario.
  assert.equal(await app.byTestId("preset-cut-onboarding-churn").count(), 0);
  await app.scoped("scenario-duplicate").click();
  assert.equal(await app.page.locator('[data-testid="scenario-name"]').count(), 4);
  assert.ok(await app.byTestId("preset-renewal-plus-5").isDisabled(), "four scenarios at most");
  await page.screenshot({ path: join(SCREENSHOTS, "economics-scenarios-zh.png"), fullPage: true });
  // An invalid entry is flagged beside the field; the scenario keeps its last results.
  const before = await app.metric("ndr", 1);
  await app.fill("expansion-rate", "lots", 1);
  await app.scoped("error-expansion-rate", 1).waitFor();
  assert.equal(await app.metric("ndr", 1), before);
  await app.scoped("scenario-delete", 3).click();
  assert.equal(await app.page.locator('[data-testid="scenario-name"]').count(), 3);
  await app.toggleLanguage();
  // The names the app gave follow the language; the scenarios were added in Chinese.
  assert.equal(await app.scoped("scenario-name").inputValue(), "Baseline");
  assert.equal(await app.scoped("scenario-name", 1).inputValue(), "Renewal +5 points");
  assert.equal(await app.scoped("scenario-name", 2).inputValue(), "Upsell to NDR 120%");
  await page.screenshot({ path: join(SCREENSHOTS, "economics-scenarios-en.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("a chart updated in place is the chart it was given, edit after edit", async () => {
  const { context, page, app, problems } = await openScenarios();
  await app.byTestId("preset-upsell-ndr-120").click();
  for (const tab of ["projection", "ltv", "sensitivity"]) {
    await app.byTestId(`chart-tab-${tab}`).click();
    // Values that keep the axes, move them, and add or drop bars and ticks.
    const mismatches = await page.evaluate(async () => {
      const latest = new Map();
      const patch = globalThis.retentionLabPatchSvg;
      globalThis.retentionLabPatchSvg = (host, markup) => {
        latest.set(host, markup);
        patch(host, markup);
      };
      // An element as a comparable list: its tag, its attributes in name order and its text.
      const describe = (svg) =>
        Array.from(svg.children, (e) => [e.tagName, ...Array.from(e.attributes, (a) => `${a.name}=${a.value}`).sort(), e.textContent.trim()].join(" "));
      const parser = document.createElement("template");
      const input = document.querySelector('[data-testid="input-expansion-rate"]:not([data-scenario])');
      const problems = [];
      for (const value of ["10", "12", "11", "30", "0", "55", "54", "200", "10"]) {
        input.value = value;
        input.dispatchEvent(new Event("input", { bubbles: true }));
        await new Promise((resolve) => setTimeout(resolve, 0));
        for (const [host, markup] of latest) {
          parser.innerHTML = markup;
          const want = describe(parser.content.firstElementChild);
          const got = describe(host.firstElementChild);
          if (host.children.length !== 1 || want.join("\n") !== got.join("\n")) problems.push(`${value}: ${host.parentElement.dataset.chart}: ${got.length} vs ${want.length} elements`);
        }
      }
      globalThis.retentionLabPatchSvg = patch;
      return { problems, charts: latest.size };
    });
    assert.deepEqual(mismatches, { problems: [], charts: tab === "sensitivity" ? 2 : 1 }, tab);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

/** Times input → repaint `n` times, alternating the baseline expansion between two values.
 *
 * Chromium delivers a slider's input events aligned to animation frames, so the edit is
 * dispatched at the start of a frame (in a requestAnimationFrame callback). Yew renders in
 * microtasks of that same task; the browser then styles, lays out and paints that frame; a
 * `setTimeout(0)` queued from the callback runs only after that frame was rendered. The time
 * from the input event to that point is the input → repaint time; if it exceeds one frame
 * interval, the update missed the frame. Each edit is checked to have reached the NDR figure. */
async function timeEdits(page, n) {
  return page.evaluate(async (n) => {
    const input = document.querySelector('[data-testid="input-expansion-rate"]:not([data-scenario])');
    const metric = document.querySelector('[data-testid="metric-ndr"]:not([data-scenario])');
    const out = [];
    for (let k = 0; k < n; k++) {
      const before = metric.getAttribute("data-value");
      const duration = await new Promise((resolve) => requestAnimationFrame(() => {
        const start = performance.now();
        input.value = k % 2 ? "10" : "12";
        input.dispatchEvent(new Event("input", { bubbles: true }));
        setTimeout(() => resolve(performance.now() - start), 0);
      }));
      if (metric.getAttribute("data-value") === before) throw new Error(`edit ${k} did not reach the NDR figure in its frame`);
      out.push(duration);
    }
    return out.sort((a, b) => a - b);
  }, n);
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

test("charts, benchmarks, and input-to-repaint timed with three scenarios on each chart tab", async () => {
  const { context, page, app, problems } = await openScenarios();
  for (const preset of ["renewal-plus-5", "upsell-ndr-120"]) {
    await app.byTestId(`preset-${preset}`).click();
  }
  await app.scoped("scenario-duplicate").click();
  // The baseline NDR of 84 % misses the benchmark; the upsell preset lands on exactly 120 %,
  // which is not "大于120%" (seed 004); a copy of the baseline at 70 % expansion (NDR 132 %) passes.
  assert.equal(await app.scoped("metric-ndr").locator('[data-testid="benchmark-mark"]').getAttribute("data-meets"), "false");
  assert.ok(Math.abs((await app.metric("ndr", 2)) - 1.2) < 1e-9);
  assert.equal(await app.scoped("metric-ndr", 2).locator('[data-testid="benchmark-mark"]').getAttribute("data-meets"), "false");
  await app.fill("expansion-rate", "70", 3);
  await page.waitForFunction(() => document.querySelector('[data-testid="metric-ndr"][data-scenario="3"] [data-testid="benchmark-mark"]')?.dataset.meets === "true", null, { timeout: 10000 });
  // A redraw patches the chart in place: the title's node stays, the baseline's line moves.
  const patched = await page.evaluate(async () => {
    const svg = document.querySelector('[data-chart="revenue-projection"] svg');
    const title = svg.querySelector("text");
    const lines = () => [...svg.querySelectorAll("polyline, path")].map((p) => p.getAttribute("points") ?? p.getAttribute("d")).join("|");
    const before = lines();
    const input = document.querySelector('[data-testid="input-expansion-rate"]:not([data-scenario])');
    input.value = "20";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    return { sameTitle: title.isConnected && svg.querySelector("text") === title, moved: lines() !== before, svgs: document.querySelectorAll('[data-chart="revenue-projection"] svg').length };
  });
  assert.deepEqual(patched, { sameTitle: true, moved: true, svgs: 1 });
  const tabs = { projection: ["revenue-projection"], ltv: ["ltv-comparison"], sensitivity: ["tornado-ltv", "tornado-ndr"] };
  // The first edits run on V8's baseline wasm code; hot functions are optimised within a second
  // or two of dragging. Both are reported: the first 60 edits after load ("cold"), and per tab
  // 100 edits after 100 unrecorded ones ("warm", about two seconds of a slider drag).
  const cold = await timeEdits(page, 60);
  console.log(`# measure: input → repaint, 4 scenarios, projection tab, cold (first 60 edits after load): median ${quantile(cold, 0.5).toFixed(1)} ms, p95 ${quantile(cold, 0.95).toFixed(1)} ms`);
  for (const [tab, charts] of Object.entries(tabs)) {
    await app.byTestId(`chart-tab-${tab}`).click();
    for (const name of charts) {
      assert.match(await page.locator(`[data-chart="${name}"] svg`).innerHTML(), /<text/, `${name} drawn`);
    }
    await page.screenshot({ path: join(SCREENSHOTS, `economics-${tab}-zh.png`), fullPage: true });
    await timeEdits(page, 100);
    const times = await timeEdits(page, 100);
    assert.equal(times.length, 100);
    console.log(`# measure: input → repaint, 4 scenarios, ${tab} tab (${charts.length} chart${charts.length > 1 ? "s" : ""}), warm, n=100: median ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

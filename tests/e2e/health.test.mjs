// End to end: the health scorecard and the renewal forecast, on the sample and on an imported
// customer file; screenshots of both sections.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { mkdtemp, writeFile } from "node:fs/promises";
import { appSuite, SCREENSHOTS } from "./harness.mjs";
import { AppPage } from "./app-page.mjs";
import { customersCsv } from "./customers.mjs";

const suite = appSuite();

/** Sets a range input the way a drag does: new value, then an input event. */
async function drag(app, id, value) {
  await app.byTestId(id).evaluate((el, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
}

async function rows(page) {
  return page.locator('[data-testid="customer-row"]').evaluateAll((trs) =>
    trs.map((tr) => ({ id: tr.dataset.customerId, score: Number(tr.dataset.score), band: tr.dataset.band, tier: tr.dataset.tier })));
}

test("health on the sample: portfolio figures, rows, a weight drag, a band filter", async () => {
  const { context, page, app, problems } = await suite.openApp(AppPage);
  await app.showSection("health");
  const health = await app.metric("portfolio-health");
  assert.ok(health > 0 && health < 100, `portfolio health ${health}`);
  const growth = await app.metric("growth-tier-share");
  assert.ok(growth > 0 && growth < 1, `growth share ${growth}`);
  const first = await rows(page);
  assert.equal(first.length, 25);
  for (const r of first) {
    assert.ok(r.score >= 0 && r.score <= 100 && ["red", "yellow", "green"].includes(r.band) && ["lighthouse", "growth", "standard"].includes(r.tier), JSON.stringify(r));
  }
  // Worst first: scores ascend down the table.
  assert.deepEqual(first.map((r) => r.score), [...first.map((r) => r.score)].sort((a, b) => a - b));
  await page.screenshot({ path: join(SCREENSHOTS, "health-zh.png"), fullPage: true });

  // Dragging the north-star weight to 0 changes the portfolio score.
  await drag(app, "input-weight-north-star", 0);
  await page.waitForFunction((before) => Number(document.querySelector('[data-testid="metric-portfolio-health"]').dataset.value) !== before, health);
  assert.match(await app.byTestId("weight-share-north-star").textContent(), /^0 · 0\.0%/);
  // Onboarding has its own weights: its tab shows time to first value heaviest.
  await app.byTestId("input-weight-profile-onboarding").click();
  assert.equal(await app.byTestId("input-weight-ttfv").inputValue(), "40");

  await app.byTestId("input-filter-band").selectOption("red");
  const red = await rows(page);
  assert.ok(red.length > 0 && red.every((r) => r.band === "red" && r.score < 50), JSON.stringify(red.slice(0, 3)));
  assert.ok(await page.locator('[data-testid="ticket-row"]').count() > 0);
  await app.toggleLanguage();
  await app.byTestId("input-filter-band").selectOption("");
  await page.screenshot({ path: join(SCREENSHOTS, "health-en.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("renewal forecast on the sample: fit quality, forecast, lever", async () => {
  const { context, page, app, problems } = await suite.openApp(AppPage);
  await app.showSection("renewal");
  const auc = await app.metric("auc");
  assert.ok(auc > 0.65 && auc < 1, `AUC ${auc}`);
  const logo = await app.metric("expected-renewal-rate");
  const dollar = await app.metric("expected-dollar-renewal-rate");
  assert.ok(logo > 0 && logo < 1 && dollar > 0 && dollar < 1, `${logo} ${dollar}`);
  assert.ok(await app.metric("arr-at-risk") > 0);
  for (const chart of ["renewal-curve", "calibration"]) {
    assert.match(await page.locator(`[data-chart="${chart}"] svg`).innerHTML(), /<text/);
  }
  const atRisk = await page.locator('[data-testid="at-risk-row"]').count();
  assert.equal(atRisk, 20);
  await drag(app, "input-north-star-lift", 30);
  await page.waitForFunction(() => document.querySelector('[data-testid="north-star-lever"]').textContent.includes("+30%"));
  assert.ok(await app.metric("lifted-renewal-rate") > logo);
  assert.ok(await app.metric("lifted-renewal-arr") > 0);
  await page.screenshot({ path: join(SCREENSHOTS, "renewal-zh.png"), fullPage: true });
  await app.toggleLanguage();
  await page.screenshot({ path: join(SCREENSHOTS, "renewal-en.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("an imported customer file: scored, a custom column as a measure, renewal fitted", async () => {
  const { context, page, app, problems } = await suite.openApp(AppPage);
  const path = join(await mkdtemp(join(tmpdir(), "rl-health-")), "crm-export.csv");
  await writeFile(path, customersCsv(800));
  await app.showSection("data");
  await app.importFile(path);
  await app.confirmImport();
  await app.showSection("health");
  assert.match(await app.byTestId("as-of").textContent(), /crm-export\.csv/);
  const before = await app.metric("portfolio-health");
  assert.ok(before > 0 && before < 100);
  assert.ok((await rows(page)).every((r) => r.id.startsWith("K")));
  await app.byTestId("input-add-measure").selectOption("weekly_logins");
  await app.byTestId("input-weight-custom-weekly-logins").waitFor();
  assert.notEqual(await app.metric("portfolio-health"), before);
  // A scale typed wrong says so and keeps the last good scorecard.
  await app.byTestId("input-scale-nps-steps").fill("10 | nine:60");
  await app.page.locator('[role="alert"]').first().waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, "health-imported.png"), fullPage: true });
  await app.showSection("renewal");
  const auc = await app.metric("auc");
  assert.ok(auc > 0.6, `AUC ${auc}`);
  await page.screenshot({ path: join(SCREENSHOTS, "renewal-imported.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("tier rules are editable, move the tiers, refuse what is out of range and survive a reload", async () => {
  const { context, page, app, problems } = await suite.openApp(AppPage);
  await app.showSection("health");
  const before = await app.metric("growth-tier-share");
  // A higher bar for growth leaves fewer growth customers; 100 leaves (almost) none.
  await app.fill("tier-growth-health", "95");
  await page.waitForFunction((b) => Number(document.querySelector('[data-testid="metric-growth-tier-share"]').dataset.value) < b, before);
  const stricter = await app.metric("growth-tier-share");
  assert.ok(stricter < before, `${stricter} < ${before}`);
  // Out of range: the message says so and the last good value stays in use.
  await app.fill("tier-growth-health", "150");
  await page.locator('[data-testid="tier-rules"] [role="alert"]').waitFor();
  assert.equal(await app.metric("growth-tier-share"), stricter);
  await page.reload();
  await app.byTestId("metric-ndr").waitFor();
  await app.showSection("health");
  assert.equal(await app.inputValue("tier-growth-health"), "95");
  assert.equal(await app.metric("growth-tier-share"), stricter);
  assert.deepEqual(problems, []);
  await context.close();
});

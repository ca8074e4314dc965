// End to end: numbers an executive can put in a board deck (issue 17). Each test drives the
// page through its hooks and checks a value computed here, independently of the app.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appSuite, SCREENSHOTS } from "./harness.mjs";
import { AppPage } from "./app-page.mjs";

const suite = appSuite();

async function scenarios() {
  const opened = await suite.openApp(AppPage);
  await opened.app.byTestId("economics-view-scenarios").click();
  return opened;
}

/** Types into a baseline input and waits until the metric's value has changed. */
async function setAndRead(app, input, text, metric) {
  const before = await app.scoped(`metric-${metric}`).getAttribute("data-value");
  await app.fill(input, text);
  await app.page.waitForFunction(
    ([m, b]) => document.querySelector(`[data-testid="metric-${m}"]:not([data-scenario])`)?.dataset.value !== b,
    [metric, before],
  );
  return app.scoped(`metric-${metric}`).getAttribute("data-value");
}

async function tempFile(name, text) {
  const path = join(await mkdtemp(join(tmpdir(), "trust-")), name);
  await writeFile(path, text);
  return path;
}

test("simple LTV is ARPA × margin / monthly churn, uncapped; sBG LTV never falls as renewal rises", async () => {
  const { context, app, problems } = await scenarios();
  // Sample: ARPA 1,000 a month, margin 80 %. At 85 % yearly renewal the monthly churn is
  // 1 − 0.85^(1/12).
  const simple = Number(await setAndRead(app, "logo-renewal", "85", "ltv-simple"));
  const expected = (1000 * 0.8) / (1 - 0.85 ** (1 / 12));
  assert.ok(Math.abs(simple - expected) < 0.01, `${simple} vs ${expected}`);
  assert.ok(simple > 48000, "no longer capped at the horizon's 48,000");
  const sbg = [];
  for (const renewal of ["99", "99.99", "100"]) {
    sbg.push(Number(await setAndRead(app, "logo-renewal", renewal, "ltv-sbg")));
  }
  assert.ok(sbg[2] >= sbg[1] && sbg[1] >= sbg[0], `sBG LTV at 99 / 99.99 / 100 %: ${sbg}`);
  // At 100 % nobody churns: simple LTV is undefined, shown as "—" with its reason.
  const cell = app.scoped("metric-ltv-simple");
  assert.equal(await cell.getAttribute("data-value"), "");
  assert.match(await cell.innerText(), /—/);
  assert.equal(await cell.locator('[data-testid="undefined-reason"]').count(), 1);
  await cell.scrollIntoViewIfNeeded();
  await app.page.screenshot({ path: join(SCREENSHOTS, "trust-ltv-zh.png"), fullPage: false });
  assert.deepEqual(problems, []);
  await context.close();
});

test("LTV:CAC with CAC 0 is '—' without a badge", async () => {
  const { context, app, problems } = await scenarios();
  await app.fill("cac", "0");
  const cell = app.scoped("metric-ltv-cac");
  await app.page.waitForFunction(() =>
    document.querySelector('[data-testid="metric-ltv-cac"]:not([data-scenario])')?.dataset.value === "");
  assert.match(await cell.innerText(), /—/);
  assert.doesNotMatch(await cell.innerText(), /\d{4,}/, "no huge number");
  assert.equal(await cell.locator('[data-testid="benchmark-mark"]').count(), 0, "no badge");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a spans file with a 2099 end date: observed through its real latest month, a normal triangle", async () => {
  const { context, page, app, problems } = await suite.openApp(AppPage);
  await app.showSection("data");
  // Twelve customers starting January–June 2024; some ended in 2025, one "ends" in 2099 (a
  // common sentinel for no end), the rest are open. The real latest date is 2025-09-30.
  const rows = ["customer_id,start,end,mrr"];
  for (let i = 0; i < 12; i++) {
    const start = `2024-0${1 + (i % 6)}-01`;
    const end = i === 0 ? "2099-12-31" : i % 3 === 0 ? "2025-09-30" : i % 3 === 1 ? "2025-03-31" : "";
    rows.push(`S${i},${start},${end},${100 + i}`);
  }
  await app.importFile(await tempFile("spans_2099.csv", rows.join("\n") + "\n"));
  assert.equal(await app.byTestId("import-detected").getAttribute("data-shape"), "spans");
  await app.confirmImport();
  await app.showSection("cohorts");
  const through = await app.byTestId("metric-observed-through").getAttribute("data-value");
  assert.ok(through <= "2025-09", `observed through ${through}`);
  const periods = await page.locator('[data-testid="cohort-cell"]').evaluateAll((cells) =>
    Math.max(...cells.map((c) => Number(c.dataset.period))));
  // January 2024 to September 2025 is 20 months: periods 0..20, not 900 columns to 2099.
  assert.ok(periods <= 20, `widest period ${periods}`);
  await page.screenshot({ path: join(SCREENSHOTS, "trust-cohorts-2099-zh.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("an all-renewed cohort table says no churn is observed yet and cannot be sent", async () => {
  const { context, app, problems } = await suite.openApp(AppPage);
  await app.showSection("data");
  const table = ["cohort,period,customers"];
  for (const cohort of ["2024-01", "2024-02", "2024-03"]) {
    for (let p = 0; p < 4; p++) table.push(`${cohort},${p},50`);
  }
  await app.importFile(await tempFile("all_renewed.csv", table.join("\n") + "\n"));
  assert.equal(await app.byTestId("import-detected").getAttribute("data-shape"), "cohorts");
  await app.confirmImport();
  await app.showSection("cohorts");
  await app.byTestId("sbg-no-churn").waitFor();
  assert.equal(await app.byTestId("send-sbg").count(), 0, "nothing to send");
  assert.deepEqual(problems, []);
  await context.close();
});

test("an exported name starting with '=' is guarded in the file and re-opens as text", async () => {
  const { context, page, app, problems } = await suite.openApp(AppPage);
  await app.showSection("data");
  const name = '=HYPERLINK("http://example.invalid","click")';
  const csv = [
    "customer_id,name,arr,contract_start,contract_end,north_star,renewed",
    `Z1,"${name.replaceAll('"', '""')}",12000,2025-01-01,2025-12-31,40,1`,
    "Z2,Plain Co,8000,2025-02-01,2026-01-31,30,",
  ].join("\n") + "\n";
  await app.importFile(await tempFile("formula.csv", csv));
  await app.confirmImport();
  const [download] = await Promise.all([page.waitForEvent("download"), app.byTestId("export-customers-csv").click()]);
  const exported = (await readFile(await download.path())).toString("utf8");
  assert.ok(!exported.split("\r\n").some((line) => line.split(",").some((f) => f.startsWith("=") || f.startsWith('"='))),
    "no cell of the file starts with '='");
  // The exported file imports back with the name as it was typed: text, not a formula.
  await app.importFile(await tempFile("exported.csv", exported));
  await app.confirmImport();
  await app.showSection("health");
  const names = await page.locator('[data-testid="customer-row"] .health__name').allInnerTexts();
  assert.ok(names.includes(name), `names: ${names}`);
  assert.deepEqual(problems, []);
  await context.close();
});

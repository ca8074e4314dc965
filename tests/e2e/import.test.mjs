// End to end: importing files and pasted ranges through the UI, and failing safely.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { appSuite, SCREENSHOTS } from "./harness.mjs";
import { AppPage } from "./app-page.mjs";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures");
const suite = appSuite();
const openApp = () => suite.openApp(AppPage);

async function openData() {
  const opened = await openApp();
  await opened.app.showSection("data");
  return opened;
}

test("the sample portfolio is loaded and says so", async () => {
  const { context, app, problems } = await openData();
  assert.equal(await app.metric("customers"), 2000);
  assert.ok((await app.metric("subscription-rows")) > 20000);
  assert.equal(await app.byTestId("data-source").getAttribute("data-sample"), "true");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a good CSV imports customers; screenshot of the mapping step", async () => {
  const { context, page, app, problems } = await openData();
  const subscriptions = await app.metric("subscription-rows");
  await app.importFile(join(FIXTURES, "good", "customers.csv"));
  assert.equal(await app.byTestId("import-detected").getAttribute("data-shape"), "customers");
  await page.screenshot({ path: join(SCREENSHOTS, "import-mapping-en-data.png"), fullPage: true });
  await app.confirmImport();
  assert.equal(await app.metric("customers"), 3);
  assert.equal(await app.metric("subscription-rows"), subscriptions, "subscriptions kept");
  assert.equal(await app.byTestId("data-source").getAttribute("data-sample"), "false");
  await app.byTestId("reset-sample").click();
  assert.equal(await app.metric("customers"), 2000);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a GBK CSV with Chinese headers is decoded and mapped", async () => {
  const { context, page, app, problems } = await openData();
  await app.importFile(join(FIXTURES, "good", "customers_gbk.csv"));
  assert.match(await app.byTestId("import-summary").innerText(), /GBK/);
  assert.equal(await app.byTestId("import-detected").getAttribute("data-shape"), "customers");
  // The Chinese headers show in the preview, decoded.
  assert.match(await page.locator(".preview__table thead").innerText(), /年度合同额/);
  await page.screenshot({ path: join(SCREENSHOTS, "import-mapping-zh-gbk.png"), fullPage: true });
  await app.confirmImport();
  assert.equal(await app.metric("customers"), 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a pasted range imports", async () => {
  const { context, app, problems } = await openData();
  await app.pasteRange(await readFile(join(FIXTURES, "good", "paste.tsv"), "utf8"));
  await app.confirmImport();
  assert.equal(await app.metric("customers"), 3);
  assert.deepEqual(problems, []);
  await context.close();
});

test("subscriptions and a cohort table import into their own parts", async () => {
  const { context, app, problems } = await openData();
  await app.importFile(join(FIXTURES, "good", "subscriptions_long.csv"));
  await app.confirmImport();
  assert.equal(await app.metric("subscription-rows"), 4);
  await app.importFile(join(FIXTURES, "good", "cohort_table.csv"));
  await app.confirmImport();
  assert.equal(await app.metric("cohort-table-rows"), 5);
  assert.equal(await app.metric("customers"), 2000, "customers untouched");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a malformed file shows a located error and the data stays", async () => {
  const { context, app, problems } = await openData();
  await app.importFile(join(FIXTURES, "malformed", "unbalanced_quotes.csv"));
  await app.byTestId("import-error").waitFor();
  const message = await app.byTestId("import-error-message").innerText();
  assert.match(message, /unbalanced_quotes\.csv/);
  assert.match(message, /第 3 行/);
  assert.equal(await app.metric("customers"), 2000);
  assert.deepEqual(problems, []);
  await context.close();
});

test("bad rows are listed and can be skipped, or the import cancelled", async () => {
  const { context, page, app, problems } = await openData();
  await app.toggleLanguage();
  await app.importFile(join(FIXTURES, "malformed", "duplicate_ids.csv"));
  await app.byTestId("import-problems").waitFor();
  assert.equal(await app.byTestId("import-problems").getAttribute("data-count"), "1");
  const reason = await app.byTestId("import-problem").first().innerText();
  assert.match(reason, /duplicate_ids\.csv, row 4, column "customer_id"/);
  assert.equal(await app.byTestId("preview-bad-cell").count(), 1, "the bad cell is highlighted");
  await page.screenshot({ path: join(SCREENSHOTS, "import-problems-en.png"), fullPage: true });
  await app.byTestId("import-cancel").click();
  assert.equal(await app.metric("customers"), 2000, "cancel keeps the data");
  await app.importFile(join(FIXTURES, "malformed", "duplicate_ids.csv"));
  assert.match(await app.byTestId("import-confirm").innerText(), /skipping 1/);
  await app.confirmImport();
  assert.equal(await app.metric("customers"), 2);
  assert.deepEqual(problems, []);
  await context.close();
});

/** A deterministic long-form subscription CSV of `rows` rows. */
function longFormCsv(rows) {
  const lines = ["customer_id,month,mrr"];
  for (let i = 0; lines.length <= rows; i++) {
    const start = i % 36;
    const length = 1 + ((i * 7919) % 36);
    for (let m = start; m < Math.min(36, start + length) && lines.length <= rows; m++) {
      const month = `${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
      lines.push(`C${String(i).padStart(6, "0")},${month},${100 + (i % 900)}`);
    }
  }
  return lines.join("\n") + "\n";
}

test("a 300,000-row file is read in chunks with progress, then imported", async () => {
  const { context, page, app, problems } = await openData();
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration)))
      .observe({ type: "longtask", buffered: false });
  });
  const rows = 300_000;
  // From disk, so the browser reads the file itself (a buffer would be decoded from base64
  // by Playwright on the page's own thread, which is not what a user's import does).
  const dir = await mkdtemp(join(tmpdir(), "retention-lab-"));
  const path = join(dir, "big.csv");
  await writeFile(path, longFormCsv(rows));
  // Progress shows while reading: the page repainted between chunks. Recorded in the page as
  // it appears (a fast read shows it for a few frames only, gone before a second look).
  await page.evaluate(() => {
    window.__progress = [];
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid="import-progress"]');
      if (el) window.__progress.push(Number(el.dataset.rows));
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await app.byTestId("import-file").setInputFiles(path);
  await page.waitForFunction(() => window.__progress.some((n) => n > 0), null, { timeout: 30_000 });
  const seen = await page.evaluate(() => window.__progress.find((n) => n > 0));
  assert.ok(seen > 0 && seen < rows, `progress at ${seen} rows`);
  await app.byTestId("import-mapping").waitFor();
  await page.locator('[data-testid="import-confirm"]:not([disabled])').waitFor({ timeout: 60_000 });
  const beforeConfirm = await page.evaluate(() => window.__longTasks.slice());
  await app.confirmImport();
  console.log(`# long tasks before confirm: ${JSON.stringify(beforeConfirm.map(Math.round))}`);
  assert.equal(await app.metric("subscription-rows"), rows);
  const longest = await page.evaluate(() => Math.max(0, ...window.__longTasks));
  console.log(`# longest main-thread task while importing ${rows} rows: ${longest.toFixed(0)} ms`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("an XLSX workbook imports through the reader worker (empty first sheet skipped)", async () => {
  const { context, page, app, problems } = await openData();
  await app.importFile(join(FIXTURES, "good", "customers.xlsx"));
  await app.byTestId("import-mapping").waitFor();
  assert.match(await app.byTestId("import-summary").innerText(), /customers\.xlsx › 客户/);
  // Two sheets: the picker shows, on the one with data.
  assert.equal(await app.byTestId("input-import-sheet").inputValue(), "客户");
  await page.screenshot({ path: join(SCREENSHOTS, "import-mapping-xlsx.png"), fullPage: true });
  await app.confirmImport();
  assert.equal(await app.metric("customers"), 3);
  // Choosing the empty sheet gives a located error and keeps the data.
  await app.importFile(join(FIXTURES, "good", "customers.xlsx"));
  await app.byTestId("input-import-sheet").selectOption("说明");
  await app.byTestId("import-error").waitFor();
  assert.match(await app.byTestId("import-error-message").innerText(), /说明/);
  assert.equal(await app.metric("customers"), 3);
  assert.deepEqual(problems, []);
  await context.close();
});

test("exports download as CSV with BOM and as XLSX, and templates import back", async () => {
  const { context, page, app, problems } = await openData();
  const [csv] = await Promise.all([page.waitForEvent("download"), app.byTestId("export-customers-csv").click()]);
  assert.equal(csv.suggestedFilename(), "customers.csv");
  const csvBytes = await readFile(await csv.path());
  assert.deepEqual([...csvBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM for Excel");
  assert.equal(csvBytes.toString("utf8").trim().split("\r\n").length, 2001, "header + 2,000 customers");

  const [xlsx] = await Promise.all([page.waitForEvent("download"), app.byTestId("export-subscriptions-xlsx").click()]);
  assert.equal(xlsx.suggestedFilename(), "subscriptions.xlsx");
  const xlsxBytes = await readFile(await xlsx.path());
  assert.equal(xlsxBytes.subarray(0, 2).toString("latin1"), "PK", "an XLSX is a zip");

  const [template] = await Promise.all([page.waitForEvent("download"), app.byTestId("template-spans-xlsx").click()]);
  const templatePath = join(await mkdtemp(join(tmpdir(), "tpl-")), "spans_template.xlsx");
  await template.saveAs(templatePath);
  await app.importFile(templatePath);
  assert.equal(await app.byTestId("import-detected").getAttribute("data-shape"), "spans");
  await app.confirmImport();
  assert.equal(await app.metric("subscription-rows"), 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a 10,000-column header maps without freezing the page", async () => {
  const { context, page, app, problems } = await openData();
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration)))
      .observe({ type: "longtask", buffered: false });
  });
  // A customer export with 9,995 extra columns (a wide BI extract), 20 customers.
  const extra = Array.from({ length: 9_995 }, (_, i) => `x${String(i + 1).padStart(5, "0")}`);
  const lines = [["customer_id", "name", "arr", "contract_start", "contract_end", ...extra].join(",")];
  for (let r = 1; r <= 20; r++) {
    lines.push([`C${r}`, `Customer ${r}`, 1000 * r, "2025-01-01", "2025-12-31", ...extra.map((_, i) => (r * 7 + i) % 100)].join(","));
  }
  const dir = await mkdtemp(join(tmpdir(), "retention-lab-wide-"));
  const path = join(dir, "wide.csv");
  await writeFile(path, lines.join("\n") + "\n");
  await app.importFile(path);
  await app.byTestId("import-mapping").waitFor();
  assert.match(await app.byTestId("import-summary").innerText(), /10,000/);
  // A column far to the right can still be found and chosen for a field.
  await app.fill("map-filter", "x09990");
  await app.byTestId("input-map-north_star").selectOption({ label: "x09990" });
  assert.equal(await page.locator('[data-testid="input-map-north_star"] option').count() <= 203, true, "options are listed lazily");
  await page.locator('[data-testid="import-confirm"]:not([disabled])').waitFor({ timeout: 30_000 });
  await app.confirmImport();
  assert.equal(await app.metric("customers"), 20);
  await page.waitForTimeout(300);
  const tasks = await page.evaluate(() => window.__longTasks.slice());
  const longest = Math.max(0, ...tasks);
  console.log(`# measure: longest main-thread task importing a 10,000-column file: ${longest.toFixed(0)} ms (${tasks.length} long tasks)`);
  assert.ok(longest <= 200, `longest task ${longest.toFixed(0)} ms`);
  assert.deepEqual(problems, []);
  await context.close();
});

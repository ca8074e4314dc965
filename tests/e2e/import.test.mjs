// End to end: importing files and pasted ranges through the UI, and failing safely.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { readFile } from "node:fs/promises";
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

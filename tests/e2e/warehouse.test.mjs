// End to end: the warehouse path. The sample's subscriptions, exported by the app, go through
// the DuckDB SQL of sql/ with a real DuckDB (scripts/.venv, installed by scripts/setup.sh);
// the cohort table it returns, imported back, gives the sample's own cohorts and fits.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join, dirname } from "node:path";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { appSuite, SCREENSHOTS } from "./harness.mjs";
import { AppPage } from "./app-page.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const suite = appSuite();

test("a cohort table built by the warehouse SQL opens with the sample's own fits", async () => {
  const { context, page, app, problems } = await suite.openApp(AppPage);
  await app.showSection("cohorts");
  const sample = { alpha: await app.metric("sbg-alpha"), beta: await app.metric("sbg-beta"), c: await app.metric("bdw-c") };
  await app.showSection("data");
  const [download] = await Promise.all([page.waitForEvent("download"), app.byTestId("export-subscriptions-csv").click()]);
  const dir = await mkdtemp(join(tmpdir(), "rl-warehouse-e2e-"));
  const exported = join(dir, "subscriptions.csv");
  await download.saveAs(exported);
  const table = join(dir, "cohorts.csv");
  execFileSync(join(ROOT, "scripts/.venv/bin/python"), [
    join(ROOT, "tests/warehouse/run_duckdb.py"), join(ROOT, "sql/duckdb/cohorts_long_form.sql"), "long", exported, table,
  ]);
  // 36 monthly cohorts: 36 × 37 / 2 = 666 cells and a header.
  assert.equal((await readFile(table, "utf8")).trim().split("\n").length, 667);
  await app.importFile(table);
  await app.confirmImport();
  await app.showSection("cohorts");
  assert.equal(await app.metric("cohorts"), 36);
  // The same survivors, so the same fits, read from 666 rows instead of the 50,000-odd MRR rows.
  for (const [name, want] of [["sbg-alpha", sample.alpha], ["sbg-beta", sample.beta], ["bdw-c", sample.c]]) {
    const got = await app.metric(name);
    assert.ok(Math.abs(got / want - 1) < 1e-6, `${name} ${got} vs the sample's ${want}`);
  }
  assert.ok((await page.locator('[data-testid="projection-row"]').count()) > 0, "projected with its band");
  await page.screenshot({ path: join(SCREENSHOTS, "warehouse-table-zh.png"), fullPage: false });
  assert.deepEqual(problems, []);
  await context.close();
});

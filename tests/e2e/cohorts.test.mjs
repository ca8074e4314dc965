// End to end: the cohorts section on the sample and on an imported cohort table.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join, dirname } from "node:path";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { appSuite, SCREENSHOTS } from "./harness.mjs";
import { AppPage } from "./app-page.mjs";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures");
const suite = appSuite();
const openApp = () => suite.openApp(AppPage);

test("the sample's triangle, curves and sBG fit; screenshots in both languages", async () => {
  const { context, page, app, problems } = await openApp();
  await app.showSection("cohorts");
  // Expected values from an independent Python port of the sample (bit-identical MRR rows)
  // and an sBG maximum-likelihood fit in mpmath (not the app's optimiser): 36 monthly cohorts
  // 2023-11 … 2026-10, 36 × 37 / 2 = 666 cells; α 0.3718517951, β 12.12030369, mean churn
  // 0.02976682412. (The browser's today is after October 2026, the sample's last month.)
  const cohorts = await app.metric("cohorts");
  assert.equal(cohorts, 36);
  const alpha = await app.metric("sbg-alpha");
  const beta = await app.metric("sbg-beta");
  assert.ok(Math.abs(alpha / 0.3718517951 - 1) < 1e-3, `alpha ${alpha}`);
  assert.ok(Math.abs(beta / 12.12030369 - 1) < 1e-3, `beta ${beta}`);
  assert.ok(Math.abs((await app.metric("sbg-mean-churn")) - 0.02976682412) < 1e-5);
  // A triangle: a cohort starting in month m is observed from m to October 2026, the
  // sample's last month, and nothing later.
  const labels = await app.page.locator('[data-testid="cohort-cell"]').evaluateAll((cells) => cells.map((c) => c.dataset.cohort));
  const distinct = [...new Set(labels)];
  assert.equal(distinct.length, 36);
  assert.equal(distinct[0], "2023-11");
  assert.equal(distinct.at(-1), "2026-10");
  assert.equal(labels.length, 666);
  const first = app.page.locator('[data-testid="cohort-cell"][data-period="0"]').first();
  assert.equal(Number(await first.getAttribute("data-value")), 1);
  for (const cell of await app.page.locator('[data-testid="cohort-cell"]').all()) {
    const v = Number(await cell.getAttribute("data-value"));
    assert.ok(v >= 0 && v <= 1, "logo retention is a fraction");
  }
  assert.match(await page.locator('[data-chart="cohort-curves"] svg').innerHTML(), /sBG/);
  // Kaplan–Meier by the sample's segments with the log-rank test: expected churn adds up to
  // the churned (the test's bookkeeping), and the p-value is a probability.
  const segments = await page.locator('[data-testid="km-segment-row"]').evaluateAll((trs) => trs.map((tr) => ({ ...tr.dataset })));
  assert.ok(segments.length >= 2, `segments ${segments.length}`);
  const sum = (k) => segments.reduce((a, r) => a + Number(r[k]), 0);
  assert.ok(Math.abs(sum("observed") - sum("expected")) < 1e-6, `O ${sum("observed")} E ${sum("expected")}`);
  const pLogRank = await app.metric("logrank-pvalue");
  assert.ok(pLogRank >= 0 && pLogRank <= 1, `p ${pLogRank}`);
  await app.byTestId("input-compare-a").selectOption({ index: 1 });
  await page.screenshot({ path: join(SCREENSHOTS, "cohorts-zh.png"), fullPage: true });

  await app.byTestId("input-cohort-grain").selectOption("quarter");
  // Sample months Nov 2023 – Oct 2026 span 13 calendar quarters; a quarter cohort is observed
  // once its last member's first three months are over, which 2026-Q3 (September starters)
  // and 2026-Q4 have not reached by October 2026: 2023-Q4 … 2026-Q2, 11 (the Python port).
  assert.equal(await app.metric("cohorts"), 11);
  await app.byTestId("input-cohort-measure").selectOption("revenue");
  const revenue = await app.page.locator('[data-testid="cohort-cell"]').evaluateAll((cells) => cells.map((c) => Number(c.dataset.value)));
  assert.ok(revenue.some((v) => v > 1), "expansion lifts some revenue retention above 100 %");
  await app.toggleLanguage();
  await page.screenshot({ path: join(SCREENSHOTS, "cohorts-en-quarter-revenue.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("an imported cohort table shows its fitted alpha and beta", async () => {
  const { context, page, app, problems } = await openApp();
  await app.showSection("data");
  await app.importFile(join(FIXTURES, "good", "fader_hardie_2007.csv"));
  await app.confirmImport();
  await app.showSection("cohorts");
  assert.equal(await app.metric("cohorts"), 2);
  // Fader & Hardie (2007): pooled regular + high-end (years 0-4) -> SciPy alpha 0.7016, beta 2.0821.
  assert.ok(Math.abs((await app.metric("sbg-alpha")) - 0.701551) < 1e-3);
  assert.ok(Math.abs((await app.metric("sbg-beta")) - 2.082126) < 1e-3);
  assert.ok(Math.abs((await app.metric("sbg-mean-churn")) - 0.2520230915) < 1e-4);
  assert.equal(await page.locator('[data-testid="metric-sbg-alpha"] .badge--poor').count(), 0, "a reliable fit has no badge");
  // The fit says what it used: both cohorts' survivors, 2,000 customers at period 0.
  assert.equal(await app.byTestId("fit-data").getAttribute("data-cohorts"), "2");
  assert.match(await app.byTestId("fit-data").innerText(), /2 个同期群.*2,000 位客户/);

  // The BdW beside the sBG on the same two cohorts: the nested fit's log-likelihood is never
  // below the sBG's, the test's p-value is a probability, and the sBG's is the fit above.
  const llSbg = await app.metric("sbg-ll"), llBdw = await app.metric("bdw-ll");
  assert.ok(Math.abs(llSbg - -3003.951669) < 1e-3, `sBG LL ${llSbg}`);
  assert.ok(llBdw >= llSbg - 1e-9, `BdW LL ${llBdw} vs sBG ${llSbg}`);
  // The independent Python fit (SciPy + mpmath) of the same two cohorts: γ 0.570114, δ 1.707510,
  // c 1.084344, LL −3003.7951636; LR 2 × 0.156506 = 0.31301, p = 0.5758 (c = 1 not rejected).
  assert.ok(Math.abs(llBdw - -3003.7951636) < 1e-3, `BdW LL ${llBdw}`);
  assert.ok(Math.abs((await app.metric("bdw-c")) - 1.0843443) < 1e-3);
  assert.ok(Math.abs((await app.metric("bdw-gamma")) - 0.5701144) < 2e-3);
  assert.ok(Math.abs((await app.metric("bdw-delta")) - 1.7075101) < 5e-3);
  const p = await app.metric("lr-pvalue");
  assert.ok(Math.abs(p - 0.5758) < 1e-3, `p ${p}`);
  assert.equal(await app.inputValue("retention-model"), "sbg", "the data do not reject c = 1: sBG by default");
  assert.match(await app.byTestId("duration-reading").innerText(), /没有显示/);
  await app.byTestId("input-retention-model").selectOption("bdw");
  assert.equal(await app.inputValue("retention-model"), "bdw");
  assert.match(await page.locator('[data-chart="cohort-curves"] svg').innerHTML(), /BdW/);
  await app.byTestId("input-retention-model").selectOption("sbg");
  assert.match(await page.locator('[data-chart="cohort-curves"] svg').innerHTML(), /sBG/);

  // Yearly cohorts sent to the economics: the 1 % monthly discount becomes 1.01¹² − 1 =
  // 12.68 % a year; a customer one year in (one renewal, n = 2) has DERL 4.20555413 years
  // (mpmath, pooled fit), and the sample baseline's sBG LTV with yearly periods is 29,915.88
  // (read as monthly it would be 34,092.54).
  await app.byTestId("input-cohort-period").selectOption("12");
  // The value of the base (worked in the native test with an independent mpmath fit): 241
  // customers after 7 renewals and 593 after 4, DERL at 10 % a year: 5,403.13 customer-years;
  // the naive value at the last year's retention 834 / 915: 4,435.43, 17.9 % below.
  await app.byTestId("cohort-base-value").waitFor();
  assert.ok(Math.abs((await app.metric("base-derl")) / 5403.13356 - 1) < 1e-4, `base ${await app.metric("base-derl")}`);
  assert.ok(Math.abs((await app.metric("base-naive")) - 4435.429565) < 1e-3);
  assert.equal(await app.inputValue("base-discount-rate"), "10");
  await app.fill("base-discount-rate", "20");
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="metric-base-derl"]')?.dataset.value) < 5403, null, { timeout: 10000 });
  await page.screenshot({ path: join(SCREENSHOTS, "cohorts-models-zh.png"), fullPage: true });
  await app.byTestId("send-sbg").click();
  await app.byTestId("section-economics").waitFor();
  assert.match(await app.byTestId("heterogeneity").innerText(), /每期 = 12 个月/);
  assert.ok(Math.abs(Number(await app.inputValue("sbg-discount")) - 0.126825) < 1e-3);
  assert.ok(Math.abs((await app.metric("lifetime-derl")) - 4.20555413) < 1e-3, `DERL ${await app.metric("lifetime-derl")}`);
  assert.ok(Math.abs((await app.metric("ltv-sbg")) / 29915.88 - 1) < 1e-3, `sBG LTV ${await app.metric("ltv-sbg")}`);
  // Touching a slider keeps the year: the LTV moves with the polarisation (0.264 → 0.26), not
  // by the +14 % a monthly re-reading gave.
  await app.byTestId("input-sbg-polarisation").fill("0.26");
  assert.match(await app.byTestId("heterogeneity").innerText(), /每期 = 12 个月/);
  assert.ok(Math.abs((await app.metric("ltv-sbg")) / 29915.88 - 1) < 0.01, `sBG LTV ${await app.metric("ltv-sbg")}`);
  assert.ok((await app.metric("ltv-cac-discounted")) < (await app.metric("ltv-cac")), "the discounted ratio sits beside the benchmarked one");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the cohort fit goes to retention economics as its heterogeneity", async () => {
  const { context, page, app, problems } = await openApp();
  await app.showSection("cohorts");
  const alpha = await app.metric("sbg-alpha");
  await app.byTestId("send-sbg").click();
  await app.byTestId("section-economics").waitFor();
  assert.match(await app.byTestId("heterogeneity").innerText(), /α = 0\.372/);
  assert.ok(Math.abs(alpha / 0.3718517951 - 1) < 1e-3);
  const constant = await app.metric("lifetime-constant");
  const sbg = await app.metric("lifetime-sbg");
  assert.ok(sbg > constant, `heterogeneous lifetime ${sbg} exceeds constant-churn ${constant}`);
  // Less polarisation brings sBG towards one churn rate.
  await app.byTestId("input-sbg-polarisation").fill("0.01");
  const closer = (await app.metric("lifetime-sbg")) / (await app.metric("lifetime-constant"));
  assert.ok(closer < sbg / constant, `ratio ${closer} fell from ${sbg / constant}`);
  await page.screenshot({ path: join(SCREENSHOTS, "economics-heterogeneity-zh.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("Kaplan–Meier by months paid on an imported subscriptions file, worked by hand", async () => {
  const { context, page, app, problems } = await openApp();
  // Eight customers observed through 2026-06 (the file's last month): A 1 month churned,
  // B 2 churned, C 2 still paying, D 3 churned, E 3 churned, F 4 still paying, G 5 churned,
  // H 6 still paying. At risk 8, 7, 5, 3, 2, 1; Ŝ = 7/8, 3/4, 9/20, 9/20, 9/40, 9/40 (checked
  // against lifelines 0.30.3 outside the project).
  const runs = { A: ["2026-01"], B: ["2026-01", "2026-02"], C: ["2026-05", "2026-06"], D: ["2026-01", "2026-02", "2026-03"],
    E: ["2026-02", "2026-03", "2026-04"], F: ["2026-03", "2026-04", "2026-05", "2026-06"],
    G: ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"], H: ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"] };
  const dir = await mkdtemp(join(tmpdir(), "rl-km-"));
  const file = join(dir, "subscriptions.csv");
  await writeFile(file, ["customer_id,month,mrr", ...Object.entries(runs).flatMap(([id, months]) => months.map((m) => `${id},${m},100`))].join("\n") + "\n");
  await app.showSection("data");
  await app.importFile(file);
  await app.confirmImport();
  await app.showSection("cohorts");
  await app.byTestId("cohort-km").waitFor({ state: "attached" });
  const rows = await page.locator('[data-testid="km-row"]').evaluateAll((trs) => trs.map((tr) => ({ ...tr.dataset })));
  assert.deepEqual(rows.map((r) => Number(r.atRisk)), [8, 7, 5, 3, 2, 1]);
  const want = [7 / 8, 3 / 4, 9 / 20, 9 / 20, 9 / 40, 9 / 40];
  rows.forEach((r, i) => assert.ok(Math.abs(Number(r.survival) - want[i]) < 1e-12, `month ${r.period}: ${r.survival}`));
  assert.ok(Math.abs(Number(rows[0].low) - 0.500287558989) < 1e-9, "log(−log) 90 % band");
  // The chart beside the table: the step curve in its band, the numbers at risk along the bottom.
  const km = await page.locator('[data-chart="cohort-km"] svg').innerHTML();
  assert.match(km, /<polygon/);
  for (const n of ["8", "7", "5", "3"]) assert.match(km, new RegExp(`>\\s*${n}\\s*<`), `at risk ${n}`);
  assert.deepEqual(problems, []);
  await context.close();
});


test("calibrated on seven of twelve years, the projection meets the held-out years inside its band", async () => {
  const { context, page, app, problems } = await openApp();
  // Fader & Hardie (2007), regular customers, years 0–12, one yearly cohort. Expected values
  // from tests/reference/band_reference.py (SciPy + mpmath, not the app): the sBG fitted on
  // years 1–7 projects 1,000 S(12) = 170.04 against 173 observed, −0.296 points, with the
  // delta-method band 14.887 % – 19.242 %; the BdW on the same years 17.733 % in 15.437 % – 20.162 %.
  const counts = [1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173];
  const dir = await mkdtemp(join(tmpdir(), "rl-calibration-"));
  const file = join(dir, "regular_twelve_years.csv");
  await writeFile(file, ["cohort,period,customers", ...counts.map((n, t) => `regular,${t},${n}`)].join("\n") + "\n");
  await app.showSection("data");
  await app.importFile(file);
  await app.confirmImport();
  await app.showSection("cohorts");
  await app.byTestId("input-cohort-period").selectOption("12");
  await app.byTestId("input-retention-model").selectOption("sbg");
  assert.equal(await app.byTestId("calibrating").count(), 0);
  await app.fill("calibration-periods", "7");
  await app.byTestId("calibrating").waitFor();
  assert.ok(Math.abs((await app.metric("sbg-alpha")) - 0.704077) < 1e-3);
  const error = await app.metric("holdout-error");
  assert.ok(Math.abs(error - -0.296254718848911) < 1e-3, `holdout error ${error}`);
  const row = async (period) => page.locator(`[data-testid="projection-row"][data-period="${period}"]`).evaluate((tr) => ({ ...tr.dataset }));
  const twelve = await row(12);
  assert.ok(Math.abs(Number(twelve.mid) - 0.170037452811511) < 1e-4, `S(12) ${twelve.mid}`);
  assert.ok(Math.abs(Number(twelve.low) - 0.148869271200066) < 1e-4, `low ${twelve.low}`);
  assert.ok(Math.abs(Number(twelve.high) - 0.192421593790314) < 1e-4, `high ${twelve.high}`);
  assert.equal(twelve.projected, "true");
  assert.equal((await row(7)).projected, "false");
  // Every row's band holds its value; 12 observed years plus 12 projected.
  const rows = await page.locator('[data-testid="projection-row"]').evaluateAll((trs) => trs.map((tr) => ({ ...tr.dataset })));
  assert.equal(rows.length, 24);
  for (const r of rows) assert.ok(Number(r.low) <= Number(r.mid) && Number(r.mid) <= Number(r.high), JSON.stringify(r));
  // The chart marks the five held-out years and shades the band.
  const svg = await page.locator('[data-chart="cohort-curves"] svg').innerHTML();
  assert.match(svg, /<polygon/);
  assert.match(svg, /留出期实际值/);
  await page.screenshot({ path: join(SCREENSHOTS, "cohorts-calibration-zh.png"), fullPage: true });

  await app.byTestId("input-retention-model").selectOption("bdw");
  await page.waitForFunction(() => /BdW/.test(document.querySelector('[data-chart="cohort-curves"] svg')?.innerHTML ?? ""));
  const bdw = await row(12);
  assert.ok(Math.abs(Number(bdw.mid) - 0.177331398294902) < 1e-4, `BdW S(12) ${bdw.mid}`);
  assert.ok(Math.abs(Number(bdw.low) - 0.154371899980168) < 1e-4 && Math.abs(Number(bdw.high) - 0.201620282170887) < 1e-4);
  assert.ok(Math.abs((await app.metric("holdout-error")) - 0.433139829490168) < 1e-3);
  await app.toggleLanguage();
  await page.screenshot({ path: join(SCREENSHOTS, "cohorts-calibration-en.png"), fullPage: true });

  // Sent to the economics, the fit's uncertainty comes along: at 10 % a year, DEL 3.6949 years
  // in 3.5074 – 3.8925 (mpmath on the same covariance).
  await app.byTestId("input-retention-model").selectOption("sbg");
  await app.byTestId("send-sbg").click();
  await app.byTestId("section-economics").waitFor();
  await app.byTestId("input-sbg-discount").fill("0.1");
  const bands = app.byTestId("fit-bands");
  await page.waitForFunction(() => Math.abs(Number(document.querySelector('[data-testid="fit-bands"]')?.dataset.delLow) - 3.5074) < 1e-3);
  assert.ok(Math.abs(Number(await bands.getAttribute("data-del-high")) - 3.892489816478363) < 1e-3);
  assert.ok(Number(await bands.getAttribute("data-ltv-low")) < await app.metric("ltv-sbg"));
  assert.ok(Number(await bands.getAttribute("data-ltv-high")) > await app.metric("ltv-sbg"));
  // Moved by hand, α and β lose the fit's uncertainty and the band goes.
  await app.byTestId("input-sbg-polarisation").fill("0.3");
  await bands.waitFor({ state: "detached" });
  assert.deepEqual(problems, []);
  await context.close();
});

// End to end: the Operations and Team sections (issue 18) on the built-in sample. Every hook is
// checked against figures this test computes itself from the customers the app exports (the
// CSV of the Data section), with the issue's definitions; then the finder's "use as north
// star", the onboarding lever sent to the scenarios, a funnel filter, and screenshots in both
// languages.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { customersCsv } from "./customers.mjs";
import { join } from "node:path";
import { appSuite, nonFiniteFigures, SCREENSHOTS } from "./harness.mjs";
import { AppPage } from "./app-page.mjs";

const suite = appSuite();
const AS_OF = Date.UTC(2026, 9, 31); // the sample's data date, 2026-10-31
const DAY = 86400000;

/** Parses the app's CSV export (BOM, CRLF, quoted cells, a leading ' guarding formulas). */
function parseCsv(text) {
  const rows = [];
  let row = [], cell = "", quoted = false;
  const src = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(cell); cell = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      row.push(cell); rows.push(row); row = []; cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length) { row.push(cell); rows.push(row); }
  const [headers, ...body] = rows;
  return body.filter((r) => r.length > 1).map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i] ?? ""])));
}

const num = (v) => (v === "" || v === undefined ? null : Number(v));
const renewedOf = (c) => (c.renewed === "" ? null : c.renewed === "1");
const active = (c) => c.renewed !== "0";
const close = (a, b, eps = 1e-9) => Math.abs(a - b) <= eps * Math.max(1, Math.abs(b));

/** Mann–Whitney AUC of `values` for the outcome, ties counting one half. */
function auc(pairs) {
  const pos = pairs.filter((p) => p[1]), neg = pairs.filter((p) => !p[1]);
  if (!pos.length || !neg.length) return null;
  const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
  let rankSum = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j < sorted.length && sorted[j][0] === sorted[i][0]) j++;
    const mid = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (sorted[k][1]) rankSum += mid;
    i = j;
  }
  return (rankSum - (pos.length * (pos.length + 1)) / 2) / (pos.length * neg.length);
}

/** Hyndman–Fan type 7 percentile of sorted values. */
function percentile(sorted, p) {
  const h = (sorted.length - 1) * p, lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)]) - sorted[lo]);
}

async function exportedCustomers(app, page) {
  await app.showSection("data");
  const [csv] = await Promise.all([page.waitForEvent("download"), app.byTestId("export-customers-csv").click()]);
  return parseCsv(await readFile(await csv.path(), "utf8"));
}

/** The rows of a test id as objects of their data attributes. */
const rowsOf = (page, id) => page.locator(`[data-testid="${id}"]`).evaluateAll((trs) => trs.map((tr) => ({ ...tr.dataset })));

async function openSection(app, page, name, panel) {
  await app.showSection(name);
  await page.locator(`[data-testid="${panel}"]`).waitFor({ timeout: 30000 });
}

test("operations and team panels on the sample match the definitions computed here", async () => {
  const { context, page, app, problems } = await suite.openApp(AppPage);
  const customers = await exportedCustomers(app, page);
  assert.equal(customers.length, 2000);
  await openSection(app, page, "operations", "ops-nps");

  // NPS: answers 0–10 (rounded), promoters 9–10, detractors 0–6. The headline is the current
  // customers' (not recorded as churned); `nps-all` counts every answer.
  const answered = customers.filter((c) => num(c.nps) !== null && num(c.nps) >= 0 && num(c.nps) <= 10);
  const group = (c) => { const a = Math.round(num(c.nps)); return a >= 9 ? "promoter" : a >= 7 ? "passive" : "detractor"; };
  const scoreOf = (list) => (100 * (list.filter((c) => group(c) === "promoter").length - list.filter((c) => group(c) === "detractor").length)) / list.length;
  const current = answered.filter((c) => renewedOf(c) !== false);
  assert.ok(current.length < answered.length, "the sample has churned respondents");
  assert.ok(close(await app.metric("nps"), scoreOf(current)), `NPS ${await app.metric("nps")} vs ${scoreOf(current)}`);
  assert.equal(await app.metric("nps-respondents"), current.length);
  assert.ok(close(await app.metric("nps-all"), scoreOf(answered)), `NPS (all) ${await app.metric("nps-all")} vs ${scoreOf(answered)}`);
  for (const g of await rowsOf(page, "nps-group")) {
    const members = answered.filter((c) => group(c) === g.group);
    const due = members.filter((c) => renewedOf(c) !== null);
    assert.equal(Number(g.count), members.length, g.group);
    const rate = due.length ? due.filter((c) => renewedOf(c)).length / due.length : null;
    if (rate === null) assert.equal(g.renewalRate, "");
    else assert.ok(close(Number(g.renewalRate), rate), `${g.group} ${g.renewalRate} vs ${rate}`);
  }

  // The finder: AUC of every numeric column for `renewed`, the max form, ranked; outcomes of
  // renewal shown apart, columns with fewer than 10 renewed or churned not ranked.
  const skip = new Set(["customer_id", "name", "contract_start", "contract_end", "first_start", "renewed", "csm", "segment", "prev_tier"]);
  const outcomes = new Set(["expansion_arr", "referrals", "arr", "prev_health"]);
  const columns = Object.keys(customers[0]).filter((h) => !skip.has(h));
  const measured = columns.map((col) => {
    const pairs = customers.filter((c) => renewedOf(c) !== null && num(c[col]) !== null).map((c) => [num(c[col]), renewedOf(c)]);
    const a = auc(pairs);
    const renewedN = pairs.filter((p) => p[1]).length, churnedN = pairs.length - renewedN;
    const standing = outcomes.has(col) ? "outcome" : a === null || Math.min(renewedN, churnedN) < 10 ? "too-few" : "ranked";
    return { col, standing, strength: a === null ? null : Math.max(a, 1 - a), direction: a === null ? "" : a >= 0.5 ? "higher" : "lower" };
  });
  const expected = measured.filter((e) => e.standing === "ranked").sort((x, y) => y.strength - x.strength || x.col.localeCompare(y.col));
  const candidates = (await rowsOf(page, "northstar-candidate")).filter((c) => c.standing === "ranked").sort((a, b) => Number(a.rank) - Number(b.rank));
  for (const [i, e] of expected.slice(0, 3).entries()) {
    assert.equal(candidates[i].column, e.col, `rank ${i + 1}`);
    assert.ok(close(Number(candidates[i].auc), e.strength), `${e.col} ${candidates[i].auc} vs ${e.strength}`);
    assert.equal(candidates[i].direction, e.direction);
  }
  for (const row of await rowsOf(page, "northstar-candidate")) {
    assert.equal(row.standing, measured.find((e) => e.col === row.column).standing, row.column);
  }
  assert.equal(await page.locator('[data-testid="northstar-candidate"][data-standing="outcome"] [data-testid="northstar-use"]').count(), 0, "outcomes are not offered");
  const topThree = expected.slice(0, 3).map((e) => `${e.col} ${e.strength.toFixed(3)}`);

  // First value: customers who started ≥ 90 days before the data date.
  const start = (c) => Date.parse((c.first_start || c.contract_start) + "T00:00:00Z");
  const eligible = customers.filter((c) => c.first_start && (AS_OF - Date.parse(c.first_start + "T00:00:00Z")) / DAY >= 90);
  const ttfv = (c) => num(c.ttfv_days);
  const activated = eligible.filter((c) => ttfv(c) !== null && ttfv(c) <= 90).length / eligible.length;
  const never = eligible.filter((c) => ttfv(c) === null).length / eligible.length;
  const reached = eligible.map(ttfv).filter((v) => v !== null).sort((a, b) => a - b);
  assert.ok(close(await app.metric("activated-90d"), activated), `activated ${activated}`);
  assert.ok(close(await app.metric("never-activated"), never));
  assert.ok(close(await app.metric("ttfv-median"), percentile(reached, 0.5)));
  const bucketOf = (c) => { const t = ttfv(c); return t === null || t > 90 ? "over-90" : t <= 30 ? "0-30" : t <= 60 ? "31-60" : "61-90"; };
  // Renewal rates are annual: contracts of 360 days or more (a monthly plan's flag is "still
  // paying", not a yearly renewal).
  const annualContract = (c) => !c.contract_start || !c.contract_end || (Date.parse(c.contract_end) - Date.parse(c.contract_start)) / DAY >= 360;
  for (const b of await rowsOf(page, "ttfv-bucket")) {
    const members = eligible.filter((c) => bucketOf(c) === b.bucket);
    assert.equal(Number(b.count), members.length, b.bucket);
    const due = members.filter((c) => annualContract(c) && renewedOf(c) !== null);
    if (due.length) assert.ok(close(Number(b.renewalRate), due.filter(renewedOf).length / due.length), b.bucket);
  }

  // The funnel over every start: acquisition is everyone with a start, activation TTFV ≤ 90.
  const steps = Object.fromEntries((await rowsOf(page, "funnel-step")).map((s) => [s.step, Number(s.count)]));
  const started = customers.filter((c) => !Number.isNaN(start(c)));
  assert.equal(steps.acquisition, started.length);
  assert.equal(steps.activation, started.filter((c) => ttfv(c) !== null && ttfv(c) <= 90).length);
  // Default activity rule: north star above 0; revenue = renewed among them.
  const onboarded = started.filter((c) => ttfv(c) !== null && ttfv(c) <= 90);
  const activeUse = onboarded.filter((c) => num(c.north_star) !== null && num(c.north_star) > 0);
  assert.equal(steps.retention, activeUse.length);
  assert.equal(steps.revenue, activeUse.filter((c) => renewedOf(c) === true).length);
  assert.equal(await app.metric("funnel-renewed-all"), started.filter((c) => renewedOf(c) === true).length);
  const order = ["acquisition", "activation", "retention", "revenue", "referral"];
  order.slice(1).forEach((s, i) => assert.ok(steps[s] <= steps[order[i]], `${s} within ${order[i]}`));

  // Revenue by source, next year, from the baseline scenario (ARR 12 M, renewal 80 %,
  // contraction 5 %, expansion 10 %, referral 2 %, new business 2.4 M).
  const arr = 12e6, grr = 0.8 * 0.95, ndr = 0.8 * (1 - 0.05 + 0.1);
  const cs = arr * ndr + 0.02 * arr, total = cs + 2.4e6;
  assert.ok(close(await app.metric("cs-revenue-share"), cs / total, 1e-6), `CS share ${cs / total}`);
  assert.ok(grr < ndr);

  // Segments over active customers: ARR and customers per segment, top-3 share of active ARR.
  const live = customers.filter(active);
  const activeArr = live.reduce((s, c) => s + num(c.arr), 0);
  const bySegment = new Map();
  for (const c of live.filter((c) => c.segment)) {
    const s = bySegment.get(c.segment) ?? { customers: 0, arr: 0 };
    s.customers++; s.arr += num(c.arr); bySegment.set(c.segment, s);
  }
  for (const r of await rowsOf(page, "segment-row")) {
    const s = bySegment.get(r.segment);
    assert.ok(s, r.segment);
    assert.equal(Number(r.customers), s.customers, r.segment);
    assert.ok(close(Number(r.arr), s.arr), r.segment);
  }
  const top3 = [...bySegment.values()].map((s) => s.arr).sort((a, b) => b - a).slice(0, 3).reduce((a, b) => a + b, 0) / activeArr;
  assert.ok(close(await app.metric("top3-segment-share"), top3), `top-3 ${top3}`);
  // One verdict: the smallest k in 3–5 whose share reaches 80 %.
  const sorted = [...bySegment.values()].map((s) => s.arr).sort((a, b) => b - a);
  const share = (k) => sorted.slice(0, k).reduce((a, b) => a + b, 0) / activeArr;
  const k = [3, 4, 5].find((n) => share(n) >= 0.8) ?? null;
  assert.equal(await app.metric("segments-k"), k, `segments to reach 80 %: ${k}`);

  assert.deepEqual(await nonFiniteFigures(page, '[data-testid="section-operations"]'), [], "no NaN, Infinity or undefined among the figures");
  await page.screenshot({ path: join(SCREENSHOTS, "operations-zh.png"), fullPage: true });

  // Team: CSM books over active customers; tiers cover every active customer.
  await openSection(app, page, "team", "team-books");
  const byCsm = new Map();
  for (const c of live.filter((c) => c.csm)) {
    const b = byCsm.get(c.csm) ?? { accounts: 0, arr: 0 };
    b.accounts++; b.arr += num(c.arr); byCsm.set(c.csm, b);
  }
  const books = (await rowsOf(page, "csm-book")).filter((b) => b.csm);
  assert.equal(books.length, byCsm.size);
  for (const b of books) {
    assert.equal(Number(b.accounts), byCsm.get(b.csm).accounts, b.csm);
    assert.ok(close(Number(b.arr), byCsm.get(b.csm).arr), b.csm);
  }
  const atRisk = books.map((b) => Number(b.arrAtRisk));
  assert.deepEqual([...atRisk].sort((a, b) => b - a), atRisk, "sorted by ARR at risk");
  await app.fill("cs-headcount", "10");
  await page.waitForFunction(() => document.querySelector('[data-testid="metric-arr-per-cs-head"]')?.dataset.value, null, { timeout: 10000 });
  assert.ok(close(await app.metric("arr-per-cs-head"), activeArr / 10), "ARR per CS head");
  const tiers = await rowsOf(page, "tier-kpi");
  assert.equal(tiers.reduce((s, t) => s + Number(t.customers), 0), live.length);
  assert.ok(close(tiers.reduce((s, t) => s + Number(t.arr), 0), activeArr));
  // Renewal by previous tier: 续约率 by count, 续费率 = renewal revenue / revenue up for renewal
  // with upgrades (a renewed account was up at ARR − expansion, a churned one at its ARR).
  for (const t of tiers) {
    const due = customers.filter((c) => c.prev_tier === t.tier && renewedOf(c) !== null);
    if (!due.length) { assert.equal(t.dollarRenewal, "", t.tier); continue; }
    const logo = due.filter((c) => renewedOf(c)).length / due.length;
    const up = due.reduce((s, c) => s + (renewedOf(c) ? Math.max(0, num(c.arr) - (num(c.expansion_arr) ?? 0)) : num(c.arr)), 0);
    const kept = due.reduce((s, c) => s + (renewedOf(c) ? num(c.arr) : 0), 0);
    assert.ok(close(Number(t.logoRenewal), logo), `${t.tier} logo ${t.logoRenewal} vs ${logo}`);
    assert.ok(close(Number(t.dollarRenewal), kept / up), `${t.tier} dollar ${t.dollarRenewal} vs ${kept / up}`);
  }
  // The independent review's figures for the sample (issue 25): 106.0 % and 130 %.
  const byTier = Object.fromEntries(tiers.map((t) => [t.tier, Number(t.dollarRenewal)]));
  assert.equal((byTier.growth * 100).toFixed(1), "106.0");
  assert.equal(Math.round(byTier.lighthouse * 100), 130);
  await page.screenshot({ path: join(SCREENSHOTS, "team-zh.png"), fullPage: true });
  await app.toggleLanguage();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  await page.locator('[data-testid="team-books"]').waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, "team-en.png"), fullPage: true });
  await openSection(app, page, "operations", "ops-nps");
  await page.screenshot({ path: join(SCREENSHOTS, "operations-en.png"), fullPage: true });

  console.log(`sample: NPS of current customers ${scoreOf(current).toFixed(1)}, with former ${scoreOf(answered).toFixed(1)}; finder ${topThree.join(", ")}; activated ${(activated * 100).toFixed(1)} %; CS revenue share ${(100 * cs / total).toFixed(1)} %; top-3 segments ${(top3 * 100).toFixed(1)} %`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("use as north star, the onboarding lever to a scenario, and a funnel filter", async () => {
  const { context, page, app, problems } = await suite.openApp(AppPage);
  await openSection(app, page, "operations", "ops-northstar");
  const best = page.locator('[data-testid="northstar-candidate"][data-rank="1"]');
  const column = await best.getAttribute("data-column");
  assert.notEqual(column, "north_star", "the sample has a better predictor than its north star");
  const rows = await rowsOf(page, "northstar-candidate");
  const auc = (c) => Number(rows.find((r) => r.column === c)?.auc);
  const highlighted = () => page.locator('[data-testid="northstar-candidate"].row--highlight').evaluateAll((trs) => trs.map((tr) => tr.dataset.column));
  assert.deepEqual(await highlighted(), ["north_star"], "the file's own north star is in use");
  await best.locator('[data-testid="northstar-use"]').click();
  // The chosen column is now the north star in use; the finder still lists the file's own
  // columns (the loaded customers are not rewritten), so going back is one click.
  await page.waitForFunction((c) => document.querySelector('[data-testid="northstar-candidate"].row--highlight')?.dataset.column === c, column, { timeout: 10000 });
  assert.deepEqual(await highlighted(), [column]);
  assert.ok(close(auc("north_star"), Number((await rowsOf(page, "northstar-candidate")).find((r) => r.column === "north_star").auc)), "the file's north star keeps its own AUC");
  // The renewal forecast now fits on the chosen column: a one-input logistic fit ranks the
  // customers as the column does, so its AUC is the finder's (both in the max form).
  await app.showSection("renewal");
  const fitted = await app.metric("auc");
  assert.ok(Math.abs(fitted - auc(column)) < 1e-3, `renewal AUC ${fitted} vs the finder's ${auc(column)} for ${column}`);
  await app.showSection("operations");
  await page.locator('[data-testid="ops-northstar"]').waitFor();

  // The onboarding lever: raise 90-day activation to 99 %, send it to the scenarios. (Its
  // default target is 10 points above today's share, capped at 100 %; the sample's 61–90-day
  // bucket renews about as often as the never-activated one, so the gain is small.)
  const before = await app.metric("activated-90d");
  const shownAfter = await app.metric("lever-logo-renewal-after");
  await app.fill("activation-target", "99");
  await page.waitForFunction((v) => Number(document.querySelector('[data-testid="metric-lever-logo-renewal-after"]')?.dataset.value) !== v, shownAfter, { timeout: 10000 });
  const gain = (await app.metric("lever-logo-renewal-after")) - (await app.metric("lever-logo-renewal-before"));
  await app.byTestId("lever-to-scenario").click();
  await app.showSection("economics");
  await app.byTestId("economics-view-scenarios").click();
  const names = await page.locator('[data-testid="scenario-name"]').evaluateAll((els) => els.map((e) => e.value));
  assert.equal(names.length, 2);
  assert.match(names[1], new RegExp(`${Math.round(before * 100)}% → 99%`));
  const base = Number(await app.scoped("input-logo-renewal").inputValue());
  const lever = Number(await app.scoped("input-logo-renewal", 1).inputValue());
  assert.ok(Math.abs(lever - (base + gain * 100)) < 0.01, `${lever} = ${base} + ${gain * 100}`);
  assert.equal(await app.byTestId("preset-cut-onboarding-churn").count(), 0, "the old preset is gone");

  // A funnel filter: the growth tier only.
  await openSection(app, page, "operations", "ops-funnel");
  const all = Number(await page.locator('[data-testid="funnel-step"][data-step="acquisition"]').getAttribute("data-count"));
  await app.byTestId("input-funnel-tier").selectOption("growth");
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="funnel-step"][data-step="acquisition"]')?.dataset.count) < n, all, { timeout: 10000 });
  assert.deepEqual(problems, []);
  await context.close();
});

test("an imported file: panels whose columns are missing say so, the rest compute", async () => {
  const { context, page, app, problems } = await suite.openApp(AppPage);
  const dir = await mkdtemp(join(tmpdir(), "rl-ops-"));
  // A CRM export with usage, NPS, TTFV and renewals but no CSM, segment or first start.
  const full = join(dir, "crm-export.csv");
  await writeFile(full, customersCsv(400));
  await app.showSection("data");
  await app.importFile(full);
  await app.confirmImport();
  await openSection(app, page, "operations", "ops-segments");
  const needs = async (panel) => page.locator(`[data-testid="${panel}"] [data-testid="panel-needs"]`).count();
  assert.equal(await needs("ops-segments"), 1, "no segment column: the panel says so");
  assert.match(await page.locator('[data-testid="ops-segments"] [data-testid="panel-needs"]').innerText(), /segment/);
  assert.equal(await needs("ops-nps"), 0, "NPS computes");
  assert.ok((await app.metric("nps-respondents")) > 0);
  // The file's own numeric column is a candidate of the finder.
  await page.locator('[data-testid="northstar-candidate"][data-column="weekly_logins"]').waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, "operations-imported.png"), fullPage: true });
  await openSection(app, page, "team", "team-books");
  assert.equal(await page.locator('[data-testid="team-books"] [data-testid="panel-needs"]').count(), 1, "no csm column");

  // Only the required columns: every panel that needs more says which columns.
  const bare = join(dir, "bare.csv");
  await writeFile(bare, "customer_id,arr,contract_start,contract_end\nA1,12000,2025-01-01,2026-01-01\nA2,24000,2025-03-01,2026-03-01\n");
  await app.showSection("data");
  await app.importFile(bare);
  await app.confirmImport();
  await openSection(app, page, "operations", "ops-nps");
  for (const panel of ["ops-nps", "ops-northstar", "ops-first-value", "ops-segments"]) {
    assert.equal(await needs(panel), 1, `${panel} says what it needs`);
  }
  assert.deepEqual(await nonFiniteFigures(page, '[data-testid="section-operations"]'), [], "no NaN, Infinity or undefined among the figures");

  // NPS by hand on a small file: answers rounded (8.6 → 9 promoter, 8.4 → 8 passive), the
  // headline over current customers. Current: 10, 8.6, 8.4, 0 → 100 × (2 − 1) / 4 = 25;
  // every answer, the churned 3 included → 100 × (2 − 2) / 5 = 0.
  const survey = join(dir, "survey.csv");
  await writeFile(survey, [
    "customer_id,arr,contract_start,contract_end,nps,renewed",
    "A1,1000,2025-01-01,2026-01-01,10,1",
    "A2,1000,2025-01-01,2026-01-01,8.6,",
    "A3,1000,2025-01-01,2026-01-01,8.4,",
    "A4,1000,2025-01-01,2026-01-01,3,0",
    "A5,1000,2025-01-01,2026-01-01,0,1",
  ].join("\n") + "\n");
  await app.showSection("data");
  await app.importFile(survey);
  await app.confirmImport();
  await openSection(app, page, "operations", "ops-nps");
  assert.equal(await app.metric("nps"), 25);
  assert.equal(await app.metric("nps-respondents"), 4);
  assert.equal(await app.metric("nps-all"), 0);

  // Segments by hand, names differing only in case and spaces counted as one: Retail 400 +
  // 200 (" retail "), Finance 200, Edu 100, Gov 60, Health 40 = 1,000. Top 3 = 900 = 90 %:
  // k = 3, within the band.
  const segmentsCsv = join(dir, "segments.csv");
  await writeFile(segmentsCsv, [
    "customer_id,arr,contract_start,contract_end,segment",
    "S1,400,2025-01-01,2026-01-01,Retail",
    "S2,200,2025-01-01,2026-01-01, retail ",
    "S3,200,2025-01-01,2026-01-01,Finance",
    "S4,100,2025-01-01,2026-01-01,Edu",
    "S5,60,2025-01-01,2026-01-01,Gov",
    "S6,40,2025-01-01,2026-01-01,Health",
  ].join("\n") + "\n");
  await app.showSection("data");
  await app.importFile(segmentsCsv);
  await app.confirmImport();
  await openSection(app, page, "operations", "ops-segments");
  assert.equal(await app.metric("segments-k"), 3);
  assert.ok(close(await app.metric("top3-segment-share"), 0.9));
  const names = (await rowsOf(page, "segment-row")).map((r) => [r.segment, r.arr]);
  assert.deepEqual(names, [["Retail", "600"], ["Finance", "200"], ["Edu", "100"], ["Gov", "60"], ["Health", "40"]]);
  assert.match(await app.byTestId("metric-segments-k").innerText(), /在原文 T 型业务/);

  // The funnel by hand on a small file. Default rule: active = north star above 0.
  // F1 reaches referral; F2 (north star 0) stops at activation but renewed; F3 (TTFV 120) is
  // only acquired but renewed; F4 (churned) and F5 (not due) reach retention.
  // Steps 5, 4 (F1, F2, F4, F5), 3 (F1, F4, F5), 1 (F1), 1 (F1); renewed in all F1–F3 = 3.
  const funnelCsv = join(dir, "funnel.csv");
  await writeFile(funnelCsv, [
    "customer_id,arr,contract_start,contract_end,first_start,ttfv_days,north_star,renewed,referrals",
    "F1,1000,2025-01-01,2026-01-01,2025-01-01,30,5,1,1",
    "F2,1000,2025-02-01,2026-02-01,2025-02-01,30,0,1,0",
    "F3,1000,2025-03-01,2026-03-01,2025-03-01,120,10,1,0",
    "F4,1000,2025-04-01,2026-04-01,2025-04-01,40,3,0,0",
    "F5,1000,2025-05-01,2026-05-01,2025-05-01,40,8,,0",
  ].join("\n") + "\n");
  await app.showSection("data");
  await app.importFile(funnelCsv);
  await app.confirmImport();
  await openSection(app, page, "operations", "ops-funnel");
  const stepCounts = async () => (await rowsOf(page, "funnel-step")).map((r) => [r.step, Number(r.count)]);
  assert.deepEqual(await stepCounts(), [["acquisition", 5], ["activation", 4], ["retention", 3], ["revenue", 1], ["referral", 1]]);
  assert.equal(await app.metric("funnel-renewed-all"), 3);
  assert.equal(await app.inputValue("funnel-active-threshold"), "0");
  // Threshold 6: only F5 (8) is active among the onboarded; nobody renewed past it.
  await app.fill("funnel-active-threshold", "6");
  await page.waitForFunction(() => document.querySelector('[data-testid="funnel-step"][data-step="retention"]')?.dataset.count === "1", null, { timeout: 10000 });
  assert.deepEqual(await stepCounts(), [["acquisition", 5], ["activation", 4], ["retention", 1], ["revenue", 0], ["referral", 0]]);
  assert.equal(await app.metric("funnel-renewed-all"), 3);

  // The finder by hand: 12 renewed (active_days 10, expansion 500) and 12 churned (1, no
  // expansion). active_days separates perfectly (AUC 1), ranked first; expansion_arr and arr are
  // outcomes of renewal, shown without a "use" button; logins has values for 12 renewed and
  // only 5 churned, fewer than 10: too few, not ranked.
  const finderCsv = join(dir, "finder.csv");
  const finderRows = [];
  for (let i = 1; i <= 12; i++) finderRows.push(`R${i},1200,2025-01-01,2026-01-01,500,1,10,5`);
  for (let i = 1; i <= 12; i++) finderRows.push(`C${i},1000,2025-01-01,2026-01-01,0,0,1,${i <= 5 ? 3 : ""}`);
  await writeFile(finderCsv, ["customer_id,arr,contract_start,contract_end,expansion_arr,renewed,active_days,logins", ...finderRows].join("\n") + "\n");
  await app.showSection("data");
  await app.importFile(finderCsv);
  await app.confirmImport();
  await openSection(app, page, "operations", "ops-northstar");
  const standings = Object.fromEntries((await rowsOf(page, "northstar-candidate")).map((r) => [r.column, [r.standing, r.rank, r.auc]]));
  assert.deepEqual(standings.active_days, ["ranked", "1", "1"]);
  assert.equal(standings.expansion_arr[0], "outcome");
  assert.equal(standings.arr[0], "outcome");
  assert.equal(standings.logins[0], "too-few");
  assert.equal(await page.locator('[data-testid="northstar-candidate"][data-column="expansion_arr"] [data-testid="northstar-use"]').count(), 0);

  // The onboarding lever by hand, on annual renewals only. Six annual contracts (A) and three
  // monthly plans (M), all started 2025-01-01. Buckets: ≤30 A1 ✓ A2 ✗ M1; 61–90 A3 ✓;
  // over-90 A4 ✗ A5 ✗ A6 ✓ M2 M3. Annual rates 1/2, 1, 1/3. Implied annual renewal
  // (2 × 1/2 + 1 + 3 × 1/3) / 6 = 0.5 (the monthly flags mixed in would give 6/9).
  // Activated 4/9; target 100 % moves round(5/9 × 6) = 3 annual customers to 61–90:
  // (2 × 1/2 + 4 × 1) / 6 = 5/6.
  const leverCsv = join(dir, "lever.csv");
  const annualRow = (id, ttfv, renewed) => `${id},12000,2025-01-01,2026-01-01,2025-01-01,${ttfv},${renewed}`;
  const monthlyRow = (id, ttfv) => `${id},1200,2025-11-01,2025-12-01,2025-01-01,${ttfv},1`;
  await writeFile(leverCsv, [
    "customer_id,arr,contract_start,contract_end,first_start,ttfv_days,renewed",
    annualRow("A1", 10, 1), annualRow("A2", 20, 0), annualRow("A3", 70, 1),
    annualRow("A4", "", 0), annualRow("A5", "", 0), annualRow("A6", 120, 1),
    monthlyRow("M1", 10), monthlyRow("M2", ""), monthlyRow("M3", ""),
  ].join("\n") + "\n");
  await app.showSection("data");
  await app.importFile(leverCsv);
  await app.confirmImport();
  await openSection(app, page, "operations", "ops-first-value");
  assert.ok(close(await app.metric("activated-90d"), 4 / 9));
  const bucketRates = Object.fromEntries((await rowsOf(page, "ttfv-bucket")).map((b) => [b.bucket, [Number(b.count), b.renewalRate]]));
  assert.deepEqual(bucketRates["0-30"], [3, "0.5"]);
  assert.equal(bucketRates["over-90"][0], 5);
  assert.ok(close(Number(bucketRates["over-90"][1]), 1 / 3));
  assert.ok(close(await app.metric("lever-logo-renewal-before"), 0.5));
  await app.fill("activation-target", "100");
  await page.waitForFunction(() => Math.abs(Number(document.querySelector('[data-testid="metric-lever-logo-renewal-after"]')?.dataset.value) - 5 / 6) < 1e-9, null, { timeout: 10000 });

  // Previous tiers from prev_health (no prev_tier column), without this year's expansion and
  // referrals. Default rules: lighthouse = top 5 % (1 of 4) by ARR before this year's
  // expansion and previous health ≥ 75; growth = previous health ≥ 60. ARR then: P1 1000 − 800
  // = 200, P2 500, P3 300, P4 100. P2 (78) lighthouse; P1 (80) and P3 (65) growth; P4 standard.
  // Renewal by previous tier: lighthouse 1/1, growth 1/2 (P3 churned), standard 1/1.
  // (Today's expansion and referrals would have made P1 lighthouse and P2, P3 standard.)
  const prevCsv = join(dir, "previous.csv");
  await writeFile(prevCsv, [
    "customer_id,arr,contract_start,contract_end,prev_health,expansion_arr,referrals,renewed",
    "P1,1000,2025-06-01,2026-06-01,80,800,3,1",
    "P2,500,2025-06-01,2026-06-01,78,0,0,1",
    "P3,300,2025-06-01,2026-06-01,65,0,0,0",
    "P4,100,2025-06-01,2026-06-01,40,0,0,1",
  ].join("\n") + "\n");
  await app.showSection("data");
  await app.importFile(prevCsv);
  await app.confirmImport();
  await openSection(app, page, "team", "team-tiers");
  const prevRenewal = Object.fromEntries((await rowsOf(page, "tier-kpi")).map((t) => [t.tier, t.logoRenewal]));
  assert.deepEqual(prevRenewal, { lighthouse: "1", growth: "0.5", standard: "1" });

  // A CRM file without first_start: the tenure is unknown, never taken from the current
  // contract. L1 and L2 are active, L3 churned: the health section counts 2 customers of
  // unknown tenure; first value and the funnel say they need first_start.
  const crmCsv = join(dir, "crm-no-first-start.csv");
  await writeFile(crmCsv, [
    "customer_id,arr,contract_start,contract_end,ttfv_days,renewed",
    "L1,1000,2026-01-01,2027-01-01,20,",
    "L2,1000,2025-06-01,2026-06-01,30,1",
    "L3,1000,2025-06-01,2026-06-01,,0",
  ].join("\n") + "\n");
  await app.showSection("data");
  await app.importFile(crmCsv);
  await app.confirmImport();
  await app.showSection("health");
  assert.equal(await app.byTestId("tenure-unknown").getAttribute("data-count"), "2");
  await openSection(app, page, "operations", "ops-first-value");
  for (const panel of ["ops-first-value", "ops-funnel"]) {
    assert.match(await page.locator(`[data-testid="${panel}"] [data-testid="panel-needs"]`).innerText(), /first_start/, panel);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

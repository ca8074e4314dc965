// End to end: the Strategy section (issue 19) through its hooks — a journey built by hand, the
// seed presets side by side, the 3F test, a pasted niche range scored by the binding formula,
// the organisation designer's full-stack headcount; screenshots in both languages.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { appSuite, nonFiniteFigures, SCREENSHOTS } from "./harness.mjs";
import { AppPage } from "./app-page.mjs";

const suite = appSuite();

/** Waits until the first element of a test id carries `value` in `attr`, then returns it. */
async function attrBecomes(page, id, attr, value) {
  await page.waitForFunction(
    ([id, attr, value]) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute(attr) === value,
    [id, attr, String(value)],
    { timeout: 5000 },
  ).catch(() => {});
  return page.locator(`[data-testid="${id}"]`).first().getAttribute(attr);
}

test("strategy: journey, presets, 3F, niche paste, org designer, screenshots", async () => {
  const { context, page, app, problems } = await suite.openApp(AppPage);
  await app.showSection("strategy");
  assert.ok(await app.byTestId("assumption").count() >= 4, "defaults are marked as assumptions");

  // (a) A journey by hand: pre-charge 5, then −10, +5, −20.
  await app.fill("precharge", "5");
  for (let i = 0; i < 3; i++) await app.byTestId("touchpoint-add").click();
  const ratings = [-10, 5, -20];
  const touchpoints = page.locator('[data-testid="touchpoint"]');
  assert.equal(await touchpoints.count(), 3);
  for (const [i, r] of ratings.entries()) {
    await touchpoints.nth(i).locator('[data-testid="input-touchpoint-name"]').fill(`step ${i + 1}`);
    await touchpoints.nth(i).locator('[data-testid="input-touchpoint-rating"]').selectOption(String(r));
  }
  let balance = 5;
  let firstNegative = "";
  ratings.forEach((r, i) => {
    balance += r;
    if (balance < 0 && firstNegative === "") firstNegative = String(i + 1);
  });
  assert.equal(balance, -20);
  assert.equal(firstNegative, "1");
  assert.equal(Number(await attrBecomes(page, "metric-friction-net", "data-value", balance)), balance);
  assert.equal(await attrBecomes(page, "metric-activates", "data-value", 0), "0");
  assert.equal(await attrBecomes(page, "metric-first-negative", "data-value", firstNegative), firstNegative);
  // Reorder: the +5 step moves first, so the balance stays ≥ 0 one step longer (5+5−10 = 0, then −20).
  await touchpoints.nth(1).locator('[data-testid="touchpoint-up"]').click();
  assert.equal(await attrBecomes(page, "metric-first-negative", "data-value", "3"), "3");
  assert.equal(await touchpoints.nth(0).locator('[data-testid="input-touchpoint-name"]').inputValue(), "step 2");
  await touchpoints.nth(2).locator('[data-testid="touchpoint-delete"]').click();
  assert.equal(Number(await attrBecomes(page, "metric-friction-net", "data-value", 0)), 0);
  assert.equal(await attrBecomes(page, "metric-first-negative", "data-value", ""), "");

  // (b) 3F: all three boxes → fit 3.
  for (const f of ["function", "frequency", "free"]) await app.byTestId(`input-3f-${f}`).check();
  assert.equal(Number(await attrBecomes(page, "metric-plg-fit", "data-value", 3)), 3);

  // (c) A 3-row niche range with a header.
  const niche = [
    { segment: "Retail", cycle: 30, willingness: 8, stickiness: 0.5, potential: 1000 },
    { segment: "Health", cycle: 90, willingness: 6, stickiness: 0.9, potential: 3000 },
    { segment: "Education", cycle: 60, willingness: 4, stickiness: 0.7, potential: 2000 },
  ];
  const text = ["segment\tclosing_cycle_days\twillingness_to_pay\tstickiness\tpotential_customers",
    ...niche.map((r) => [r.segment, r.cycle, r.willingness, r.stickiness, r.potential].join("\t"))].join("\n");
  await app.byTestId("input-niche-paste").fill(text);
  await app.byTestId("niche-paste-submit").click();
  await page.locator('[data-testid="niche-row"][data-rank="1"]').first().waitFor();
  const shown = await page.locator('[data-testid="niche-row"]').evaluateAll((trs) =>
    trs.map((tr) => ({ segment: tr.dataset.segment, score: Number(tr.dataset.score), rank: Number(tr.dataset.rank) })));
  // Worked by hand: willingness / 10, stickiness / 0.9 and potential / 3000 (the best rows),
  // the shortest cycle 30 / cycle; equal weights, × 100.
  // Retail (1 + 0.8 + 5/9 + 1/3) / 4 = 67.22; Health (1/3 + 0.6 + 1 + 1) / 4 = 73.33;
  // Education (0.5 + 0.4 + 7/9 + 2/3) / 4 = 58.61.
  const expected = {
    Retail: { score: 25 * (1.8 + 5 / 9 + 1 / 3), rank: 2 },
    Health: { score: 25 * (1 / 3 + 2.6), rank: 1 },
    Education: { score: 25 * (0.9 + 7 / 9 + 2 / 3), rank: 3 },
  };
  assert.equal(shown.length, 3);
  for (const r of niche) {
    const row = shown.find((s) => s.segment === r.segment);
    assert.ok(row, `${r.segment} shown`);
    assert.ok(Math.abs(row.score - expected[r.segment].score) < 1e-6, `${r.segment}: ${row.score} vs ${expected[r.segment].score}`);
    assert.equal(row.rank, expected[r.segment].rank, r.segment);
  }
  assert.deepEqual(shown.map((s) => s.rank), [1, 2, 3], "rank order");
  // A fourth segment no better than Education on any indicator changes no other score.
  await app.byTestId("input-niche-paste").fill(text + "\nGov\t200\t3\t0.4\t500");
  await app.byTestId("niche-paste-submit").click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="niche-row"]').length === 4, null, { timeout: 10000 });
  const withGov = await page.locator('[data-testid="niche-row"]').evaluateAll((trs) =>
    trs.map((tr) => ({ segment: tr.dataset.segment, score: Number(tr.dataset.score), rank: Number(tr.dataset.rank) })));
  for (const r of niche) {
    const row = withGov.find((s) => s.segment === r.segment);
    assert.ok(Math.abs(row.score - expected[r.segment].score) < 1e-6, `${r.segment} with Gov: ${row.score}`);
    assert.equal(row.rank, expected[r.segment].rank);
  }
  assert.equal(withGov.find((s) => s.segment === "Gov").rank, 4);
  await app.byTestId("input-niche-paste").fill(text);
  await app.byTestId("niche-paste-submit").click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="niche-row"]').length === 3, null, { timeout: 10000 });
  assert.ok(await page.locator('[data-chart="niche-ranks"] svg, [data-chart="niche-bubbles"] svg').count() >= 1);

  // (d) Org designer by hand, the other inputs at their defaults (τ = 0.2 technical tickets,
  // coordination 0.5, middle-office saving 0.15, efficiencies 0.8 / 0.8 / 0.5, N = 15).
  // A = 300 × 10 = 3,000 h, T = 300 × 2 × 12 × 0.5 = 3,600 h, I = 100 × 15 = 1,500 h,
  // X = 0.5 × 0.2 × 3,600 = 360 h. Full-stack: 8,460 / 1,500 = 5.64 → 6 CSMs (1.80 M).
  // Proactive–reactive: 4,860 → 4 CSMs, 2,880 → 2 support (1.50 M). Refined: 0.85 × 3,360
  // → 2 CSMs, 2,448 → 2 support, 1,020 → 1 implementer, 1 ops (1.40 M). Integrated: 2,550 → 2,
  // 1,958.4 → 2, 306 → 1 tech, 1, 1 (1.75 M). Cheapest: refined; the seed's rule (300
  // customers, ARPA 20,000) recommends proactive–reactive.
  const org = { customers: 300, "account-hours": 10, tickets: 2, "ticket-hours": 0.5, "new-customers": 100,
    "implementation-hours": 15, "productive-hours": 1500 };
  for (const [k, v] of Object.entries(org)) await app.fill(`org-${k}`, String(v));
  const fullStack = 6;
  const row = page.locator('[data-testid="org-model"][data-model="full-stack"]');
  await page.waitForFunction((n) => document.querySelector('[data-testid="org-model"][data-model="full-stack"]')?.dataset.headcount === String(n), fullStack, { timeout: 5000 }).catch(() => {});
  assert.equal(Number(await row.getAttribute("data-headcount")), fullStack);
  const models = await page.locator('[data-testid="org-model"]').evaluateAll((trs) => trs.map((tr) => tr.dataset.model));
  assert.deepEqual(models, ["full-stack", "proactive-reactive", "refined", "integrated"]);
  const recommended = await app.byTestId("metric-org-recommended").getAttribute("data-value");
  assert.equal(recommended, "proactive-reactive");
  assert.equal(await app.byTestId("metric-org-cheapest").getAttribute("data-value"), "refined");
  const cheapestRows = await page.locator('[data-testid="org-model"][data-cheapest="true"]').evaluateAll((trs) => trs.map((tr) => [tr.dataset.model, tr.dataset.headcount]));
  assert.deepEqual(cheapestRows, [["refined", "6"]]);

  // The seed presets side by side: nets 10+5−20−10+5 = −10 and 10+5+10−5+20 = 40.
  await app.byTestId("journey-presets").click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="metric-friction-net"]').length === 2, null, { timeout: 5000 });
  const nets = await page.locator('[data-testid="metric-friction-net"]').evaluateAll((els) => els.map((e) => Number(e.dataset.value)));
  assert.deepEqual(nets, [-10, 40]);

  assert.deepEqual(await nonFiniteFigures(page, '[data-testid="section-strategy"]'), [], "no NaN or Infinity among the figures");
  await page.screenshot({ path: join(SCREENSHOTS, "strategy-zh.png"), fullPage: true });
  await app.toggleLanguage();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  await page.screenshot({ path: join(SCREENSHOTS, "strategy-en.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

/** Strategy inputs worth carrying: a journey, one F, three niche rows, two org inputs. */
async function editStrategy(app, page) {
  await app.showSection("strategy");
  await app.fill("precharge", "7");
  await app.byTestId("touchpoint-add").click();
  const tp = page.locator('[data-testid="touchpoint"]').first();
  await tp.locator('[data-testid="input-touchpoint-name"]').fill("Kick-off");
  await tp.locator('[data-testid="input-touchpoint-rating"]').selectOption("-10");
  await app.byTestId("input-3f-function").check();
  await app.byTestId("input-niche-paste").fill("细分市场,结单周期,付费意愿,使用黏性,潜在客户量\nRetail,30,8,0.5,1000\nHealth,90,6,0.9,3000\nEducation,60,4,0.7,2000");
  await app.byTestId("niche-paste-submit").click();
  await page.locator('[data-testid="niche-row"][data-rank="1"]').first().waitFor();
  await app.fill("org-customers", "300");
  await page.locator(".more-settings summary").click();
  await app.fill("org-cost-csm", "400000");
  await attrBecomes(page, "metric-friction-net", "data-value", -3);
}

/** What the Strategy section shows for those inputs. */
async function strategyFigures(app, page) {
  await app.showSection("strategy");
  await page.locator('[data-testid="niche-row"][data-rank="1"]').first().waitFor();
  return {
    net: await app.byTestId("metric-friction-net").getAttribute("data-value"),
    touchpoint: await page.locator('[data-testid="input-touchpoint-name"]').first().inputValue(),
    fit: await app.byTestId("metric-plg-fit").getAttribute("data-value"),
    niche: await page.locator('[data-testid="niche-row"]').evaluateAll((trs) => trs.map((tr) => [tr.dataset.segment, tr.dataset.rank])),
    customers: await app.inputValue("org-customers"),
    csmCost: await app.inputValue("org-cost-csm"),
    fullStack: await page.locator('[data-testid="org-model"][data-model="full-stack"]').getAttribute("data-headcount"),
  };
}

test("strategy inputs travel in a share link and a scenario file, survive a reload and print", async () => {
  const a = await suite.openApp(AppPage);
  await editStrategy(a.app, a.page);
  const before = await strategyFigures(a.app, a.page);
  // Hand-computed: pre-charge 7, one touchpoint at −10 → net −3; one F ticked → fit 1.
  assert.equal(before.net, "-3");
  assert.equal(before.fit, "1");
  assert.equal(before.touchpoint, "Kick-off");
  assert.deepEqual(before.customers, "300");
  assert.deepEqual(before.csmCost, "400000");
  // x is willingness to pay, y stickiness: the axis titles say so.
  await a.app.toggleLanguage();
  const bubbles = await a.page.locator('[data-chart="niche-bubbles"] svg').innerHTML();
  assert.match(bubbles, /Willingness to pay/);
  assert.match(bubbles, /Stickiness/);
  assert.match(bubbles, /Closing cycle/);
  await a.app.toggleLanguage();

  // A reload keeps them (this browser's storage).
  await a.page.reload();
  await a.app.byTestId("metric-ndr").first().waitFor();
  assert.deepEqual(await strategyFigures(a.app, a.page), before, "after a reload");

  // Printed in the report.
  await a.app.byTestId("print-report").click();
  await a.app.byTestId("report-strategy").waitFor();
  assert.equal(await a.page.locator('[data-testid="report-journey"]').count(), 1);
  assert.match(await a.app.byTestId("report-strategy").innerText(), /-3/);
  assert.equal(await a.page.locator('[data-testid="report-org-model"]').count(), 4);
  await a.app.byTestId("report-back").click();

  // A share link opened in a new browser context.
  await a.app.showSection("economics");
  await a.app.byTestId("economics-view-scenarios").click();
  await a.app.byTestId("share-link").click();
  await a.app.byTestId("share-link-url").waitFor();
  const link = await a.app.byTestId("share-link-url").inputValue();
  const b = await suite.openApp(AppPage, { path: link.slice(link.indexOf("/", 8)) });
  await b.app.byTestId("notice").waitFor();
  assert.deepEqual(await strategyFigures(b.app, b.page), before, "through the share link");

  // A scenario file saved and opened in a third, fresh context.
  await a.app.showSection("economics");
  const [download] = await Promise.all([a.page.waitForEvent("download"), a.app.byTestId("scenario-file-save").click()]);
  const file = await download.path();
  const c = await suite.openApp(AppPage);
  await c.app.byTestId("economics-view-scenarios").click();
  await c.app.byTestId("scenario-file-open").setInputFiles(file);
  await c.app.byTestId("notice").waitFor();
  assert.deepEqual(await strategyFigures(c.app, c.page), before, "through a scenario file");

  for (const x of [a, b, c]) {
    assert.deepEqual(x.problems, []);
    await x.context.close();
  }
});

// End to end: the NDR/GRR bridge in the release build, in both languages.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { readFile } from "node:fs/promises";
import { appSuite, SCREENSHOTS } from "./harness.mjs";
import { AppPage } from "./app-page.mjs";

const suite = appSuite();
const openApp = () => suite.openApp(AppPage);

const close = (a, b) => Math.abs(a - b) < 1e-9;

test("sample loads in Chinese with the worked example, screenshot zh", async () => {
  const { context, page, app, problems } = await openApp();
  assert.equal(await app.lang(), "zh-CN");
  assert.ok(close(await app.metric("ndr"), 1.05), "NDR of the sample is 105 %");
  assert.ok(close(await app.metric("grr"), 0.85), "GRR of the sample is 85 %");
  assert.ok(close(await app.metric("gross-churn"), 0.15));
  assert.ok(close(await app.metric("net-churn"), -0.05));
  assert.match(await app.byTestId("metric-ndr").innerText(), /105\.0%/);
  assert.match(await page.locator("h1").innerText(), /留存实验室/);
  // The chart is drawn, with its title.
  const chart = page.locator('[data-chart="ndr-bridge"] svg');
  await chart.waitFor();
  assert.match(await chart.innerHTML(), /ARR 桥/);
  await page.screenshot({ path: join(SCREENSHOTS, "bridge-zh.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("language switch to English is remembered, screenshot en", async () => {
  const { context, page, app, problems } = await openApp();
  await app.toggleLanguage();
  assert.equal(await app.lang(), "en");
  assert.match(await page.locator("h1").innerText(), /Retention Lab/);
  assert.match(await app.byTestId("metric-ndr").innerText(), /105\.0%/);
  // English defaults to dollars, with K / M grouping in the chart.
  assert.match(await page.locator('[data-chart="ndr-bridge"] svg').innerHTML(), /\$1M/);
  await page.screenshot({ path: join(SCREENSHOTS, "bridge-en.png"), fullPage: true });
  await page.reload();
  await app.byTestId("metric-ndr").waitFor();
  assert.equal(await app.lang(), "en", "the language choice survives a reload");
  assert.deepEqual(problems, []);
  await context.close();
});

test("changing inputs recomputes NDR; invalid entries keep the last valid results", async () => {
  const { context, page, app, problems } = await openApp();
  await app.fill("expansion-arr", "¥300,000");
  assert.ok(close(await app.metric("ndr"), 1.15), "NDR with 300,000 expansion");

  await app.fill("churned-arr", "abc");
  await app.byTestId("error-churned-arr").waitFor();
  assert.match(await app.byTestId("error-churned-arr").innerText(), /abc/);
  assert.ok(close(await app.metric("ndr"), 1.15), "last valid NDR stays on screen");

  await app.fill("churned-arr", "-5");
  assert.match(await app.byTestId("error-churned-arr").innerText(), /负数/);

  await app.fill("churned-arr", "980000");
  assert.match(await app.byTestId("error-contraction-arr").innerText(), /超过期初/);
  assert.ok(close(await app.metric("ndr"), 1.15));

  // Percent-of-start entry: "10 %" of 1,000,000.
  await app.fill("churned-arr", "100000");
  await app.byTestId("input-entry-mode").selectOption("percent");
  assert.equal(await app.inputValue("churned-arr"), "10");
  await app.fill("churned-arr", "20 %");
  assert.ok(close(await app.metric("grr"), 0.75), "GRR with 20 % churn and 5 % contraction");

  // Autosaved: a reload shows the same figures.
  await page.reload();
  await app.byTestId("metric-ndr").waitFor();
  assert.equal(await app.inputValue("churned-arr"), "20 %");
  assert.ok(close(await app.metric("grr"), 0.75));

  await app.byTestId("reset-bridge").click();
  assert.ok(close(await app.metric("ndr"), 1.05));
  assert.deepEqual(problems, []);
  await context.close();
});

test("a corrupt saved entry is ignored with a notice", async () => {
  const { context, page, app, problems } = await openApp();
  await page.evaluate(() => localStorage.setItem("retention-lab/v1/bridge", "{not json"));
  await page.reload();
  await app.byTestId("error-banner").waitFor();
  assert.ok(close(await app.metric("ndr"), 1.05), "the sample is shown instead");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the Content-Security-Policy blocks requests to other origins", async () => {
  const { context, page, problems } = await openApp();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  const outcome = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective));
    let fetched;
    try {
      await fetch("http://198.51.100.7/collect");
      fetched = "sent";
    } catch {
      fetched = "blocked";
    }
    await new Promise((r) => setTimeout(r, 50));
    return { fetched, violations };
  });
  assert.equal(outcome.fetched, "blocked");
  assert.ok(outcome.violations.includes("connect-src"), JSON.stringify(outcome));
  // The blocked attempt never reached the network; nothing else left the origin either.
  assert.deepEqual(problems.filter((p) => !p.includes("198.51.100.7")), []);
  await context.close();
});

test("the bridge's figures download as a table", async () => {
  const { context, page, app, problems } = await openApp();
  await app.toggleLanguage();
  const [download] = await Promise.all([page.waitForEvent("download"), app.byTestId("export-bridge-csv").click()]);
  assert.equal(download.suggestedFilename(), "ndr_bridge.csv");
  const text = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "");
  assert.match(text, /^metric,value\r\n/);
  assert.match(text, /Net dollar retention \(NDR\),1\.05/);
  assert.match(text, /Starting ARR,1000000/);
  assert.deepEqual(problems, []);
  await context.close();
});

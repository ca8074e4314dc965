// End to end: what a user saved with format 1 (the hand-written JSON codecs, before serde)
// opens in this build. The values are the committed fixtures of tests/fixtures/persisted/v1,
// written by that build; the expectations are the inputs typed to make them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { appSuite } from "./harness.mjs";
import { AppPage } from "./app-page.mjs";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "persisted", "v1");
const fixture = (name) => readFileSync(join(FIXTURES, name), "utf8").trim();
const NAMES = ["基准", 'Plan "A" <b> 方案', "Upsell to NDR 120 %"];

const suite = appSuite();

async function scenarioNames(app) {
  await app.byTestId("economics-view-scenarios").click();
  return app.page.locator('[data-testid="scenario-name"]').evaluateAll((els) => els.map((e) => e.value));
}

test("v1 autosave, bridge, saved scenario, language and currency open as they were", async () => {
  const stored = {
    "retention-lab/v1/lang": "en",
    "retention-lab/v1/currency": "USD",
    "retention-lab/v1/bridge": fixture("bridge.json"),
    "retention-lab/v1/scenarios": fixture("scenarios.json"),
    "retention-lab/v1/saved/1763865370123": fixture("saved.json"),
  };
  const initScript = (values) => {
    if (!sessionStorage.getItem("seeded")) {
      sessionStorage.setItem("seeded", "1");
      for (const [key, value] of Object.entries(values)) localStorage.setItem(key, value);
    }
  };
  const { context, page, app, problems } = await suite.openApp(AppPage, { initScript: [initScript, stored] });
  assert.equal(await app.lang(), "en");
  assert.equal(await app.inputValue("start-arr"), "1,000,000");
  assert.equal(await app.inputValue("expansion-arr"), "12.5%");
  assert.equal(await app.byTestId("input-entry-mode").inputValue(), "percent");
  assert.equal(await page.locator('[data-testid="error-banner"]').count(), 0, "no 'stored inputs ignored'");
  // The baseline's name is one the app gave, so it follows the UI language (English here).
  assert.deepEqual(await scenarioNames(app), ["Baseline", ...NAMES.slice(1)]);
  assert.equal(await app.scoped("input-cac", 2).inputValue(), "12,000");
  const saved = page.locator('[data-testid="saved-scenario"][data-readable="true"]');
  assert.equal(await saved.getAttribute("data-name"), "董事会计划 Board plan");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a v1 share link opens its scenarios", async () => {
  const { context, page, app, problems } = await suite.openApp(AppPage, { path: "/#" + fixture("share_fragment.txt") });
  await app.byTestId("notice").waitFor();
  assert.deepEqual(await scenarioNames(app), NAMES);
  // Upsell raised until NDR reaches 120 %.
  assert.ok(Math.abs((await app.metric("ndr", 2)) - 1.2) < 1e-9);
  assert.deepEqual(problems, []);
  await context.close();
});

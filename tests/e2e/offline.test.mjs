// End to end: after one visit the app loads and works with the network off (service worker).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { appSuite, DIST, SCREENSHOTS } from "./harness.mjs";
import { AppPage } from "./app-page.mjs";

const suite = appSuite();

test("the service worker's list names every file of the release build", async () => {
  const sw = await readFile(join(DIST, "sw.js"), "utf8");
  const listed = new Set([...sw.matchAll(/"\.\/([^"]*)"/g)].map((m) => m[1]));
  for (const file of await readdir(DIST)) {
    assert.ok(listed.has(file), `${file} is shipped but sw.js would not keep it offline`);
  }
});

test("reload with the network off: the app still loads, computes and draws", async () => {
  const { context, page, app, problems } = await suite.openApp(AppPage);
  const ndr = await app.metric("ndr");
  // Installed (every asset cached) and controlling this page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await app.byTestId("metric-ndr").waitFor();
  assert.equal(await app.metric("ndr"), ndr);
  await app.fill("expansion-arr", "300000");
  assert.notEqual(await app.metric("ndr"), ndr);
  await app.showSection("health");
  assert.match(await page.locator('[data-chart="arr-by-band"] svg').innerHTML(), /<text/);
  await page.screenshot({ path: join(SCREENSHOTS, "offline-health.png") });
  assert.deepEqual(problems, []);
  await context.close();
});

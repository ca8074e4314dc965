// Times the app's 1,000,000-row import + triangle (bench_entry) in headless Chromium: one
// untimed warm-up run, then the median of `runs`. Usage: node opt.mjs <www dir> [runs]
// Prints "<median ms> <all runs>" for scripts/opt-level.sh.
import { chromium } from "playwright-core";
import { serveDir, CHROMIUM_ARGS } from "./load.mjs";

const [www, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const server = await serveDir(www, { gzip: false });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
const page = await browser.newPage();
await page.goto(`${server.origin}/opt.html`);
await page.waitForFunction(() => document.getElementById("status").textContent === "ready", null, { timeout: 120_000 });
await page.evaluate((rows) => window.bench.generate(rows), 1_000_000);
await page.evaluate(() => window.bench.run());
const times = [];
for (let i = 0; i < runs; i++) times.push((await page.evaluate(() => window.bench.run())).ms);
await browser.close();
server.close();
const sorted = [...times].sort((a, b) => a - b);
console.log(`${sorted[Math.floor(runs / 2)].toFixed(0)} ${times.map((t) => t.toFixed(0)).join(",")}`);

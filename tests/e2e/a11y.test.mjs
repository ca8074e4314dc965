// Accessibility: axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on every section and sub-view, in
// both languages and in presentation mode (issue 28). Prints the violations per rule, then
// requires none.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join, dirname } from "node:path";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { appSuite, SCREENSHOTS } from "./harness.mjs";
import { AppPage } from "./app-page.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(HERE, "..", "fixtures");
const AXE = await readFile(join(HERE, "node_modules", "axe-core", "axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const suite = appSuite();

/** Every view: a section and the clicks (or selects) that reach the sub-view. */
const VIEWS = [
  ["economics", []],
  ["economics", [["click", "economics-view-scenarios"]]],
  ["economics", [["click", "economics-view-scenarios"], ["click", "chart-tab-ltv"]]],
  ["economics", [["click", "economics-view-scenarios"], ["click", "chart-tab-sensitivity"]]],
  ["health", []],
  ["renewal", []],
  ["cohorts", []],
  ["cohorts", [["select", "input-cohort-measure", "revenue"]]],
  ["cohorts", [["select", "input-cohort-grain", "quarter"], ["select", "input-cohort-display", "absolute"]]],
  ["data", []],
  ["data", [["import", join(FIXTURES, "good", "customers.csv")]]],
  ["operations", []],
  ["team", []],
  ["strategy", []],
];

async function reach(app, section, steps) {
  await app.showSection(section);
  for (const [kind, id, value] of steps) {
    if (kind === "click") await app.byTestId(id).click();
    if (kind === "select") await app.byTestId(id).selectOption(value);
    if (kind === "import") await app.importFile(id);
  }
}

async function violations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) await page.evaluate(AXE);
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.length, target: v.nodes[0]?.target?.join(" ") }));
  }, TAGS);
}

test("axe finds no WCAG 2.2 AA violation in any view, language or presentation mode", async () => {
  const byRule = {};
  const where = [];
  let views = 0;
  for (const mode of ["zh", "en", "present"]) {
    for (const [section, steps] of VIEWS) {
      const { context, page, app, problems } = await suite.openApp(AppPage);
      if (mode !== "zh") await app.toggleLanguage();
      if (mode === "present") await app.byTestId("presentation-toggle").click();
      await reach(app, section, steps);
      for (const v of await violations(page)) {
        byRule[v.id] = (byRule[v.id] ?? 0) + v.nodes;
        where.push(`${mode} ${section} ${steps.map((s) => s[1]).join(">")}: ${v.id} ×${v.nodes} (${v.target})`);
      }
      views += 1;
      assert.deepEqual(problems, []);
      await context.close();
    }
  }
  console.log(`# measure: axe over ${views} views: ${JSON.stringify(byRule)}`);
  for (const line of where) console.log(`# ${line}`);
  assert.deepEqual(where, []);
});

test("no section scrolls sideways on a projector (1024 × 768) or an upright tablet (768 × 1024)", async () => {
  const wide = [];
  for (const [width, height] of [[1024, 768], [768, 1024]]) {
    for (const lang of ["zh", "en"]) {
      const { context, page, app, problems } = await suite.openApp(AppPage);
      await page.setViewportSize({ width, height });
      if (lang === "en") await app.toggleLanguage();
      for (const [section, steps] of VIEWS) {
        await reach(app, section, steps);
        const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
        if (scroll > inner) wide.push(`${width}×${height} ${lang} ${section} ${steps.map((s) => s[1]).join(">")}: ${scroll} px`);
      }
      await page.screenshot({ path: join(SCREENSHOTS, `layout-${width}x${height}-${lang}.png`) });
      assert.deepEqual(problems, []);
      await context.close();
    }
  }
  for (const line of wide) console.log(`# ${line}`);
  assert.deepEqual(wide, []);
});

test("the keyboard's first stop skips to the content, and a 10,000-character scenario name widens nothing", async () => {
  const { context, page, app, problems } = await suite.openApp(AppPage);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "skip-link");
  assert.ok(await app.byTestId("skip-link").isVisible(), "shown once focused");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
  await app.showSection("economics");
  await app.byTestId("economics-view-scenarios").click();
  await page.setViewportSize({ width: 1024, height: 768 });
  await app.byTestId("scenario-name").first().fill("很长的情景名称 a-very-long-scenario-name ".repeat(300).slice(0, 10_000));
  for (const tab of ["chart-tab-projection", "chart-tab-ltv", "chart-tab-sensitivity"]) {
    await app.byTestId(tab).click();
    const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    assert.ok(scroll <= inner, `${tab}: the page is ${scroll} px wide in a ${inner} px window`);
  }
  await page.screenshot({ path: join(SCREENSHOTS, "layout-long-scenario-name.png") });
  assert.deepEqual(problems, []);
  await context.close();
});

test("every slider has a number field that sets the same value without dragging", async () => {
  const { context, page, app, problems } = await suite.openApp(AppPage);
  const twin = async (slider, typed) => {
    const number = page.locator(`[data-testid="${slider}-number"]`);
    await number.fill(typed);
    await page.waitForFunction(([s, v]) => Number(document.querySelector(`[data-testid="${s}"]`)?.value) === Number(v), [slider, typed]);
    assert.equal(Number(await page.locator(`[data-testid="${slider}"]`).inputValue()), Number(typed), slider);
  };
  await app.showSection("economics");
  await app.byTestId("economics-view-scenarios").click();
  await twin("input-sbg-polarisation", "0.2");
  // A typed value the slider could not send is held back: the last one stays.
  await page.locator('[data-testid="input-sbg-polarisation-number"]').fill("5");
  assert.equal(Number(await page.locator('[data-testid="input-sbg-polarisation"]').inputValue()), 0.2);
  await twin("input-sbg-discount", "0.02");
  await app.showSection("health");
  const weight = await page.locator('[data-testid^="input-weight-"][type="range"]').first().getAttribute("data-testid");
  await twin(weight, "30");
  await app.showSection("renewal");
  await twin("input-north-star-lift", "25");
  await app.showSection("strategy");
  const niche = await page.locator('[data-testid^="input-niche-weight-"][type="range"]').first().getAttribute("data-testid");
  await twin(niche, "2.5");
  // Every slider of the app has its twin (none missed in a section added later).
  for (const section of ["economics", "health", "renewal", "strategy"]) {
    await app.showSection(section);
    if (section === "economics") await app.byTestId("economics-view-scenarios").click();
    const ids = await page.locator('input[type="range"]').evaluateAll((els) => els.map((e) => e.dataset.testid));
    for (const id of ids) assert.equal(await page.locator(`[data-testid="${id}-number"]`).count(), 1, `${id} has a number field`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});


test("no chart's texts overlap, in either language", async () => {
  // Every chart of the sample's views: each pair of text boxes (titles, ticks, labels, legend
  // entries, values) as laid out on the page, rotated axis titles included.
  const found = [];
  let texts = 0;
  for (const lang of ["zh", "en"]) {
    const { context, page, app, problems } = await suite.openApp(AppPage);
    if (lang === "en") await app.toggleLanguage();
    for (const [section, steps] of VIEWS.filter(([s]) => s !== "data")) {
      await reach(app, section, steps);
      texts += await page.locator("[data-chart] svg text").count();
      const res = await page.evaluate(() => {
        const out = [];
        for (const fig of document.querySelectorAll("[data-chart]")) {
          const svg = fig.querySelector("svg"); if (!svg) continue;
          const boxes = [...svg.querySelectorAll("text")].filter((t) => t.textContent.trim()).map((t) => ({ t: t.textContent.trim(), r: t.getBoundingClientRect() }));
          for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i].r, b = boxes[j].r;
            const w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (w > 1 && h > 1) out.push(`${fig.dataset.chart}: "${boxes[i].t}" × "${boxes[j].t}" (${w.toFixed(0)}×${h.toFixed(0)})`);
          }
        }
        return out;
      });
      for (const r of res) found.push(`${lang} ${section} ${steps.map((s) => s[1]).join(">")}: ${r}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
  console.log(`# measure: chart texts checked for overlap: ${texts}, overlapping pairs: ${found.length}`);
  assert.ok(texts > 500, `${texts} chart texts`);
  assert.deepEqual(found, []);
});

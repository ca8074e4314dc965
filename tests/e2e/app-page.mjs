// Page object: everything the tests do goes through data-testid hooks, never CSS or texts.
export class AppPage {
  constructor(page) {
    this.page = page;
  }

  byTestId(id) {
    return this.page.locator(`[data-testid="${id}"]`);
  }

  async open(origin, path = "/") {
    await this.page.goto(origin + path);
    // First: a share link may already have opened several scenarios, each with its NDR.
    await this.byTestId("metric-ndr").first().waitFor();
  }

  /** The element of a test id for the baseline (no data-scenario) or scenario n. */
  scoped(id, scenario) {
    const which = scenario ? `[data-scenario="${scenario}"]` : ":not([data-scenario])";
    return this.page.locator(`[data-testid="${id}"]${which}`);
  }

  /** The raw number a metric carries in data-value (baseline, or scenario n). */
  async metric(name, scenario) {
    return Number(await this.scoped(`metric-${name}`, scenario).getAttribute("data-value"));
  }

  async fill(name, text, scenario) {
    await this.scoped(`input-${name}`, scenario).fill(text);
  }

  async inputValue(name) {
    return this.byTestId(`input-${name}`).inputValue();
  }

  async toggleLanguage() {
    await this.byTestId("lang-toggle").click();
  }

  async showSection(name) {
    await this.byTestId(`nav-${name}`).click();
    await this.byTestId(`section-${name}`).waitFor();
  }

  /** Chooses a file in the import picker and waits for the mapping step or the error. */
  async importFile(path) {
    await this.byTestId("import-file").setInputFiles(path);
    await this.page.locator('[data-testid="import-mapping"], [data-testid="import-error"]').first().waitFor();
  }

  async pasteRange(text) {
    await this.byTestId("import-paste").fill(text);
    await this.byTestId("import-paste-submit").click();
    await this.page.locator('[data-testid="import-mapping"], [data-testid="import-error"]').first().waitFor();
  }

  async confirmImport() {
    await this.byTestId("import-confirm").click();
    await this.byTestId("import-mapping").waitFor({ state: "detached" });
  }

  async lang() {
    return this.page.evaluate(() => document.documentElement.lang);
  }
}

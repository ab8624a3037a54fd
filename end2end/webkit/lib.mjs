// The end-to-end tests in WebKit (suite e2e-webkit): WebKitGTK's MiniBrowser driven through
// its WebDriver (WebKitWebDriver, started by scripts/webkit-driver, which exports its URL as
// WEBDRIVER_URL) with selenium-webdriver, on the production build served by serveDist.
//
//   const env = await startWebKitEnv();               // in `before`: server, session
//   const s = await openApp(env, { fragment: '#…' }); // the app, storage cleared first
//   … drive s.page with the helpers of ../lib/flow.mjs, ../lib/harness.mjs, ../lib/axe.mjs …
//   await s.assertClean();
//   await s.close();
//
// s.page is a small Playwright-shaped adapter over the WebDriver session (`evaluate`,
// `waitForFunction`, `locator(css)` with `waitFor`, `click`, `fill`, `check`, `count`,
// `textContent`, `inputValue`, `evaluateAll`, `first`), just enough for the shared helpers to
// run unchanged in both engines: the selectors, the walks and the expected values are the
// Chromium tests' own. Every wait is a WebDriver wait on a condition, never a sleep.
//
// The test files beside this one: walks, scenarios, views, save (and re-open), keep on
// device, accessibility, harness. openApp clears sessionStorage and localStorage first;
// `s.load(fragment)` loads the page again keeping them.
//
// What WebDriver can observe in WebKitGTK, and what it cannot (README, "End-to-end tests"):
// it has no network log and no init scripts, so
//  - requests are read from the server's own log (every request that reached 127.0.0.1,
//    split at the moment the app was ready) and from the page's resource timing entries
//    (anything fetched from elsewhere); a request that a cache answered, or that the page's
//    CSP blocked before it left, appears in neither;
//  - CSP violations, console.error calls and uncaught errors are recorded by listeners the
//    test installs with executeScript once the app is ready: anything earlier in the load
//    is not seen here (the Chromium suite sees it).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Builder, By, Capabilities } from 'selenium-webdriver';
import { serveDist, isLocal, CSP_BY_DEFAULT, READY_SELECTOR, WORDS_MODULE, LAZY_MODULES } from '../lib/harness.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The WebDriver server: scripts/webkit-driver exports WEBDRIVER_URL. */
export const WEBDRIVER_URL = process.env.WEBDRIVER_URL;

/** MiniBrowser's capabilities, shared with the browser-webkit suite. */
export const CAPABILITIES = JSON.parse(fs.readFileSync(path.join(ROOT, 'webdriver-webkit.json'), 'utf8'));

const DEFAULT_TIMEOUT = 10000;

/**
 * One server and one MiniBrowser session for a test file: call in `before`, close in
 * `after`. One session per file, not per test: now and then WebKitWebDriver never answered a
 * New Session that followed a quit (README, "End-to-end tests").
 */
export async function startWebKitEnv({ csp = CSP_BY_DEFAULT } = {}) {
  assert.ok(WEBDRIVER_URL, 'WEBDRIVER_URL is not set: run under `xvfb-run -a scripts/webkit-driver`');
  const server = await serveDist({ csp });
  let driver = null;
  return {
    server,
    /** The file's WebDriver session, started on first use. */
    async driver() {
      driver ??= await new Builder().usingServer(WEBDRIVER_URL).withCapabilities(new Capabilities(CAPABILITIES)).build();
      return driver;
    },
    async close() {
      try {
        await driver?.quit();
      } finally {
        await server.close();
      }
    },
  };
}

// ---- a Playwright-shaped page over a WebDriver session -----------------------------------

/** A function's source called with the given arguments (executeScript's body). */
const callBody = (fn) => `return (${fn}).apply(null, arguments);`;

/** Whether an error is one WebDriver raises while the DOM changes under it. */
const transient = (e) =>
  ['StaleElementReferenceError', 'ElementClickInterceptedError', 'ElementNotInteractableError', 'NoSuchElementError'].includes(e?.name);

class Locator {
  /** @param {Page} page @param {{css: string, index: number|null}[]} parts */
  constructor(page, parts) {
    this.page = page;
    this.parts = parts;
  }

  get description() {
    return this.parts.map((p) => p.css + (p.index === null ? '' : `[${p.index}]`)).join(' >> ');
  }

  locator(css) {
    return new Locator(this.page, [...this.parts, { css, index: null }]);
  }

  nth(index) {
    const last = this.parts[this.parts.length - 1];
    return new Locator(this.page, [...this.parts.slice(0, -1), { ...last, index }]);
  }

  first() {
    return this.nth(0);
  }

  /** Every element the locator matches now (no wait). */
  async all() {
    let scopes = [this.page.driver];
    for (const { css, index } of this.parts) {
      const found = [];
      for (const scope of scopes) found.push(...(await scope.findElements(By.css(css))));
      scopes = index === null ? found : found.slice(index, index + 1);
    }
    return scopes;
  }

  async count() {
    return (await this.all()).length;
  }

  /** Waits for `state` ('visible', 'attached', 'hidden' or 'detached') of the first match. */
  async waitFor({ state = 'visible', timeout = DEFAULT_TIMEOUT } = {}) {
    await this.page.driver.wait(
      async () => {
        try {
          const els = await this.all();
          switch (state) {
            case 'attached':
              return els.length > 0;
            case 'detached':
              return els.length === 0;
            case 'hidden':
              return els.length === 0 || !(await els[0].isDisplayed());
            default:
              return els.length > 0 && (await els[0].isDisplayed());
          }
        } catch (e) {
          if (transient(e)) return false;
          throw e;
        }
      },
      timeout,
      `${this.description} to be ${state}`,
    );
  }

  /**
   * Runs `action(element)` on the first match once it is visible (or, with `visible: false`,
   * present: a radio drawn by its label is transparent, which WebDriver counts as not
   * displayed) and enabled, retrying while the DOM changes.
   */
  async act(action, { timeout = DEFAULT_TIMEOUT, visible = true } = {}) {
    let result;
    await this.page.driver.wait(
      async () => {
        try {
          const [el] = await this.all();
          if (!el || (visible && !(await el.isDisplayed())) || !(await el.isEnabled())) return false;
          result = await action(el);
          return true;
        } catch (e) {
          if (transient(e)) return false;
          throw e;
        }
      },
      timeout,
      `${this.description} to be visible and enabled`,
    );
    return result;
  }

  click() {
    return this.act((el) => el.click());
  }

  fill(value) {
    return this.act(async (el) => {
      await el.clear();
      await el.sendKeys(String(value));
    });
  }

  /** Ticks a radio or checkbox by a click on it, as a person clicks its drawn circle or box. */
  check() {
    return this.act(
      async (el) => {
        if (!(await el.isSelected())) await el.click();
        return true;
      },
      { visible: false },
    );
  }

  async element() {
    await this.waitFor({ state: 'attached' });
    return (await this.all())[0];
  }

  async evaluate(fn, arg) {
    const el = await this.element();
    return this.page.driver.executeScript(callBody(fn), el, arg);
  }

  async evaluateAll(fn, arg) {
    const els = await this.all();
    // Each element a top-level argument: WebKitWebDriver leaves the element references
    // inside an array argument as plain objects.
    return this.page.driver.executeScript(
      `return (${fn}).call(null, Array.prototype.slice.call(arguments, 1), arguments[0]);`,
      arg,
      ...els,
    );
  }

  textContent() {
    return this.evaluate((el) => el.textContent);
  }

  innerText() {
    return this.evaluate((el) => el.innerText);
  }

  inputValue() {
    return this.evaluate((el) => el.value);
  }

  getAttribute(name) {
    return this.evaluate((el, name) => el.getAttribute(name), name);
  }

  isVisible() {
    return this.all().then(async ([el]) => (el ? el.isDisplayed() : false));
  }
}

export class Page {
  /** @param {import('selenium-webdriver').WebDriver} driver */
  constructor(driver) {
    this.driver = driver;
    this.lastUrl = 'about:blank';
  }

  /** Runs `fn(arg)` in the page (a string: as a script body) and returns its (awaited) result. */
  evaluate(fn, arg) {
    if (typeof fn === 'string') return this.driver.executeScript(fn);
    return arg === undefined ? this.driver.executeScript(callBody(fn)) : this.driver.executeScript(callBody(fn), arg);
  }

  /** Waits until `fn(arg)` is truthy in the page; a TimeoutError otherwise. */
  async waitForFunction(fn, arg, { timeout = DEFAULT_TIMEOUT } = {}) {
    let value;
    await this.driver.wait(
      async () => {
        value = await this.evaluate(fn, arg);
        return Boolean(value);
      },
      timeout,
      `the page condition ${String(fn).slice(0, 80)}`,
    );
    return value;
  }

  locator(css) {
    return new Locator(this, [{ css, index: null }]);
  }

  getByTestId(id) {
    return this.locator(`[data-testid="${id}"]`);
  }

  async goto(url) {
    this.lastUrl = url;
    await this.driver.get(url);
  }

  /** The URL last navigated to (for messages; Playwright's page.url() is synchronous). */
  url() {
    return this.lastUrl;
  }

  title() {
    return this.driver.getTitle();
  }
}

// ---- what the page records --------------------------------------------------------------

// Installed with executeScript once the app is ready (WebDriver has no init scripts).
function installRecorders() {
  if (window.__smxRecorded) return;
  const rec = (window.__smxRecorded = { csp: [], errors: [] });
  window.addEventListener(
    'securitypolicyviolation',
    (e) => rec.csp.push(`${e.effectiveDirective || e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`),
    true,
  );
  window.addEventListener('error', (e) => rec.errors.push(`uncaught: ${e.message} (${e.filename}:${e.lineno})`));
  window.addEventListener('unhandledrejection', (e) => rec.errors.push(`unhandled rejection: ${e.reason}`));
  const original = console.error;
  console.error = function (...args) {
    rec.errors.push('console.error: ' + args.map(String).join(' '));
    return original.apply(this, args);
  };
}

/** Every resource the document has fetched so far (resource timing), with the page's origin. */
function resourceUrls() {
  return performance.getEntriesByType('resource').map((e) => e.name);
}

/**
 * The app at `fragment` in the file's session, once `readySelector` is visible, with nothing
 * kept from the test before: the origin's sessionStorage and localStorage are cleared first
 * (from a page of the origin that is not the app: the server's "not found").
 * @param {{server: {url: string, log: {method: string, path: string, status: number}[]}}} env
 * @param {{fragment?: string, path?: string, readySelector?: string, readyTimeout?: number}} [options]
 */
export async function openApp(env, { fragment = '', path: at = '/', readySelector = READY_SELECTOR, readyTimeout = 20000 } = {}) {
  const { server } = env;
  const origin = server.url;
  const driver = await env.driver();
  await driver.get(`${origin}/not-the-app`);
  await driver.executeScript('sessionStorage.clear(); localStorage.clear();');
  const page = new Page(driver);
  let logStart = server.log.length;
  let readyAt = logStart;
  const session = {
    driver,
    page,
    origin,
    /** The server's log of this session's requests before the app was ready. */
    get initialRequests() {
      return server.log.slice(logStart, readyAt);
    },
    /** The server's log since the app was ready. */
    get laterRequests() {
      return server.log.slice(readyAt);
    },
    /** Navigates to `fragment` (a new document) and waits for `readySelector` again. */
    async load(frag = fragment, { ready = readySelector } = {}) {
      logStart = server.log.length;
      // about:blank first: a URL that differs from the current one only in its fragment
      // would not load a new document.
      await driver.get('about:blank');
      await page.goto(origin + at + frag);
      if (ready) await page.locator(ready).first().waitFor({ state: 'visible', timeout: readyTimeout });
      readyAt = server.log.length;
      await page.evaluate(installRecorders);
    },
    /** What the listeners saw since the app was ready: `{csp: [], errors: []}`. */
    recorded: () => page.evaluate(() => window.__smxRecorded ?? null),
    /**
     * The end of a walk: no request to the server after the app was ready but the loads
     * of the lazy modules (words, take-aways, result pages), each words load once at most, nothing fetched from another origin, no CSP violation, no
     * console error and no uncaught error since the app was ready.
     */
    async assertClean() {
      const problems = [];
      const later = session.laterRequests.filter((r) => !LAZY_MODULES.some((m) => m.test(r.path)));
      if (later.length) problems.push('requests after the app was ready:\n' + later.map((r) => `  ${r.method} ${r.path}`).join('\n'));
      const words = session.laterRequests.filter((r) => WORDS_MODULE.test(r.path));
      if (words.length > 1) problems.push(`the words module was loaded ${words.length} times`);
      const bad = [...session.initialRequests, ...session.laterRequests].filter((r) => r.status >= 400);
      if (bad.length) problems.push('HTTP errors:\n' + bad.map((r) => `  ${r.status} ${r.method} ${r.path}`).join('\n'));
      const offsite = (await page.evaluate(resourceUrls)).filter((u) => !isLocal(u, origin));
      if (offsite.length) problems.push('resources from another origin:\n' + offsite.map((u) => '  ' + u).join('\n'));
      const rec = await session.recorded();
      if (rec === null) problems.push('the recorders are missing from the page (a navigation since openApp?)');
      else {
        if (rec.csp.length) problems.push('CSP violations:\n' + rec.csp.map((v) => '  ' + v).join('\n'));
        if (rec.errors.length) problems.push('errors:\n' + rec.errors.map((v) => '  ' + v).join('\n'));
      }
      assert.ok(problems.length === 0, `${page.url()}\n` + problems.join('\n'));
    },
    /** Leaves the app (the session itself is the file's: env.close() ends it). */
    close: () => driver.get('about:blank'),
  };
  await session.load(fragment);
  return session;
}

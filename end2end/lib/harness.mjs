// Shared by every end-to-end test and the benchmark: launches the system Chromium through
// playwright-core, serves dist/, and watches one page from load to the end of a walk.
//
// A walk looks like:
//
//   const s = await openApp(browser, server, { fragment: '#schedule=df&…' });
//   … drive the page through s.page (waiting locators only, never sleeps) …
//   await s.assertClean();   // network, CSP and console checks, with readable failures
//   await s.close();
//
// What openApp records, from the first request to assertClean():
//  - every request the page (or a worker of it) makes, split into the initial assets (up to
//    the moment the app is ready) and the ones after;
//  - every `securitypolicyviolation` event (an init script stores them on window);
//  - console errors, uncaught page errors, failed requests and HTTP errors.
// Requests to anything but the served 127.0.0.1 origin are recorded and then aborted, so a
// test never sends traffic off the machine even when the app misbehaves.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { serveDist } from '../serve-dist.mjs';

export { serveDist, CSP, DIST_DIR } from '../serve-dist.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The app's root. The built page holds a pre-rendered copy of it (`[data-smx-prerender]`)
 * until the app starts, so "the app has started" is READY_SELECTOR, not this.
 */
export const APP_SELECTOR = '[data-testid="app"]';

/** The app's root once it is interactive (README: `data-smx-ready`). */
export const READY_SELECTOR = '[data-testid="app"][data-smx-ready]';

/** The start page's Start button. */
export const START_SELECTOR = '[data-testid="start"]';

/**
 * A link that opens the first question directly (README, deep links: "an incomplete set
 * opens the first unanswered question"; here the set is just the schedule).
 */
export const FIRST_QUESTION_FRAGMENT = '#schedule=df';

/**
 * The first interactive element of the app: the first question's answer box, present and
 * enabled means "ready to use". The benchmark measures the time from navigation start to
 * this element, loading FIRST_QUESTION_FRAGMENT (no click in between, so only the page's
 * own work is timed).
 */
export const FIRST_INTERACTIVE_SELECTOR = '[data-testid="question-subjects"] [data-testid="answer"]';

export const DEFAULT_VIEWPORT = { width: 1280, height: 800 };

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** E2E_CSP=1 serves dist/ with the CSP header in every test that uses startEnv(). */
export const CSP_BY_DEFAULT = process.env.E2E_CSP === '1';

/**
 * One browser and one server for a test file: call in `before`, close in `after`.
 * @param {{csp?: boolean, root?: string}} [options]
 */
export async function startEnv({ csp = CSP_BY_DEFAULT, root } = {}) {
  const server = await serveDist({ csp, ...(root ? { root } : {}) });
  let browser;
  try {
    browser = await launchChromium();
  } catch (e) {
    await server.close();
    throw e;
  }
  return {
    browser,
    server,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

// Runs in the page before any of its own scripts (also after each navigation).
function recordCspViolations() {
  window.__cspViolations = [];
  window.addEventListener(
    'securitypolicyviolation',
    (e) => {
      window.__cspViolations.push({
        directive: e.effectiveDirective || e.violatedDirective,
        blockedURI: e.blockedURI,
        sourceFile: e.sourceFile,
        line: e.lineNumber,
        sample: e.sample,
      });
    },
    true,
  );
}

/**
 * The loads expected after the initial assets (README, privacy), each a same-origin script
 * the CSP allows, loaded at most once: the schedule's words, `security-matrix-words-<hash>.js`,
 * when a result view first shows; the take-aways module, `security-matrix-takeaways-<hash>.js`,
 * when a take-away file (the compliance matrix, the calendar) is first asked for; the result
 * code of every page but the start page, `security-matrix-pages-<hash>.js`, once the app is ready.
 */
export const WORDS_MODULE = /^\/security-matrix-words-[0-9a-f]{16}\.js$/;
export const TAKEAWAYS_MODULE = /^\/security-matrix-takeaways-[0-9a-f]{16}\.js$/;
export const PAGES_MODULE = /^\/security-matrix-pages-[0-9a-f]{16}\.js$/;
export const LAZY_MODULES = [WORDS_MODULE, TAKEAWAYS_MODULE, PAGES_MODULE];
const LAZY_MODULE_NAMES = new Map([
  [WORDS_MODULE, 'the words module'],
  [TAKEAWAYS_MODULE, 'the take-aways module'],
  [PAGES_MODULE, "the pages' module"],
]);

/** Whether a recorded request is a load of `module` (one of the lazy modules) from `origin`. */
function isLoadOf(module, r, origin) {
  return r.method === 'GET' && r.url.startsWith(origin + '/') && module.test(new URL(r.url).pathname);
}

/** Whether a recorded request is the load of the words module from `origin`. */
export function isWordsLoad(r, origin) {
  return isLoadOf(WORDS_MODULE, r, origin);
}

/** Whether a recorded request is the load of the pages' module from `origin`. */
export function isPagesLoad(r, origin) {
  return isLoadOf(PAGES_MODULE, r, origin);
}

/** Whether a recorded request is the load of the take-aways module from `origin`. */
export function isTakeawaysLoad(r, origin) {
  return isLoadOf(TAKEAWAYS_MODULE, r, origin);
}

/** Whether a URL the page fetched is its own: the served `origin`, or `data:` and `blob:` URLs. */
export function isLocal(url, origin) {
  return url.startsWith(origin + '/') || url === origin || url.startsWith('data:') || url.startsWith('blob:');
}

/**
 * For `beforeGoto`: the page without the File System Access save picker
 * (`showSaveFilePicker`), so "Save your answers to a file" is a download, as in Firefox and
 * Safari: headless Chromium cannot show the picker (save-in-place.test.mjs drives that path
 * with a stand-in).
 * @param {import('playwright-core').Page} page
 */
export function withoutSavePicker(page) {
  return page.addInitScript(() => {
    window.showSaveFilePicker = undefined;
  });
}

/**
 * Opens the app (or any `path` of the served directory) in a fresh browser context and
 * starts recording. Resolves once the page has loaded, `readySelector` is visible and the
 * network is idle: everything requested until then counts as the initial assets.
 * @param {import('playwright-core').Browser} browser
 * @param {{url: string}} server
 * `beforeGoto(page)` runs before the page is opened (routes); `waitUntil` is Playwright's
 * (`load` by default; `commit` when the app's module is held back, which holds back
 * DOMContentLoaded and load too); `waitForIdle: false` skips the wait for an idle network.
 * @param {{fragment?: string, path?: string, viewport?: {width: number, height: number}, readySelector?: string|null, readyTimeout?: number, beforeGoto?: (page: import('playwright-core').Page) => Promise<void>, waitUntil?: string, waitForIdle?: boolean}} [options]
 */
export async function openApp(browser, server, options = {}) {
  const {
    fragment = '',
    path = '/',
    viewport = DEFAULT_VIEWPORT,
    readySelector = READY_SELECTOR,
    readyTimeout = 15000,
    beforeGoto,
    waitUntil = 'load',
    waitForIdle = true,
  } = options;
  const origin = server.url;
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  // A hook that never comes fails in 10 s rather than Playwright's 30: locally the app
  // answers in milliseconds.
  context.setDefaultTimeout(10000);
  const requests = [];
  const consoleErrors = [];
  const pageErrors = [];
  const failedRequests = [];
  const httpErrors = [];
  let phase = 'initial';

  await context.addInitScript(recordCspViolations);
  // Nothing leaves the machine: record (through the 'request' event) and abort.
  await context.route(
    (url) => !isLocal(url.href, origin),
    (route) => route.abort('blockedbyclient'),
  );
  context.on('request', (r) => {
    requests.push({ phase, method: r.method(), url: r.url(), type: r.resourceType() });
  });
  context.on('requestfailed', (r) => {
    failedRequests.push(`${r.method()} ${r.url()}: ${r.failure()?.errorText}`);
  });
  context.on('response', (r) => {
    if (r.status() >= 400) httpErrors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });

  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') {
      const where = m.location()?.url ? ` (${m.location().url}:${m.location().lineNumber})` : '';
      consoleErrors.push(m.text() + where);
    }
  });
  page.on('pageerror', (e) => pageErrors.push(String(e?.stack ?? e)));

  const url = origin + path + fragment;
  if (beforeGoto) await beforeGoto(page);
  await page.goto(url, { waitUntil });
  if (readySelector) await page.locator(readySelector).first().waitFor({ state: 'visible', timeout: readyTimeout });
  if (waitForIdle) await page.waitForLoadState('networkidle');
  phase = 'after-load';

  const session = {
    page,
    context,
    url,
    origin,
    /** Every request so far, in order: `{phase, method, url, type}`. */
    requests,
    get initialRequests() {
      return requests.filter((r) => r.phase === 'initial');
    },
    get laterRequests() {
      return requests.filter((r) => r.phase !== 'initial');
    },
    consoleErrors,
    pageErrors,
    failedRequests,
    httpErrors,
    /** The CSP violations reported in the current document. */
    cspViolations: () => page.evaluate(() => window.__cspViolations ?? null),
    /**
     * Lets events already queued in the page reach the test: one animation frame and one
     * task. Not a wait for rendering (use locators for that).
     */
    settle: () =>
      page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))),
    /** The loads of the words module so far (at most one is expected). */
    get wordsLoads() {
      return requests.filter((r) => isWordsLoad(r, origin));
    },
    /** The loads of the take-aways module so far (at most one is expected). */
    get takeawaysLoads() {
      return requests.filter((r) => isTakeawaysLoad(r, origin));
    },
    /**
     * The end of a walk: asserts zero requests after the initial assets but the expected
     * loads of the lazy modules ([LAZY_MODULES]), each once at most, no
     * request off 127.0.0.1, no CSP violation,
     * no console error, no uncaught error, no failed request.
     * @param {{allowLaterRequests?: boolean}} [opts]
     */
    async assertClean({ allowLaterRequests = false } = {}) {
      await session.settle();
      const problems = [];
      const offsite = requests.filter((r) => !isLocal(r.url, origin));
      if (offsite.length) {
        problems.push(`requests that leave ${origin}:\n` + offsite.map(fmtRequest).join('\n'));
      }
      const unexpected = session.laterRequests.filter((r) => !LAZY_MODULES.some((m) => isLoadOf(m, r, origin)));
      if (!allowLaterRequests && unexpected.length) {
        problems.push(
          'requests after the initial assets (expected none but the lazy modules):\n' + unexpected.map(fmtRequest).join('\n'),
        );
      }
      // (A test that allows later requests reloads the page, which loads them again.)
      for (const module of LAZY_MODULES) {
        const loads = requests.filter((r) => isLoadOf(module, r, origin));
        if (!allowLaterRequests && loads.length > 1) {
          problems.push(`${LAZY_MODULE_NAMES.get(module)} was loaded more than once:\n` + loads.map(fmtRequest).join('\n'));
        }
      }
      const csp = await session.cspViolations();
      if (csp === null) problems.push('the CSP recorder is missing from the page (init script did not run)');
      else if (csp.length) {
        problems.push(
          'CSP violations:\n' +
            csp.map((v) => `  ${v.directive} blocked ${v.blockedURI || '(inline)'} at ${v.sourceFile}:${v.line} ${v.sample ?? ''}`).join('\n'),
        );
      }
      if (consoleErrors.length) problems.push('console errors:\n' + consoleErrors.map((e) => '  ' + e).join('\n'));
      if (pageErrors.length) problems.push('uncaught errors:\n' + pageErrors.map((e) => '  ' + e).join('\n'));
      if (failedRequests.length) problems.push('failed requests:\n' + failedRequests.map((e) => '  ' + e).join('\n'));
      if (httpErrors.length) problems.push('HTTP errors:\n' + httpErrors.map((e) => '  ' + e).join('\n'));
      assert.ok(problems.length === 0, `${url}\n` + problems.join('\n'));
    },
    close: () => context.close(),
  };
  return session;
}

function fmtRequest(r) {
  return `  [${r.phase}] ${r.method} ${r.url} (${r.type})`;
}

const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * Waits (up to `timeout`) until the text of `selector` (whitespace collapsed) equals
 * `expected`, then passes; otherwise fails showing the text it last saw.
 */
export async function expectText(page, selector, expected, { timeout = 5000 } = {}) {
  try {
    await page.waitForFunction(
      ([sel, exp]) => {
        const el = document.querySelector(sel);
        return el !== null && el.textContent.replace(/\s+/g, ' ').trim() === exp;
      },
      [selector, norm(expected)],
      { timeout },
    );
  } catch (e) {
    if (e?.name !== 'TimeoutError') throw e;
    const actual = await page.evaluate((sel) => document.querySelector(sel)?.textContent ?? null, selector);
    assert.equal(actual === null ? null : norm(actual), norm(expected), `text of ${selector}`);
    throw e;
  }
}

/**
 * Waits (up to `timeout`) until the text of `selector` (whitespace collapsed) contains
 * `expected` (a label may stand beside the value), then passes; otherwise fails showing the
 * text it last saw.
 */
export async function expectTextContaining(page, selector, expected, { timeout = 5000 } = {}) {
  try {
    await page.waitForFunction(
      ([sel, exp]) => {
        const el = document.querySelector(sel);
        return el !== null && el.textContent.replace(/\s+/g, ' ').includes(exp);
      },
      [selector, norm(expected)],
      { timeout },
    );
  } catch (e) {
    if (e?.name !== 'TimeoutError') throw e;
    const actual = await page.evaluate((sel) => document.querySelector(sel)?.textContent ?? null, selector);
    assert.ok(actual !== null && norm(actual).includes(norm(expected)), `text of ${selector}: ${JSON.stringify(actual)} should contain ${JSON.stringify(expected)}`);
    throw e;
  }
}

/**
 * Waits (up to `timeout`) until the `datetime` attributes of the `<time>` elements inside
 * `selector` equal `expected` (a string for one, an array for several, in document order).
 */
export async function expectTimes(page, selector, expected, { timeout = 5000 } = {}) {
  const want = Array.isArray(expected) ? expected : [expected];
  try {
    await page.waitForFunction(
      ([sel, exp]) => {
        const els = document.querySelectorAll(sel);
        if (els.length !== 1) return false;
        const times = [...els[0].querySelectorAll('time')].map((t) => t.getAttribute('datetime'));
        return JSON.stringify(times) === JSON.stringify(exp);
      },
      [selector, want],
      { timeout },
    );
  } catch (e) {
    if (e?.name !== 'TimeoutError') throw e;
    const got = await page.evaluate((sel) => {
      const els = document.querySelectorAll(sel);
      return {
        count: els.length,
        times: els.length ? [...els[0].querySelectorAll('time')].map((t) => t.getAttribute('datetime')) : [],
      };
    }, selector);
    assert.equal(got.count, 1, `exactly one element should match ${selector}`);
    assert.deepEqual(got.times, want, `<time datetime> values inside ${selector}`);
    throw e;
  }
}

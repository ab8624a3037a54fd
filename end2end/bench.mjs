// Speed report of the production build (a report, never a pass/fail test).
//
//   node end2end/bench.mjs [--runs N]        (after ./scripts/build; N defaults to 10)
//
// 1. Time to interactive: in headless Chromium, the median over N cold loads (a fresh browser
//    context each, so an empty cache) of the time from navigation start until
//    READY_SELECTOR is in the document and enabled. Measured for the app, and for a static
//    HTML page with the same markup and stylesheet (written into a temp copy of dist/ in the
//    same run, from what the app rendered), loads alternating. Prints both medians and the
//    ratio, against a target of at most 1.5x.
// 2. Answer change on the check-answers page to re-rendered result: skipped until that page
//    exists (fill in CHECK_ANSWERS below).
//
// Writes reports/speed.md. Exits non-zero only if the measurement itself cannot be made.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launchChromium, serveDist, DIST_DIR, FIRST_INTERACTIVE_SELECTOR, CHROMIUM_PATH } from './lib/harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const REPORT = path.join(ROOT, 'reports', 'speed.md');

/** The first interactive element: present and enabled means the page is usable. */
const READY_SELECTOR = FIRST_INTERACTIVE_SELECTOR;
const LOAD_RATIO_TARGET = 1.5;

/**
 * The second measure, to fill in once the check-answers page exists: open `fragment`, set
 * the control `changeSelector` to `changeValue` (an <input> or <select>), and time until the
 * text of `resultSelector` changes. While `fragment` is null the measure is skipped.
 */
const CHECK_ANSWERS = {
  fragment: null, // e.g. '#schedule=df&subjects=3000&…&page=check'
  changeSelector: null, // e.g. '[data-testid="answer-subjects"] input'
  changeValue: null, // e.g. '250000'
  resultSelector: null, // e.g. '[data-testid="level"]'
};

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 10;
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs needs a positive whole number');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${x.toFixed(1)} ms`;

// Runs in the page before its own scripts: notes performance.now() (milliseconds since
// navigation start) the first time the selector matches an enabled element.
function watchReady(selector) {
  const check = () => {
    if (window.__benchReady !== undefined) return;
    const el = document.querySelector(selector);
    if (el && !el.matches(':disabled')) {
      window.__benchReady = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

async function coldLoad(browser, url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    await context.addInitScript(watchReady, READY_SELECTOR);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__benchReady !== undefined, null, { timeout: 30000 });
    return await page.evaluate(() => window.__benchReady);
  } finally {
    await context.close();
  }
}

// The static twin of the app's first screen: the markup the app rendered, with its stylesheets.
async function writeStaticTwin(browser, server, dir) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(server.url + '/');
    await page.locator(READY_SELECTOR).waitFor({ state: 'attached' });
    const { title, lang, styles, body } = await page.evaluate(() => ({
      title: document.title,
      lang: document.documentElement.lang,
      styles: [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute('href')),
      body: [...document.body.childNodes]
        .filter((n) => n.nodeName !== 'SCRIPT')
        .map((n) => n.outerHTML ?? n.textContent)
        .join(''),
    }));
    const html =
      `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>` +
      styles.map((href) => `<link rel="stylesheet" href="${href}">`).join('') +
      `</head><body>${body}</body></html>`;
    fs.writeFileSync(path.join(dir, 'static-twin.html'), html);
    return html;
  } finally {
    await context.close();
  }
}

async function measureLoads(browser, server) {
  const appUrl = server.url + '/';
  const staticUrl = server.url + '/static-twin.html';
  // One discarded load of each first: the browser's own start-up is not the page's cost.
  await coldLoad(browser, appUrl);
  await coldLoad(browser, staticUrl);
  const app = [];
  const twin = [];
  for (let i = 0; i < RUNS; i++) {
    app.push(await coldLoad(browser, appUrl));
    twin.push(await coldLoad(browser, staticUrl));
    process.stdout.write(`  load ${i + 1}/${RUNS}: app ${ms(app.at(-1))}, static ${ms(twin.at(-1))}\n`);
  }
  return { app, twin };
}

async function measureAnswerChange(browser, server) {
  const c = CHECK_ANSWERS;
  if (!c.fragment) {
    return { skipped: 'skipped: the check-answers page does not exist yet (fill in CHECK_ANSWERS in end2end/bench.mjs)' };
  }
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      await page.goto(server.url + '/' + c.fragment);
      await page.locator(c.resultSelector).waitFor({ state: 'visible' });
      await page.locator(c.changeSelector).waitFor({ state: 'visible' });
      times.push(
        await page.evaluate(async ({ changeSelector, changeValue, resultSelector }) => {
          const control = document.querySelector(changeSelector);
          const before = document.querySelector(resultSelector).textContent;
          const changed = new Promise((resolve) => {
            const o = new MutationObserver(() => {
              const now = document.querySelector(resultSelector);
              if (now && now.textContent !== before) {
                o.disconnect();
                resolve(performance.now());
              }
            });
            o.observe(document.body, { childList: true, subtree: true, characterData: true });
          });
          const t0 = performance.now();
          control.value = changeValue;
          control.dispatchEvent(new Event('input', { bubbles: true }));
          control.dispatchEvent(new Event('change', { bubbles: true }));
          return (await changed) - t0;
        }, c),
      );
    } finally {
      await context.close();
    }
  }
  return { times };
}

function gitCommit() {
  try {
    return execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'smx-bench-'));
let browser;
let server;
try {
  if (!fs.existsSync(path.join(DIST_DIR, 'index.html'))) throw new Error('dist/ is missing: run ./scripts/build first');
  fs.cpSync(DIST_DIR, tmp, { recursive: true });
  server = await serveDist({ root: tmp });
  browser = await launchChromium();
  const chromium = browser.version();
  await writeStaticTwin(browser, server, tmp);

  console.log(`Time to '${READY_SELECTOR}' present and enabled, ${RUNS} cold loads each (Chromium ${chromium}):`);
  const { app, twin } = await measureLoads(browser, server);
  const appMedian = median(app);
  const twinMedian = median(twin);
  const ratio = appMedian / twinMedian;
  const verdict = ratio <= LOAD_RATIO_TARGET ? 'PASS' : 'OVER';
  console.log(`App median:    ${ms(appMedian)} (min ${ms(Math.min(...app))}, max ${ms(Math.max(...app))})`);
  console.log(`Static median: ${ms(twinMedian)} (min ${ms(Math.min(...twin))}, max ${ms(Math.max(...twin))})`);
  console.log(`Ratio: ${ratio.toFixed(2)}x (target at most ${LOAD_RATIO_TARGET}x): ${verdict}`);

  const change = await measureAnswerChange(browser, server);
  let changeRow;
  if (change.skipped) {
    console.log(`Answer change to re-rendered result: ${change.skipped}`);
    changeRow = `| answer change on the check-answers page → re-rendered result | ${change.skipped} | | | |`;
  } else {
    const m = median(change.times);
    console.log(`Answer change to re-rendered result: median ${ms(m)} over ${RUNS} runs`);
    changeRow = `| answer change on the check-answers page → re-rendered result | ${ms(m)} | | | |`;
  }

  fs.mkdirSync(path.dirname(REPORT), { recursive: true });
  fs.writeFileSync(
    REPORT,
    [
      '# Speed',
      '',
      'Written by `node end2end/bench.mjs` (after `./scripts/build`): a report, not a test. Headless',
      `Chromium ${chromium} on this machine (2 shared cores, so figures are noisy), the production`,
      `build served from 127.0.0.1, commit ${gitCommit()}, ${new Date().toISOString().slice(0, 10)}.`,
      '',
      `Time from navigation start until \`${READY_SELECTOR}\` is present and enabled, median of ${RUNS} cold`,
      'loads (fresh browser context each, loads alternating, one discarded warm-up of each). The static',
      'page has the markup the app rendered and the same stylesheet, and no script.',
      '',
      '| measure | app | static page | ratio | target |',
      '| --- | ---: | ---: | ---: | --- |',
      `| time to first interactive element (median) | ${ms(appMedian)} | ${ms(twinMedian)} | ${ratio.toFixed(2)}× | at most ${LOAD_RATIO_TARGET}×: ${verdict} |`,
      `| fastest / slowest | ${ms(Math.min(...app))} / ${ms(Math.max(...app))} | ${ms(Math.min(...twin))} / ${ms(Math.max(...twin))} | | |`,
      changeRow,
      '',
      `All loads (ms), app: ${app.map((x) => x.toFixed(1)).join(', ')}`,
      '',
      `All loads (ms), static: ${twin.map((x) => x.toFixed(1)).join(', ')}`,
      '',
    ].join('\n'),
  );
  console.log(`Figures written to ${path.relative(ROOT, REPORT)}`);
} finally {
  await browser?.close();
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}

// The schedule's own words (issue 17): the production build leaves them out of the
// WebAssembly and loads them, once, from security-matrix-words-<hash>.js, integrity-checked
// by the browser, when a result view first shows. They appear where they did (a subject's
// disclosure, the all view with "Include the schedule's own words", the compliance matrix);
// a changed file is refused and the app says so while the rest works; the load is the one
// request after the initial assets (README, privacy); printing with the words waits for them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startEnv, openApp, DIST_DIR, WORDS_MODULE, LAZY_MODULES } from '../lib/harness.mjs';
import { tid, expectView, viewSelector, openView } from '../lib/flow.mjs';
import { S6_EXAMPLE } from '../lib/workspace.mjs';

const WORDS_FILE = fs.readdirSync(DIST_DIR).find((f) => WORDS_MODULE.test(`/${f}`));
/** The words module's strings, as built. */
const WORDS = (() => {
  assert.ok(WORDS_FILE, 'dist/ has security-matrix-words-<hash>.js (scripts/build)');
  const source = fs.readFileSync(path.join(DIST_DIR, WORDS_FILE), 'utf8');
  return JSON.parse(source.replace(/^export default /, '').replace(/;\n$/, ''));
})();
const WORDS_URL = (url) => WORDS_MODULE.test(url.pathname);

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

/** Opens the start page (nothing loads the words there), then the S6 example at `view`. */
async function openResultLater(view, prepare = async () => {}) {
  const s = await openApp(env.browser, env.server);
  assert.equal(s.wordsLoads.length, 0, 'the start page does not load the words');
  await prepare(s);
  await s.page.evaluate((f) => (location.hash = f), `${S6_EXAMPLE.replace(/^#/, '')}&view=${view}`);
  await expectView(s.page, view);
  return s;
}

/** Replaces window.print with a note of how many clause texts the page held when called. */
function stubPrint(page) {
  return page.evaluate(() => {
    window.__printed = [];
    window.print = () => window.__printed.push(document.querySelectorAll('[data-testid="words-text"]').length);
  });
}

test("the words load once, after the start page, and appear in a subject's view, the all view and the compliance matrix; nothing else is requested", async () => {
  const s = await openResultLater('subject-audit');
  try {
    const { page } = s;
    const duty = page.locator(`${viewSelector('subject-audit')} ${tid('obligation')}`).first();
    await duty.locator(`${tid('words')} > summary`).click();
    const words = duty.locator(`${tid('words')} ${tid('words-text')}`);
    await words.waitFor();
    assert.ok(WORDS.includes(await words.textContent()), 'the clause as the words module has it');

    await openView(page, 'all');
    const duties = await page.locator(`${viewSelector('all')} ${tid('obligation')}`).count();
    await page.locator(tid('print-words')).check();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="words-text"]').length === n, duties);
    assert.equal(await page.locator(tid('words-loading')).count(), 0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`${viewSelector('all')} ${tid('download-csv')}`).click()]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    const inCsv = WORDS.filter((w) => csv.includes(w.includes('"') ? w.replaceAll('"', '""') : w));
    assert.ok(inCsv.length >= duties / 2, `the compliance matrix has the clauses' words (${inCsv.length} of ${duties} duties found)`);

    // The privacy check: the words module is loaded once after the initial assets, from the
    // page's own origin, as a script (the CSP's script-src 'self'); the compliance matrix
    // loaded the take-aways module, the only other one (assertClean).
    assert.equal(s.wordsLoads.length, 1, 'one request for the words, whatever showed them');
    assert.equal(s.wordsLoads[0].phase, 'after-load');
    assert.equal(s.wordsLoads[0].type, 'script');
    await s.assertClean(); // no other request after load, no CSP violation, no console error
  } finally {
    await s.close();
  }
});

test('a words module that fails its integrity check is refused: the app says so where the words go, and the rest works', async () => {
  const s = await openResultLater('subject-audit', (s) =>
    s.context.route(WORDS_URL, async (route) => {
      const body = fs.readFileSync(path.join(DIST_DIR, WORDS_FILE), 'utf8').replace('Supplier', 'Customer');
      await route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body });
    }),
  );
  try {
    const { page } = s;
    const duty = page.locator(`${viewSelector('subject-audit')} ${tid('obligation')}`).first();
    await duty.locator(`${tid('words')} > summary`).click();
    const error = duty.locator(`${tid('words')} ${tid('words-error')}`);
    await error.waitFor();
    assert.match(await error.textContent(), /could not be loaded/);
    assert.equal(await page.locator(tid('words-text')).count(), 0, 'no altered words shown');
    assert.ok(s.consoleErrors.some((e) => /integrity/i.test(e)), `the browser refused it: ${s.consoleErrors.join('\n')}`);

    // The rest works: a status is recorded, the all view and the compliance matrix are there.
    await duty.locator(tid('status-in-progress')).check();
    await page.waitForFunction(() => document.querySelector('[data-testid="obligation"]')?.dataset.status === 'in-progress');
    await openView(page, 'all');
    await page.locator(tid('print-words')).check();
    await page.locator(`${viewSelector('all')} ${tid('words-error')}`).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`${viewSelector('all')} ${tid('download-csv')}`).click()]);
    assert.match(fs.readFileSync(await download.path(), 'utf8'), /In progress/);

    assert.equal(s.wordsLoads.length, 1, 'asked for once, not again');
    assert.deepEqual(await s.cspViolations(), []);
    assert.deepEqual(
      s.laterRequests.filter((r) => !LAZY_MODULES.some((m) => m.test(new URL(r.url).pathname))),
      [],
      'nothing else requested (the compliance matrix loaded the take-aways module)',
    );
  } finally {
    await s.close();
  }
});

test('"Print or save as PDF" with the words ticked waits for them, then prints them', async () => {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  let asked = false;
  const s = await openResultLater('all', (s) =>
    s.context.route(WORDS_URL, async (route) => {
      asked = true;
      await released;
      await route.continue();
    }),
  );
  try {
    const { page } = s;
    await stubPrint(page);
    const duties = await page.locator(`${viewSelector('all')} ${tid('obligation')}`).count();
    await page.locator(tid('print-words')).check();
    await page.locator(tid('words-loading')).first().waitFor();
    // The compliance matrix does not wait: the take-aways module that writes it has the words.
    assert.ok(await page.locator(`${viewSelector('all')} ${tid('download-csv')}`).isEnabled(), 'the compliance matrix does not wait');
    await page.locator(`${viewSelector('all')} ${tid('print')}`).click();
    await s.settle();
    assert.ok(asked, 'the words were asked for when the result showed');
    assert.deepEqual(await page.evaluate(() => window.__printed), [], 'not printed without the words');

    release();
    await page.waitForFunction(() => window.__printed.length === 1);
    assert.deepEqual(await page.evaluate(() => window.__printed), [duties], 'printed once, with every clause');
    assert.ok(await page.locator(`${viewSelector('all')} ${tid('download-csv')}`).isEnabled());
    await s.assertClean();
  } finally {
    await s.close();
  }
});

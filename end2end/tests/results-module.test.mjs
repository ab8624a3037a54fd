// The result pages' code (issue 23): the production build splits it off the app's
// WebAssembly (wasm-split-cli, scripts/postbuild.mjs step "split") into
// security-matrix-results-<hash>.js, so the start page waits for less. The app loads it once,
// integrity-checked, as soon as the user leaves the start page, never on it; a link that opens
// on a result waits for it before the app is marked ready; a result shown before it arrives
// says it is loading; a changed file is refused and the page says so, the answers kept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startEnv, openApp, DIST_DIR, READY_SELECTOR, RESULTS_MODULE } from '../lib/harness.mjs';
import { tid, expectView, expectFocus } from '../lib/flow.mjs';
import { S6_EXAMPLE } from '../lib/workspace.mjs';
import { assertNoAxeViolations } from '../lib/axe.mjs';

const RESULTS_FILE = fs.readdirSync(DIST_DIR).find((f) => RESULTS_MODULE.test(`/${f}`));
const RESULTS_URL = (url) => RESULTS_MODULE.test(url.pathname);
const resultsLoads = (s) => s.requests.filter((r) => RESULTS_MODULE.test(new URL(r.url).pathname));

let env;
before(async () => {
  assert.ok(RESULTS_FILE, 'dist/ has security-matrix-results-<hash>.js (scripts/build)');
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

/** Holds the result pages' module until `release()` (then the server sends it as built). */
async function holdResults(target) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await target.route(RESULTS_URL, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test("a link that opens on a result waits for the result pages' code: the page says it is loading, and the app is marked ready once the result shows", async () => {
  let release;
  const s = await openApp(env.browser, env.server, {
    fragment: S6_EXAMPLE,
    beforeGoto: async (page) => {
      release = await holdResults(page);
    },
    readySelector: tid('results-loading'),
    waitForIdle: false,
  });
  try {
    const { page } = s;
    assert.match(await page.locator(`${tid('results-loading')} ${tid('page-heading')}`).textContent(), /Working out your result/);
    assert.equal(await page.locator(READY_SELECTOR).count(), 0, 'not ready while the result cannot show');
    release();
    await page.locator(READY_SELECTOR).waitFor();
    await expectView(page, 'summary');
    assert.equal(await page.locator(tid('level')).textContent(), 'S6');
    assert.equal(await page.locator(tid('results-loading')).count(), 0);
    assert.equal(resultsLoads(s).length, 1, 'loaded once');
    await s.assertClean();
  } finally {
    await s.close();
  }
});

test("from the start page, the code loads when the user leaves it, once; a result reached before it arrives says it is loading, then shows and takes focus", async () => {
  const s = await openApp(env.browser, env.server);
  try {
    const { page } = s;
    assert.equal(resultsLoads(s).length, 0, 'the start page does not load it');
    const release = await holdResults(s.context);
    // A link followed from the page (as a host's "see your result" would): a result at once.
    await page.evaluate((f) => (location.hash = f), S6_EXAMPLE.replace(/^#/, ''));
    await page.locator(tid('results-loading')).waitFor();
    assert.equal(await page.locator(READY_SELECTOR).count(), 1, 'the app stays marked ready');
    release();
    await expectView(page, 'summary');
    await expectFocus(page, `${tid('result')} [data-smx-focus="heading"]`);
    assert.equal(resultsLoads(s).length, 1, 'loaded once');
    // Back to the answers and to the result again: no second load.
    await page.locator(tid('change-answers')).first().click();
    await page.locator(tid('check-answers')).waitFor();
    await page.locator(tid('show-result')).click();
    await expectView(page, 'summary');
    assert.equal(resultsLoads(s).length, 1, 'still once');
    await s.assertClean();
  } finally {
    await s.close();
  }
});

test('a result pages\' module that fails its integrity check is refused: the page says so, the answers are kept, and a reload without it shows the result', async () => {
  const s = await openApp(env.browser, env.server, {
    fragment: S6_EXAMPLE,
    beforeGoto: (page) =>
      page.route(RESULTS_URL, async (route) => {
        // One byte of its JS changed (the minified code after the embedded bytes).
        const body = fs.readFileSync(path.join(DIST_DIR, RESULTS_FILE), 'latin1');
        const at = body.lastIndexOf('bytes');
        await route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: Buffer.from(body.slice(0, at) + 'Bytes' + body.slice(at + 5), 'latin1') });
      }),
  });
  try {
    const { page } = s;
    const error = page.locator(tid('results-error'));
    await error.waitFor();
    assert.equal(await error.getAttribute('role'), 'alert');
    assert.match(await error.textContent(), /could not be loaded.*Reload the page to try again: your answers are kept/s);
    assert.equal(await page.locator(tid('level')).count(), 0, 'no result from a refused module');
    assert.ok(s.consoleErrors.some((e) => /integrity/i.test(e)), `the browser refused it: ${s.consoleErrors.join('\n')}`);
    await assertNoAxeViolations(page);
    // The answers are in the tab: a reload with the file as built shows the result.
    await page.unrouteAll({ behavior: 'wait' });
    await page.reload();
    await page.locator(READY_SELECTOR).waitFor();
    await expectView(page, 'summary');
    assert.equal(await page.locator(tid('level')).textContent(), 'S6');
  } finally {
    await s.close();
  }
});

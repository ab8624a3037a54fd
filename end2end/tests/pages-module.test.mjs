// The code of every page but the start page (issue 23): the production build splits it off
// the app's WebAssembly (wasm-split-cli, scripts/postbuild.mjs step "split") into
// security-matrix-pages-<hash>.js, so the start page waits for less. The app loads it once,
// integrity-checked, as soon as it is ready; a link that opens on another page waits for it
// before the app is marked ready; a page reached before it arrives (Start pressed at once on a
// slow line) says it is loading, then shows and takes focus; a changed file is refused and the
// page says so, the answers kept. The same module holds the reducer's code for every action but
// the start page's own (src/state/later.rs): what the tab kept is restored with it, and nothing
// kept is lost while it has not come.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startEnv, openApp, DIST_DIR, READY_SELECTOR, START_SELECTOR, FIRST_INTERACTIVE_SELECTOR, PAGES_MODULE } from '../lib/harness.mjs';
import { tid, expectView, expectFocus, expectQuestion, startByMouse, answerByMouse, questionPage } from '../lib/flow.mjs';
import { S6_EXAMPLE } from '../lib/workspace.mjs';
import { assertNoAxeViolations } from '../lib/axe.mjs';

const PAGES_FILE = fs.readdirSync(DIST_DIR).find((f) => PAGES_MODULE.test(`/${f}`));
const PAGES_URL = (url) => PAGES_MODULE.test(url.pathname);
const pagesLoads = (s) => s.requests.filter((r) => PAGES_MODULE.test(new URL(r.url).pathname));

let env;
before(async () => {
  assert.ok(PAGES_FILE, 'dist/ has security-matrix-pages-<hash>.js (scripts/build)');
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

/** Serves the pages' module with one word of its code changed (after the embedded bytes). */
function changedPages(page) {
  return page.route(PAGES_URL, async (route) => {
    const body = fs.readFileSync(path.join(DIST_DIR, PAGES_FILE), 'latin1');
    const at = body.lastIndexOf('bytes');
    await route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: Buffer.from(body.slice(0, at) + 'Bytes' + body.slice(at + 5), 'latin1') });
  });
}

/** Holds the pages' module until `release()` (then the server sends it as built). */
async function holdPages(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(PAGES_URL, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test("a link that opens on a result waits for the pages' code: the page says it is loading, and the app is marked ready once the result shows", async () => {
  let release;
  const s = await openApp(env.browser, env.server, {
    fragment: S6_EXAMPLE,
    beforeGoto: async (page) => {
      release = await holdPages(page);
    },
    readySelector: tid('pages-loading'),
    waitForIdle: false,
  });
  try {
    const { page } = s;
    assert.match(await page.locator(`${tid('pages-loading')} ${tid('page-heading')}`).textContent(), /Loading/);
    assert.equal(await page.locator(READY_SELECTOR).count(), 0, 'not ready while the result cannot show');
    release();
    await page.locator(READY_SELECTOR).waitFor();
    await expectView(page, 'summary');
    assert.equal(await page.locator(tid('level')).textContent(), 'S6');
    assert.equal(await page.locator(tid('pages-loading')).count(), 0);
    assert.equal(pagesLoads(s).length, 1, 'loaded once');
    await s.assertClean();
  } finally {
    await s.close();
  }
});

test('the start page is ready without it and loads it at once; Start pressed before it arrives shows the question when it comes, with focus on its heading; nothing loads twice', async () => {
  let release;
  const s = await openApp(env.browser, env.server, {
    beforeGoto: async (page) => {
      release = await holdPages(page);
    },
    waitForIdle: false,
  });
  try {
    const { page } = s;
    assert.equal(await page.locator(tid('start-page')).count(), 1);
    // Asked for as soon as the app was ready (held here, as a slow line would).
    await page.waitForFunction(() => [...document.querySelectorAll('link[rel="modulepreload"]')].some((l) => /security-matrix-pages-/.test(l.href)));
    await page.locator(START_SELECTOR).click();
    await page.locator(tid('pages-loading')).waitFor();
    assert.equal(await page.locator(READY_SELECTOR).count(), 1, 'the app stays marked ready');
    release();
    await expectQuestion(page, 'subjects');
    await expectFocus(page, '[data-smx-focus="heading"]');
    assert.ok(await page.locator(FIRST_INTERACTIVE_SELECTOR).isEditable());
    // On to a result and back: no second load.
    await page.evaluate((f) => (location.hash = f), S6_EXAMPLE.replace(/^#/, ''));
    await expectView(page, 'summary');
    assert.equal(pagesLoads(s).length, 1, 'loaded once');
    await s.assertClean();
  } finally {
    await s.close();
  }
});

test("a pages' module that fails its integrity check is refused: the page says so, the answers are kept, and a reload without it shows the result", async () => {
  const s = await openApp(env.browser, env.server, {
    fragment: S6_EXAMPLE,
    beforeGoto: changedPages,
  });
  try {
    const { page } = s;
    const error = page.locator(tid('pages-error'));
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

test("a reload restores what the tab kept once the pages' code has come (not marked ready before); when it cannot come, nothing kept is lost", async () => {
  const s = await openApp(env.browser, env.server);
  try {
    const { page } = s;
    await startByMouse(page);
    await answerByMouse(page, 'subjects', '1,500');
    await expectQuestion(page, 'special');
    // Reloaded with the code held: the page says it is loading, and is not marked ready.
    const release = await holdPages(page);
    await page.reload();
    await page.locator(tid('pages-loading')).waitFor();
    assert.equal(await page.locator(READY_SELECTOR).count(), 0, 'not ready before the page kept shows');
    assert.equal(await page.locator(tid('start-page')).count(), 0, 'never the start page first');
    release();
    await page.locator(READY_SELECTOR).waitFor();
    await expectQuestion(page, 'special');
    // Reloaded with a changed module, which is refused: the page says so ...
    await page.unrouteAll({ behavior: 'wait' });
    await changedPages(page);
    await page.reload();
    await page.locator(tid('pages-error')).waitFor();
    // ... and what the tab kept is still there: a reload with the file as built restores it.
    await page.unrouteAll({ behavior: 'wait' });
    await page.reload();
    await page.locator(READY_SELECTOR).waitFor();
    await expectQuestion(page, 'special');
    await page.locator(tid('back')).click();
    await expectQuestion(page, 'subjects');
    assert.equal(await questionPage(page, 'subjects').locator(tid('answer')).inputValue(), '1500', 'the answer kept');
  } finally {
    await s.close();
  }
});

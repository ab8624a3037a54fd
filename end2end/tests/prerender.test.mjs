// The pre-rendered first screen (issue 17): dist/index.html holds the start page rendered at
// build time by the app's own components; the app takes it over when it starts.
//
// Most tests hold the app's module back (a route that answers only when released), so what a
// user sees and does before the app is ready can be looked at and done, without any sleep.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEnv, openApp, READY_SELECTOR, DEFAULT_VIEWPORT } from '../lib/harness.mjs';
import { assertNoAxeViolations } from '../lib/axe.mjs';
import { S6_EXAMPLE } from '../lib/workspace.mjs';
import { startByMouse } from '../lib/flow.mjs';
import { domShape, boxes, holdBundle, openHeldPage, watchStartPage, PRERENDER } from '../lib/prerender.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HEADING = 'Work out your security level';

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

test('with scripts disabled, index.html shows the start page: its heading, the choice and Start', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: DEFAULT_VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(env.server.url + '/', { waitUntil: 'load' });
    const pre = page.locator(PRERENDER);
    assert.equal(await pre.count(), 1);
    const heading = pre.locator('h1[data-testid="page-heading"]');
    assert.ok(await heading.isVisible());
    assert.equal((await heading.textContent()).trim(), HEADING);
    const start = page.getByRole('button', { name: 'Start' });
    assert.ok(await start.isVisible());
    assert.equal(await start.getAttribute('data-testid'), 'start');
    assert.ok(await page.getByRole('radio', { name: /DF Schedule 2.4/ }).isChecked());
    assert.ok(await page.getByRole('radio', { name: /Security Management \(2017\)/ }).isVisible());
    // The loading line is for links and sessions only; the note says Start needs scripts.
    assert.equal(await page.locator('[data-smx-loading]').isVisible(), false);
    assert.match(await page.locator('body').innerText(), /needs JavaScript and WebAssembly/);
  } finally {
    await context.close();
  }
});

test('the pre-render is the markup the app renders itself, and nothing moves when it takes over', async () => {
  const { page, bundle, close } = await openHeldPage(env.browser, env.server.url + '/', {
    initScript: () => {
      window.__shifts = [];
      new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value))).observe({
        type: 'layout-shift',
        buffered: true,
      });
    },
  });
  try {
    await page.locator(PRERENDER).waitFor({ state: 'visible' });
    const before = { shape: await domShape(page, PRERENDER), boxes: await boxes(page, PRERENDER) };
    assert.equal(await page.locator(READY_SELECTOR).count(), 0, 'the app is held back');
    bundle.release();
    await page.locator(READY_SELECTOR).waitFor({ state: 'visible' });
    assert.equal(await page.locator(PRERENDER).count(), 0, 'the pre-render is gone');
    assert.equal(await page.locator('[data-testid="app"]').count(), 1, 'one app');
    const afterShape = await domShape(page, READY_SELECTOR);
    assert.deepEqual(afterShape, before.shape, 'the same elements, attributes, text and checked radios');
    assert.ok(before.boxes.length > 20, `only ${before.boxes.length} boxes compared`);
    assert.deepEqual(await boxes(page, READY_SELECTOR), before.boxes, 'every element where it was');
    const shifts = await page.evaluate(() => window.__shifts);
    assert.deepEqual(shifts, [], 'no layout shift recorded');
  } finally {
    await close();
  }
});

test('a widget mounted directly on a host page shows its start page, with the host\'s options, until the app takes over', async () => {
  const { page, bundle, close } = await openHeldPage(env.browser, env.server.url + '/example/');
  try {
    const mount = '[data-security-matrix]';
    const pre = `${mount} ${PRERENDER}`;
    await page.locator(pre).waitFor({ state: 'visible' });
    // The example's options: the 2017 schedule, no choice of schedule, headings from <h3>.
    assert.equal((await page.locator(`${pre} h3[data-testid="page-heading"]`).textContent()).trim(), HEADING);
    assert.equal(await page.locator(`${pre} h4`).count(), 1, 'the saved-file heading one level below');
    assert.equal(await page.locator(`${pre} input[type="radio"]`).count(), 0, 'no choice of schedule');
    const before = { shape: await domShape(page, pre), boxes: await boxes(page, pre) };
    bundle.release();
    const ready = `${mount} ${READY_SELECTOR}`;
    await page.locator(ready).waitFor({ state: 'visible' });
    assert.equal(await page.locator(pre).count(), 0);
    assert.deepEqual(await domShape(page, ready), before.shape, 'the markup the app renders itself');
    // Inside the widget nothing moves (the iframe above it on this page may grow meanwhile).
    assert.deepEqual((await boxes(page, ready)).slice(1), before.boxes.slice(1));
    // Start before the app was ready is not needed here: the app now runs; Start opens the
    // 2017 schedule's first question.
    await page.locator(`${mount} [data-testid="start"]`).click();
    await page.locator(`${mount} [data-testid="question-effective"]`).waitFor({ state: 'visible' });
  } finally {
    await close();
  }
});

test('the schedule chosen and Start pressed before the app is ready are acted on when it is', async () => {
  const s = await openHeld();
  try {
    const { page, bundle } = s;
    await page.getByTestId('schedule-sm2017').check();
    await page.getByTestId('start').click();
    // Not submitted (the boot script remembered it): still the page, with nothing in the URL.
    assert.equal(await page.locator('form[data-smx-pending="start"]').count(), 1);
    const start = page.getByTestId('start');
    assert.equal((await start.textContent()).trim(), 'Starting…', 'the button says Start was heard');
    assert.equal(await start.getAttribute('aria-disabled'), 'true');
    assert.equal(new URL(page.url()).pathname, '/');
    bundle.release();
    await page.locator('[data-testid="question-effective"]').waitFor({ state: 'visible' });
    await page.locator(READY_SELECTOR).waitFor();
    assert.ok(
      await page.evaluate(() => document.activeElement?.matches('[data-smx-focus="heading"]')),
      'focus is on the first question\'s heading, as after any Start',
    );
    await s.assertClean();
  } finally {
    await s.close();
  }
});

test('focus and the choice stay where the user left them when the app takes over', async () => {
  const s = await openHeld();
  try {
    const { page, bundle } = s;
    await page.getByTestId('schedule-sm2017').focus();
    await page.keyboard.press('Space');
    assert.ok(await page.getByTestId('schedule-sm2017').isChecked());
    bundle.release();
    await page.locator(READY_SELECTOR).waitFor();
    assert.ok(await page.getByTestId('schedule-sm2017').isChecked(), 'the choice is kept');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'smx-schedule-sm2017', 'focus is kept');
    // And the app's state has it: Start opens the 2017 schedule's first question.
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="question-effective"]').waitFor({ state: 'visible' });
    await s.assertClean();
  } finally {
    await s.close();
  }
});

test('a saved file chosen before the app is ready is opened when it is', async () => {
  const s = await openHeld();
  try {
    const { page, bundle } = s;
    await page.getByTestId('open-file-input').setInputFiles(path.join(ROOT, 'core/tests/fixtures/schema4-df.json'));
    bundle.release();
    await page.locator('[data-testid="result"]').waitFor({ state: 'visible' });
    await s.assertClean();
  } finally {
    await s.close();
  }
});

test('a link with answers and a reload never show the start page on the way', async () => {
  for (const fragment of ['#schedule=df&subjects=3000', `${S6_EXAMPLE}&view=plan`, '#c1_customer=HMPPS']) {
    const { page, bundle, close } = await openHeldPage(env.browser, env.server.url + '/' + fragment, {
      initScript: watchStartPage,
    });
    try {
      // While the app is held back, the loading line shows, not the start page.
      assert.ok(await page.locator('[data-smx-loading]').isVisible(), `${fragment}: the loading line shows`);
      assert.equal(await page.locator(PRERENDER).isVisible(), false, fragment);
      bundle.release();
      await page.locator(READY_SELECTOR).waitFor();
      assert.equal(await page.locator('[data-testid="start-page"]').count(), 0, `${fragment} opens another page`);
      const frames = await page.evaluate(() => window.__startPage);
      assert.ok(frames.frames > 0, 'frames were watched');
      assert.equal(frames.visible, 0, `${fragment}: the start heading was visible in ${frames.visible} frames`);
    } finally {
      await close();
    }
  }
  // A session in this tab: reload on a question page.
  const s = await openApp(env.browser, env.server);
  try {
    const { page } = s;
    await startByMouse(page, 'df');
    await page.locator('[data-testid="question-subjects"]').waitFor({ state: 'visible' });
    await page.addInitScript(watchStartPage);
    await page.reload({ waitUntil: 'commit' });
    await page.locator(READY_SELECTOR).waitFor();
    await page.locator('[data-testid="question-subjects"]').waitFor({ state: 'visible' });
    const frames = await page.evaluate(() => window.__startPage);
    assert.ok(frames.frames > 0, 'frames were watched');
    assert.equal(frames.visible, 0, `after a reload the start heading was visible in ${frames.visible} frames`);
  } finally {
    await s.close();
  }
});

test('an anchor that is not a link with answers still shows the start page at once', async () => {
  const { page, bundle, close } = await openHeldPage(env.browser, env.server.url + '/#main');
  try {
    assert.ok(await page.locator(PRERENDER).isVisible());
    bundle.release();
    await page.locator(READY_SELECTOR).waitFor();
  } finally {
    await close();
  }
});

test('if the app\'s module cannot load, the page says so instead of offering a Start that cannot work', async () => {
  const context = await env.browser.newContext({ viewport: DEFAULT_VIEWPORT });
  try {
    const page = await context.newPage();
    await page.route(/\/security-matrix-[0-9a-f]{16}\.js$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(env.server.url + '/', { waitUntil: 'load' });
    const alert = page.locator('[data-smx-loading] [role="alert"]');
    await alert.waitFor({ state: 'visible' });
    assert.match(await alert.textContent(), /could not start/);
    assert.equal(await page.locator(PRERENDER).isVisible(), false, 'the start page is hidden');
  } finally {
    await context.close();
  }
});

test('the pre-rendered page has no axe violations', async () => {
  const s = await openHeld();
  try {
    await assertNoAxeViolations(s.page);
    s.bundle.release();
    await s.page.locator(READY_SELECTOR).waitFor();
  } finally {
    await s.close();
  }
});

test('index.html asks for the stylesheet, then the module, then the boot script, each with integrity', () => {
  const html = fs.readFileSync(path.join(ROOT, 'dist/index.html'), 'utf8');
  const head = html.slice(0, html.indexOf('</head>'));
  const order = [...head.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="?([^"\s>]+)[^>]*>/g)]
    .map((m) => m[1])
    .filter((url) => !url.startsWith('data:'))
    .map((url) => url.replace(/-[0-9a-f]{16}/, '-<hash>'));
  assert.deepEqual(order, ['/styles-<hash>.css', '/security-matrix-<hash>.js', '/security-matrix-boot-<hash>.js']);
  assert.match(head, /<script src="\/security-matrix-boot-[0-9a-f]{16}\.js" integrity="sha384-[^"]+" crossorigin="anonymous"><\/script>$/);
});

/** openApp with the module held back: the pre-rendered page, before the app starts. */
async function openHeld() {
  let bundle;
  const s = await openApp(env.browser, env.server, {
    readySelector: PRERENDER,
    beforeGoto: async (page) => {
      bundle = await holdBundle(page);
    },
    waitUntil: 'commit',
    waitForIdle: false,
  });
  await bundle.requested;
  return Object.assign(s, { bundle });
}

// The start page of the production build (dist/), in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  startEnv,
  openApp,
  serveDist,
  expectText,
  APP_SELECTOR,
  READY_SELECTOR,
  START_SELECTOR,
  FIRST_INTERACTIVE_SELECTOR,
  FIRST_QUESTION_FRAGMENT,
  DIST_DIR,
  PAGES_MODULE,
} from '../lib/harness.mjs';
import { assertNoAxeViolations } from '../lib/axe.mjs';

const HEADING = 'Work out your security level';

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

test('renders the start page with its heading and Start button', async () => {
  const s = await openApp(env.browser, env.server);
  try {
    const { page } = s;
    await expectText(page, '[data-testid="page-heading"]', HEADING);
    assert.equal(await page.title(), HEADING);
    // The heading is the page's only h1, inside the app's root (README: `page-heading`; the
    // root is `[data-testid="app"]`, whatever element the host page gives it).
    assert.equal(await page.locator(`${APP_SELECTOR} h1[data-testid="page-heading"]`).count(), 1);
    assert.equal(await page.locator('h1').count(), 1);
    const start = page.getByRole('button', { name: 'Start' });
    assert.equal(await start.getAttribute('data-testid'), 'start');
    assert.ok(await start.isEnabled());
    await s.assertClean();
  } finally {
    await s.close();
  }
});

test('loads only files from dist/, then the code of the other pages, and no more requests', async () => {
  const s = await openApp(env.browser, env.server);
  try {
    const paths = s.requests.map((r) => new URL(r.url).pathname);
    // Every request is a file of dist/ ...
    for (const p of paths) {
      const file = path.join(DIST_DIR, p === '/' ? 'index.html' : p);
      assert.ok(fs.existsSync(file), `requested ${p}, which is not in dist/`);
    }
    // ... and the app really came from there: the page, its boot script (web/boot.js)
    // and one module, which carries the WebAssembly inside it (connect-src 'none' forbids
    // fetching a .wasm file); once it is ready, the code of every other page (split off
    // that module so the start page waits for less), once.
    assert.equal(paths[0], '/');
    const scripts = paths.filter((p) => p.endsWith('.js') && !PAGES_MODULE.test(p));
    assert.equal(scripts.length, 2, `not two .js among ${paths.join(', ')}`);
    assert.equal(scripts.filter((p) => /^\/security-matrix-[0-9a-f]{16}\.js$/.test(p)).length, 1, scripts.join(', '));
    assert.equal(scripts.filter((p) => /^\/security-matrix-boot-[0-9a-f]{16}\.js$/.test(p)).length, 1, scripts.join(', '));
    assert.equal(paths.filter((p) => PAGES_MODULE.test(p)).length, 1, `the pages' code once: ${paths.join(', ')}`);
    assert.ok(!paths.some((p) => p.endsWith('.wasm')), `a .wasm was fetched: ${paths.join(', ')}`);
    // Pressing Start must not touch the network again; it opens the first question.
    const before = s.requests.length;
    await s.page.locator(START_SELECTOR).click();
    await s.page.locator(FIRST_INTERACTIVE_SELECTOR).waitFor({ state: 'visible' });
    await s.assertClean(); // nothing after the initial assets but the lazy modules, none off 127.0.0.1
    assert.deepEqual(s.requests.slice(before), []);
  } finally {
    await s.close();
  }
});

test('a link with only the schedule opens the first question, ready to type in (the benchmark\'s target)', async () => {
  const s = await openApp(env.browser, env.server, { fragment: FIRST_QUESTION_FRAGMENT });
  try {
    const { page } = s;
    const box = page.locator(FIRST_INTERACTIVE_SELECTOR);
    await box.waitFor({ state: 'visible' });
    assert.ok(await box.isEditable(), 'the first question\'s box is enabled and editable');
    assert.equal(await page.locator('[data-testid="start-page"]').count(), 0);
    // The box is labelled by the question, which is the page's heading.
    const label = await page.locator('[data-testid="page-heading"]').textContent();
    assert.match(label, /How many people's personal data/);
    assert.equal(await box.evaluate((el) => el.labels[0]?.textContent), label);
    // The answers now live in sessionStorage, not in the address bar (README).
    assert.equal(new URL(page.url()).hash, '');
    await s.assertClean();
  } finally {
    await s.close();
  }
});

test('has no axe violations (WCAG 2.2 A and AA)', async () => {
  const s = await openApp(env.browser, env.server);
  try {
    await assertNoAxeViolations(s.page);
    await s.assertClean();
  } finally {
    await s.close();
  }
});

// What makes a focus indicator visible, read from computed styles.
function focusStyle(selector) {
  const el = document.querySelector(selector);
  const cs = getComputedStyle(el);
  return {
    outlineStyle: cs.outlineStyle,
    outlineWidth: cs.outlineWidth,
    outlineColor: cs.outlineColor,
    boxShadow: cs.boxShadow,
    backgroundColor: cs.backgroundColor,
    color: cs.color,
    borderColor: cs.borderColor,
    focusVisible: el.matches(':focus-visible'),
  };
}

const transparent = (c) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);

test('keyboard: Tab reaches the Start button, which shows a visible focus style', async () => {
  const s = await openApp(env.browser, env.server);
  try {
    const { page } = s;
    await page.locator(START_SELECTOR).waitFor({ state: 'visible' });
    const before = await page.evaluate(focusStyle, START_SELECTOR);
    assert.equal(before.focusVisible, false);

    let presses = 0;
    const isFocused = () => page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, START_SELECTOR);
    while (!(await isFocused())) {
      assert.ok(presses < 10, 'Start was not reached in 10 presses of Tab');
      await page.keyboard.press('Tab');
      presses += 1;
    }
    const after = await page.evaluate(focusStyle, START_SELECTOR);
    assert.equal(after.focusVisible, true, 'focus by keyboard should match :focus-visible');

    const visibleOutline =
      after.outlineStyle !== 'none' && parseFloat(after.outlineWidth) > 0 && !transparent(after.outlineColor);
    const changed = ['boxShadow', 'backgroundColor', 'color', 'borderColor'].filter((k) => before[k] !== after[k]);
    assert.ok(
      visibleOutline || changed.length > 0,
      `no visible focus style: before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`,
    );
    await s.assertClean();
  } finally {
    await s.close();
  }
});

test(
  'runs under the hosting CSP header',
  async () => {
    const server = await serveDist({ csp: true });
    try {
      const s = await openApp(env.browser, server, { readySelector: null });
      try {
        await s.page.locator(READY_SELECTOR).waitFor({ state: 'visible', timeout: 5000 });
        await s.assertClean(); // no CSP violation, no request after load, none off 127.0.0.1
      } finally {
        await s.close();
      }
    } finally {
      await server.close();
    }
  },
);

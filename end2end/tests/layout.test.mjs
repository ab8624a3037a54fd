// Layout at 320 px and 1280 px: the start page, a question showing an error, an S6 result
// and a 2017 result. Each must reflow without horizontal scrolling (WCAG 1.4.10) and without any
// visible element cut off at the right edge, also with every "The schedule's words" open;
// full-page screenshots go to end2end/screenshots/ (git-ignored) for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEnv, openApp, FIRST_QUESTION_FRAGMENT, START_SELECTOR } from '../lib/harness.mjs';
import { tid, assertNoHorizontalScroll } from '../lib/flow.mjs';

const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');

// S6 by more than 2,500 data subjects, with a commencement date so the dated plan shows.
const S6_RESULT =
  '#schedule=df&subjects=3000&special=40&professional=no&value=300000&months=36&access=yes&commencement=2027-01-04';

const PAGES = [
  {
    name: 'start',
    fragment: '',
    ready: async (page) => page.locator(START_SELECTOR).waitFor({ state: 'visible' }),
  },
  {
    name: 'question-error',
    fragment: FIRST_QUESTION_FRAGMENT,
    ready: async (page) => {
      await page.locator(tid('continue')).click(); // nothing typed: an error
      await page.locator(tid('error-summary')).waitFor({ state: 'visible' });
      await page.locator(tid('field-error')).waitFor({ state: 'visible' });
    },
  },
  {
    name: 'result-s6',
    fragment: S6_RESULT,
    ready: async (page) => {
      await page.locator(tid('level')).waitFor({ state: 'visible' });
      assert.equal(await page.locator(tid('level')).textContent(), 'S6');
      await page.locator(tid('plan-entry')).first().waitFor({ state: 'visible' });
    },
  },
  {
    // Its panel title is the longest heading of the app.
    name: 'result-2017',
    fragment: '#schedule=sm2017&effective=2027-03-19&own_devices=yes&marking=official-sensitive&long_term=no&bulk=no',
    ready: async (page) => {
      await page.locator(tid('device-verdict')).waitFor({ state: 'visible' });
      await page.locator(tid('plan-entry')).first().waitFor({ state: 'visible' });
    },
  },
];

// Visible elements whose box reaches past the right edge of the window (or starts left of
// 0): content that is cut off or needs sideways scrolling, even inside an element that hides
// its overflow. Visually hidden text (1 px, clipped) is skipped.
function overflowing() {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('[data-testid="app"] *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || cs.display === 'none') continue;
    if (r.width <= 1 && r.height <= 1) continue; // visually hidden
    if (r.right > width + 0.5 || r.left < -0.5) {
      const t = el.getAttribute('data-testid');
      out.push(
        `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).trim().split(/\s+/).join('.') : ''}` +
          `${t ? `[data-testid=${t}]` : ''} spans ${Math.round(r.left)}..${Math.round(r.right)}`,
      );
    }
  }
  return out;
}

// Elements whose content is wider than their own box (a word running out of its panel),
// leaving out visually hidden text and what is inside it.
function overflowingContent() {
  const out = [];
  for (const el of document.querySelectorAll('[data-testid="app"] *')) {
    if (el.clientWidth <= 1 || el.closest('.smx-visually-hidden')) continue;
    if (el.scrollWidth > el.clientWidth + 1) {
      out.push(`${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).join('.')}: content ${el.scrollWidth} px in ${el.clientWidth} px "${el.textContent.trim().slice(0, 40)}"`);
    }
  }
  return out;
}

let env;
before(async () => {
  env = await startEnv();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await env?.close();
});

for (const width of [320, 1280]) {
  for (const p of PAGES) {
    test(`${p.name} fits a ${width} px wide screen (end2end/screenshots/${p.name}-${width}.png)`, async () => {
      const s = await openApp(env.browser, env.server, { fragment: p.fragment, viewport: { width, height: 720 } });
      try {
        const { page } = s;
        await p.ready(page);
        // The screenshot first, so that a failing layout can be looked at.
        const file = path.join(SCREENSHOTS, `${p.name}-${width}.png`);
        fs.rmSync(file, { force: true });
        await page.screenshot({ path: file, fullPage: true });
        const png = fs.readFileSync(file);
        assert.equal(png.subarray(1, 4).toString(), 'PNG');

        await assertNoHorizontalScroll(page);
        const cut = await page.evaluate(overflowing);
        assert.deepEqual(cut, [], `elements past the edge of a ${width} px window`);
        assert.deepEqual(await page.evaluate(overflowingContent), [], `content wider than its box at ${width} px`);
        // Each clause's own words, behind "The schedule's words", must fit too once opened
        // (printing opens them all).
        const opened = await page.evaluate(() => {
          const all = [...document.querySelectorAll('[data-testid="app"] details')];
          for (const d of all) d.open = true;
          return all.length;
        });
        if (opened > 0) {
          await page.locator('details[open] blockquote').first().waitFor({ state: 'visible' });
          await assertNoHorizontalScroll(page);
          assert.deepEqual(await page.evaluate(overflowing), [], `with ${opened} disclosures open: elements past the edge`);
          assert.deepEqual(await page.evaluate(overflowingContent), [], `with ${opened} disclosures open: content wider than its box`);
        }
        assert.equal(png.readUInt32BE(16), width, 'the full-page screenshot is as wide as the screen');
        await s.assertClean();
      } finally {
        await s.close();
      }
    });
  }
}

// A page change moves focus to the new page's heading (edge::focus_in), which brings it into
// view: from the bottom of the long S6 result, "Change your answers" must show the check-answers heading, focused and
// wholly in view, and "Get your result" from the bottom of that page the result's heading.
test('after a page change the new heading has focus and is in view (320 px)', async () => {
  const s = await openApp(env.browser, env.server, { fragment: S6_RESULT, viewport: { width: 320, height: 600 } });
  try {
    const { page } = s;
    await page.locator(tid('level')).waitFor({ state: 'visible' });
    const headingInView = async (testid) => {
      await page.waitForFunction((id) => {
        const h = document.activeElement;
        if (!h || h.getAttribute('data-testid') !== 'page-heading' || !h.closest(`[data-testid="${id}"]`)) return false;
        const r = h.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }, testid, { timeout: 5000 });
    };
    await page.locator(tid('change-answers')).scrollIntoViewIfNeeded();
    assert.ok(await page.evaluate(() => window.scrollY > 2000), 'the button is far down the long result');
    await page.locator(tid('change-answers')).click();
    await headingInView('check-answers');
    await page.locator(tid('show-result')).scrollIntoViewIfNeeded();
    await page.locator(tid('show-result')).click();
    await headingInView('result');
    await s.assertClean();
  } finally {
    await s.close();
  }
});

// Layout at 320 px and 1280 px: the start page, a question showing an error, and the
// longest views of an S6 and a 2017 result (everything on one page). Each must reflow
// without horizontal scrolling (WCAG 1.4.10) and without any visible element cut off at the
// right edge, also with every disclosure open; full-page screenshots go to
// end2end/screenshots/ (git-ignored) for a person to look at. Every view of the S6 example
// at 320 px, and the heights, are in views.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEnv, openApp, FIRST_QUESTION_FRAGMENT, START_SELECTOR } from '../lib/harness.mjs';
import { tid, expectView } from '../lib/flow.mjs';
import { assertFits } from '../lib/layout.mjs';

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
    name: 'result-s6-all',
    fragment: `${S6_RESULT}&view=all`,
    ready: async (page) => {
      await expectView(page, 'all');
      assert.equal(await page.locator(tid('level')).textContent(), 'S6');
      await page.locator(tid('plan-entry')).first().waitFor({ state: 'visible' });
      await page.locator(tid('obligation')).first().waitFor({ state: 'visible' });
    },
  },
  {
    // Its panel title is the longest heading of the app.
    name: 'result-2017-all',
    fragment: '#schedule=sm2017&effective=2027-03-19&own_devices=yes&marking=official-sensitive&long_term=no&bulk=no&view=all',
    ready: async (page) => {
      await expectView(page, 'all');
      await page.locator(tid('device-verdict')).waitFor({ state: 'visible' });
      await page.locator(tid('plan-entry')).first().waitFor({ state: 'visible' });
    },
  },
];

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

        await assertFits(page, p.name);
        // Every disclosure (a plan row's later dates, the notes) must fit too once opened.
        const opened = await page.evaluate(() => {
          const all = [...document.querySelectorAll('[data-testid="app"] details')];
          for (const d of all) d.open = true;
          return all.length;
        });
        if (opened > 0) {
          await page.locator('details[open]').first().waitFor({ state: 'visible' });
          await assertFits(page, `${p.name}, ${opened} disclosures open`);
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
// view: from below the first screen of the S6 summary, "Change your answers" must show the
// check-answers heading, focused and wholly in view, and "Get your result" from the bottom
// of that page the result's heading.
test('after a page change the new heading has focus and is in view (320 px)', async () => {
  const s = await openApp(env.browser, env.server, { fragment: S6_RESULT, viewport: { width: 320, height: 600 } });
  try {
    const { page } = s;
    await expectView(page, 'summary');
    const headingInView = async (testid) => {
      await page.waitForFunction((id) => {
        const h = document.activeElement;
        if (!h || h.getAttribute('data-testid') !== 'page-heading' || !h.closest(`[data-testid="${id}"]`)) return false;
        const r = h.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }, testid, { timeout: 5000 });
    };
    await page.locator(tid('change-answers')).scrollIntoViewIfNeeded();
    assert.ok(await page.evaluate(() => window.scrollY > window.innerHeight), 'the button is below the first screen');
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

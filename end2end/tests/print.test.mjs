// Printing (issue 14): "Print or save as PDF" prints the all-on-one-page view; the S6
// example prints on at most 8 A4 pages with the clause words left out, and more with
// "Include the schedule's own words" ticked (pages counted in Chromium's own PDF,
// `page.pdf()`, which lays the page out for print media); axe on that view as printed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, openApp } from '../lib/harness.mjs';
import { assertNoAxeViolations } from '../lib/axe.mjs';
import { tid, expectView, viewSelector } from '../lib/flow.mjs';
import { S6_EXAMPLE, pdfPageCount } from '../lib/workspace.mjs';

const MAX_PAGES = 8;
const A4 = { format: 'A4', printBackground: false };

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

/** Replaces window.print (the browser's dialog) with a note of the view it is called on. */
function stubPrint(page) {
  return page.evaluate(() => {
    window.__printed = [];
    window.print = () => window.__printed.push(document.querySelector('[data-testid="result"]')?.dataset.view);
  });
}

test(`the S6 example prints on at most ${MAX_PAGES} A4 pages without the clause words, on more with them`, async () => {
  const s = await openApp(env.browser, env.server, { fragment: `${S6_EXAMPLE}&view=all` });
  try {
    const { page } = s;
    await expectView(page, 'all');
    const duties = await page.locator(tid('obligation')).count();
    assert.ok(duties > 60, `${duties} duties on the page`);
    assert.equal(await page.locator(tid('print-words')).isChecked(), false, 'the words are left out at first');
    assert.equal(await page.locator(tid('words-text')).count(), 0, 'no clause words');

    await page.emulateMedia({ media: 'print' });
    await assertNoAxeViolations(page);
    const without = pdfPageCount(await page.pdf(A4));
    assert.ok(without >= 1 && without <= MAX_PAGES, `the S6 example prints on ${without} A4 pages (at most ${MAX_PAGES})`);
    await page.emulateMedia({ media: 'screen' });

    await page.locator(tid('print-words')).check();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="words-text"]').length === n, duties);
    await page.emulateMedia({ media: 'print' });
    await assertNoAxeViolations(page);
    const withWords = pdfPageCount(await page.pdf(A4));
    assert.ok(withWords > without, `with the schedule's own words: ${withWords} pages, without: ${without}`);
    await page.emulateMedia({ media: 'screen' });
    console.log(`# S6 example printed on A4: ${without} pages without the clause words, ${withWords} with them`);
    await s.assertClean();
  } finally {
    await s.close();
  }
});

test('"Print or save as PDF" on the summary opens the all view, then prints it; on the all view it prints that', async () => {
  const s = await openApp(env.browser, env.server, { fragment: S6_EXAMPLE });
  try {
    const { page } = s;
    await stubPrint(page);
    await expectView(page, 'summary');
    await page.locator(`${viewSelector('summary')} ${tid('print')}`).click();
    await expectView(page, 'all');
    await page.waitForFunction(() => window.__printed.length === 1);
    assert.deepEqual(await page.evaluate(() => window.__printed), ['all']);
    await page.locator(`${viewSelector('all')} ${tid('print')}`).click();
    await page.waitForFunction(() => window.__printed.length === 2);
    assert.deepEqual(await page.evaluate(() => window.__printed), ['all', 'all']);
    await s.assertClean();
  } finally {
    await s.close();
  }
});

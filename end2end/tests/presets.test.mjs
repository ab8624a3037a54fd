// Issue 25 end to end, against the production build: a tender page's presets (the
// Customer's facts, fixed) lead a bidder straight to their own side (the portfolio, the
// route, hosting); check answers shows the Customer's answers as set for the tender, with
// no Change link (axe clean); the result and the statement name the tender; a preset that
// cannot be used is asked with a notice (axe clean) and one console message naming its key.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, openApp } from '../lib/harness.mjs';
import { assertNoAxeViolations } from '../lib/axe.mjs';
import { tid, expectQuestion, answerByMouse, currentPage, expectView, openView, viewSelector } from '../lib/flow.mjs';

// The example: a tender page with the Customer's six answers fixed.
const TENDER =
  '#schedule=df&value=450000&months=36&subjects=3000&special=40&professional=no&access=yes' +
  '&fixed=value,months,subjects,special,professional,access' +
  '&tender=Prison%20education%20services&tender_ref=MOJ-2027-041';
const FIXED = ['subjects', 'special', 'professional', 'value', 'months', 'access'];
const TITLE = 'Prison education services (MOJ-2027-041)';

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

test("a tender's presets ask only the bidder's side; the fixed rows, the result and the statement name the tender (axe clean)", async () => {
  const s = await openApp(env.browser, env.server, { fragment: TENDER });
  try {
    const { page } = s;
    // Straight to "Do you have other Call-Off Contracts?"
    await expectQuestion(page, 'other');
    assert.equal(await page.locator(tid('preset-notice')).count(), 0);
    // The portfolio: one other contract.
    await answerByMouse(page, 'other', 'yes');
    await answerByMouse(page, 'contract', { customer: 'HMPPS', subjects: '500', special: '0', level: 'S3' });
    await answerByMouse(page, 'contracts', 'done');
    // The date, the route, hosting: the bidder's own.
    await answerByMouse(page, 'commencement', '2027-04-01');
    await answerByMouse(page, 'route', 'b');
    await answerByMouse(page, 'hosting', 'no');
    await page.locator(tid('check-answers')).waitFor();
    for (const key of FIXED) {
      assert.equal((await page.locator(tid(`fixed-${key}`)).innerText()).trim(), 'Set by the Customer for this tender', key);
      assert.equal(await page.locator(tid(`change-${key}`)).count(), 0, `no Change link for ${key}`);
    }
    for (const key of ['other', 'commencement', 'route', 'hosting']) {
      assert.equal(await page.locator(tid(`change-${key}`)).count(), 1, `the bidder's ${key} can change`);
    }
    assert.equal((await page.locator(tid('tender-name')).innerText()).trim(), TITLE);
    await assertNoAxeViolations(page);

    await page.locator(tid('show-result')).click();
    await expectView(page, 'summary');
    assert.equal((await page.locator(tid('level')).innerText()).trim(), 'S6');
    assert.match(await page.locator(tid('result-panel')).innerText(), new RegExp(`For ${TITLE.replace(/[()]/g, '\\$&')}`));
    assert.match(await page.locator(tid('tender-section')).innerText(), /clarification process/);
    await assertNoAxeViolations(page);

    await openView(page, 'why');
    assert.match(await page.locator(`${viewSelector('why')} ${tid('tender-fixed')}`).innerText(), /^The Customer set these answers for Prison education services/);

    await openView(page, 'take');
    const statement = await page.locator(`${viewSelector('take')} ${tid('statement')}`).inputValue();
    assert.ok(statement.startsWith(`For ${TITLE}.`), statement);
    assert.match(statement, /The Customer set these answers for .*value of the services, duration of the services and access to MoJ systems\./);
    await s.assertClean();
  } finally {
    await s.close();
  }
});

test("a preset that cannot be used: its question is asked with a notice (axe clean), the console gets one message naming the key", async () => {
  const bad = TENDER.replace('value=450000', 'value=lots').replace('fixed=', 'fixed=colour,');
  const warnings = [];
  let warned;
  const s = await openApp(env.browser, env.server, {
    fragment: bad,
    beforeGoto: (page) => {
      page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
      warned = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('Security Matrix widget:') });
    },
  });
  try {
    const { page } = s;
    await expectQuestion(page, 'value');
    assert.match(await page.locator(tid('preset-notice')).innerText(), /could not be used/);
    await assertNoAxeViolations(page);
    await warned;
    const ours = warnings.filter((w) => w.startsWith('Security Matrix widget:'));
    assert.equal(ours.length, 1, ours.join('\n'));
    assert.match(ours[0], /"fixed=value"/);
    assert.match(ours[0], /"fixed=colour"/);
    // The rest was kept: answering the value goes on to the bidder's side.
    await answerByMouse(page, 'value', '450000');
    assert.equal(await currentPage(page), 'question-other');
    assert.equal(await page.locator(tid('preset-notice')).count(), 0);
    await s.assertClean();
  } finally {
    await s.close();
  }
});

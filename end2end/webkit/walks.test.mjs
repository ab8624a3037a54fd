// Walks by mouse in WebKit: from the start page, through every question the flow asks,
// answered as a scenario row of end2end/scenarios.mjs answers them (the optional ones it
// leaves out skipped, as its link leaves them open), to the result; the expected level,
// Standards and dates are the row's, worked out by hand (see that file).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWebKitEnv, openApp } from './lib.mjs';
import { expectText } from '../lib/harness.mjs';
import { tid, startByMouse, walkLinkByMouse, expectCheckAnswers, expectView, expectParagraphDates } from '../lib/flow.mjs';
import { SCENARIOS } from '../scenarios.mjs';

let env;
before(async () => {
  env = await startWebKitEnv();
});
after(async () => {
  await env?.close();
});

const row = (name) => {
  const r = SCENARIOS.find((x) => x.name === name);
  assert.ok(r, `no scenario row named ${name}`);
  return r;
};

/**
 * Start, answer the row's questions by mouse (checking that the flow asks `expectAsked`, as
 * the Chromium walks do), check the answers, then the row's result.
 */
async function walkRow(r, expectAsked) {
  const schedule = /schedule=sm2017/.test(r.fragment) ? 'sm2017' : 'df';
  const s = await openApp(env);
  try {
    const { page } = s;
    await startByMouse(page, schedule);
    const asked = await walkLinkByMouse(page, r.fragment);
    assert.deepEqual(asked, expectAsked, 'the questions asked, in order');
    await expectCheckAnswers(page, asked);
    await page.locator(tid('show-result')).click();
    await expectView(page, 'summary');
    if (r.level === null) {
      assert.equal(await page.locator(tid('level')).count(), 0, 'no level on a 2017 result');
    } else {
      await expectText(page, tid('level'), r.level);
      await expectText(page, tid('standards'), r.standards);
    }
    for (const [ref, dates] of Object.entries(r.dates)) await expectParagraphDates(page, ref, dates);
    if (r.verdict) assert.match(await page.locator(tid('device-verdict')).innerText(), r.verdict);
    await s.assertClean();
  } finally {
    await s.close();
  }
}

test('DF walk by mouse to S6, with its dated duties and plan', () =>
  walkRow(row('S6: 2,501 data subjects over 36 months; ISMP six weeks before commencement'), [
    // The route and hosting (S3 to S6; hosting at S5 and S6), skipped: the link leaves them open.
    'subjects', 'special', 'value', 'months', 'access', 'other', 'commencement', 'route', 'hosting',
  ]));

test('DF walk by mouse with special category data and a professional recipient question: S5', () =>
  walkRow(row('S5: every answer at the top of the S5 row; six months from 31 August is 29 February'), [
    'subjects', 'special', 'professional', 'value', 'months', 'access', 'other', 'commencement', 'route', 'hosting',
  ]));

test('2017 walk by mouse: own computers, OFFICIAL, no bulk; the SMP date and the verdict', () =>
  walkRow(row('2017: Effective Date 18 December 2026, SMP over Christmas and New Year'), [
    // OFFICIAL: no long-term question.
    'effective', 'own_devices', 'marking', 'bulk',
  ]));

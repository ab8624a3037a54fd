// A selection of the deep-link scenario table (end2end/scenarios.mjs) in WebKit: each row's
// link opens the result; the level and the Standards on the summary, then every dated
// paragraph on the "Everything on one page" view, as the Chromium suite checks every row.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWebKitEnv, openApp } from './lib.mjs';
import { expectText } from '../lib/harness.mjs';
import { tid, expectView, openView, expectParagraphDates } from '../lib/flow.mjs';
import { SCENARIOS } from '../scenarios.mjs';

// One row per DF level, S4's note on the Standards, the ¶1.3 aggregation, a ¶1.4 notice,
// S1's notice and two 2017 rows.
const NAMES = [
  'S1: every answer at the top of the S1 row',
  'S2: every answer at the top of the S2 row; the day before 1 March 2027',
  'S3: special category data received by a professional; the day before 1 March 2028',
  'S4: access to MoJ systems, no commencement date',
  '£99,999 with access: S4',
  'S6 over 6 months: the first CHECK ITHC is due six months from commencement like ISO 27001',
  '¶1.3 example: 2,000 here + 1,000 in another contract = 3,000, S6 by the Annex',
  '¶1.4: no level set for the other contracts, said plainly',
  'S1: no Customer Data held or sent electronically, said prominently',
  '2017: Effective Date 20 August 2027, SMP 20 Working Days later over the Summer bank holiday',
  '2017: long-term access to OFFICIAL-SENSITIVE data needs MoJ computing facilities',
];

let env;
before(async () => {
  env = await startWebKitEnv();
});
after(async () => {
  await env?.close();
});

for (const name of NAMES) {
  const row = SCENARIOS.find((r) => r.name === name);
  test(name, row?.todo ? { todo: row.todo } : {}, async () => {
    assert.ok(row, `no scenario row named ${name}`);
    const s = await openApp(env, { fragment: row.fragment, readySelector: tid('result') });
    try {
      const { page } = s;
      await expectView(page, 'summary');
      if (row.level === null) {
        assert.equal(await page.locator(tid('level')).count(), 0, 'no level on a 2017 result');
      } else {
        await expectText(page, tid('level'), row.level);
        await expectText(page, tid('standards'), row.standards);
      }
      // The summary's notes, when the row names them (null: absent).
      for (const [field, hook] of [['levelChange', 'level-change'], ['notice', 'level-notice'], ['standardsNote', 'standards-note']]) {
        if (row[field] === undefined) continue;
        if (row[field] === null) assert.equal(await page.locator(tid(hook)).count(), 0, `no ${hook}`);
        else assert.match(await page.locator(tid(hook)).textContent(), row[field], hook);
      }
      await openView(page, 'all');
      for (const [ref, dates] of Object.entries(row.dates ?? {})) await expectParagraphDates(page, ref, dates);
      if (row.verdict) assert.match(await page.locator(tid('device-verdict')).innerText(), row.verdict);
      await s.assertClean();
    } finally {
      await s.close();
    }
  });
}

// Walks of every path of the question flow, by mouse, from the start page to the result:
// each walk checks that the flow asks exactly the expected questions in order, that the
// check-answers page lists them, and then the result through the README's hooks. Each ends
// with s.assertClean(): zero requests after the initial assets, none off 127.0.0.1, no CSP
// violation, no console error.
//
// Every expected value below is worked out by hand from the schedules (core/sources/*.txt):
// the DF Annex Security Matrix (a level admits an answer when its row's cell does; the level
// is the lowest row that admits every answer), the paragraphs' deadlines, and England and
// Wales bank holidays for Working Days. Not one is copied from the app's output.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, openApp, expectText } from '../lib/harness.mjs';
import {
  tid,
  startByMouse,
  answerByMouse,
  walkByMouse,
  expectQuestion,
  questionPage,
  expectCheckAnswers,
  expectParagraphDates,
  ambiguityIds,
  expectView,
  openView,
  checkPastFlags,
} from '../lib/flow.mjs';

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

/** Whether an obligation's text says it depends on route (a) or (b), or on hosting. */
const OPEN_CONDITION = /Applies (where|if) (you take route \(|you host Customer Data)/;

/**
 * The result, through the hooks: the level, the Standards and ¶1.4 on the summary it opens
 * on; every obligation, the plan, the notes and the 2017 verdict on the "Everything on one
 * page" view, opened through the task list (the page is left on that view).
 * @param {import('playwright-core').Page} page
 * @param {{
 *   level?: string, standards?: string,
 *   dates?: Record<string, string|string[]>, listed?: string[], notListed?: string[],
 *   ambiguities?: string[], levelChange?: [string, string] | null, needsDate?: boolean,
 *   verdict?: RegExp, conditions?: string[], notConditions?: string[],
 * }} exp
 */
async function checkResult(page, exp) {
  await expectView(page, 'summary');
  if (exp.level) {
    await expectText(page, tid('level'), exp.level);
    await expectText(page, tid('standards'), exp.standards);
  } else {
    assert.equal(await page.locator(tid('level')).count(), 0, 'a 2017 result has no S-level');
  }
  if (exp.levelChange !== undefined) {
    const change = page.locator(tid('level-change'));
    if (exp.levelChange === null) assert.equal(await change.count(), 0, 'no paragraph 1.4 notice');
    else {
      const text = await change.textContent();
      const [from, to] = exp.levelChange;
      assert.match(text, new RegExp(`from ${from} to ${to}\\b`), 'paragraph 1.4 notice');
    }
  }
  await openView(page, 'all');
  for (const [ref, dates] of Object.entries(exp.dates ?? {})) await expectParagraphDates(page, ref, dates);
  for (const ref of exp.listed ?? []) {
    assert.ok((await page.locator(`${tid('obligation')}[data-ref="${ref}"]`).count()) > 0, `¶${ref} is listed`);
  }
  for (const ref of exp.notListed ?? []) {
    assert.equal(await page.locator(`${tid('obligation')}[data-ref="${ref}"]`).count(), 0, `¶${ref} is not listed`);
  }
  if (exp.ambiguities) {
    const shown = await ambiguityIds(page);
    for (const id of exp.ambiguities) assert.ok(shown.includes(id), `ambiguity note ${id} among ${shown.join(', ')}`);
  }
  if (exp.needsDate !== undefined) {
    assert.equal(await page.locator(tid('plan-needs-date')).isVisible(), exp.needsDate, 'the plan asks for the start date');
    if (exp.needsDate) assert.equal(await page.locator(tid('plan-entry')).count(), 0, 'no dated plan without a start date');
    else {
      assert.ok((await page.locator(tid('plan-entry')).count()) > 0, 'a dated plan');
      await checkPastFlags(page);
    }
  }
  if (exp.verdict) assert.match(await page.locator(tid('device-verdict')).innerText(), exp.verdict);
  for (const ref of exp.conditions ?? []) {
    assert.equal(await page.locator(`${tid('device-conditions')} [data-ref="${ref}"]`).count() > 0, true, `condition ${ref}`);
  }
  for (const ref of exp.notConditions ?? []) {
    assert.equal(await page.locator(`${tid('device-conditions')} [data-ref="${ref}"]`).count(), 0, `no condition ${ref}`);
  }
}

/** The value shown on the check-answers page for `key`, digits only. */
const digitsOf = async (page, key) => (await page.locator(tid(`value-${key}`)).textContent()).replace(/\D/g, '');

// ---- DF Schedule 2.4 ---------------------------------------------------------------------

/**
 * One walk by mouse from the start page to the result: start `schedule`, answer `steps`,
 * check that check-answers lists exactly `asked`, get the result and check it against
 * `result` (see checkResult), run `more(page)` for any further checks on the result page,
 * then the harness's network, CSP and console checks.
 */
async function walkToResult({ schedule, steps, asked, result, more }) {
  const s = await openApp(env.browser, env.server);
  try {
    const { page } = s;
    await startByMouse(page, schedule);
    await walkByMouse(page, steps);
    await expectCheckAnswers(page, asked);
    await page.locator(tid('show-result')).click();
    await checkResult(page, result);
    if (more) await more(page);
    await s.assertClean();
  } finally {
    await s.close();
  }
}

test('DF, no special category data, no other contracts, commencement date given: S5 with dates', async () => {
  // 1,500 data subjects: S1 (<10), S2 (<100), S3 and S4 (<1000) do not admit it; S5 (<2500)
  // does. 18 months: S5 (<24 months) is the first to admit it. £45k: S2 (<£50k) would do.
  // No access, no special category data: every row admits. So S5, and ¶3.5.1(f): "Normal".
  // Commencement Monday 4 January 2027:
  //  - ¶3.5.1(b)(ii) "no later than six (6) months from the Call-Off Commencement Date":
  //    4 July 2027;
  //  - ¶3.5.1(b)(iv) the same date "and annually thereafter during the Call-Off Term": the
  //    18-month term runs 4 January 2027 to 3 July 2028, so 4 July 2028 falls outside it;
  //  - ¶3.5.1(b)(i) "the date immediately prior to the date on which the Supplier … wishes to
  //    process": the page says it assumes processing starts on the Commencement Date, so
  //    3 January 2027.
  const s = await openApp(env.browser, env.server);
  try {
    const { page } = s;
    await startByMouse(page, 'df');
    await walkByMouse(page, [
      ['subjects', '1,500'],
      ['special', '0'],
      ['value', '45k'],
    ]);
    // Back keeps what was answered.
    await expectQuestion(page, 'months');
    await questionPage(page, 'months').locator(tid('back')).click();
    await expectQuestion(page, 'value');
    assert.equal(await questionPage(page, 'value').locator(tid('answer')).inputValue(), '45000');
    await questionPage(page, 'value').locator(tid('continue')).click();
    await walkByMouse(page, [
      ['months', '18'],
      ['access', 'no'],
      ['other', 'no'],
      ['commencement', '2027-01-04'],
      // S5: route (b), and Customer Data hosted, so ¶3.5.1(c) applies without a condition.
      ['route', 'b'],
      ['hosting', 'yes'],
    ]);
    await expectCheckAnswers(page, ['subjects', 'special', 'value', 'months', 'access', 'other', 'commencement', 'route', 'hosting']);
    assert.equal(await digitsOf(page, 'subjects'), '1500');
    assert.equal(await digitsOf(page, 'value'), '45000');
    assert.match(await page.locator(tid('value-commencement')).textContent(), /2027/);
    await page.locator(tid('show-result')).click();
    await checkResult(page, {
      level: 'S5',
      standards: 'Normal',
      dates: {
        '3.5.1(b)(ii)': '2027-07-04',
        '3.5.1(b)(iv)': ['2027-07-04'],
        '3.5.1(b)(i)': '2027-01-03',
      },
      listed: ['3.5.1(c)'],
      notListed: ['3.4.1(b)(i)', '3.6.5', '3.5.1(a)'],
      levelChange: null,
      needsDate: false,
    });
    await page.locator(tid('plan-assumption')).waitFor({ state: 'visible' });
    await s.assertClean();
  } finally {
    await s.close();
  }
});

test('DF, special category data, professional recipient yes, commencement skipped: S3, undated', async () => {
  // 400 data subjects: S3 (<1000) is the first to admit it. 40 special category data subjects:
  // S1 and S2 admit "0" only; S3 admits them when the "Recipient is a registered medical
  // practitioner or other professional subject to a professional duty of confidentiality":
  // yes. £80k: below S3's "£100k" however it is read. 10 months (<12), no access. So S3, and
  // ¶3.3.1(b)(vii): "Basic". No commencement date: nothing can be dated.
  await walkToResult({
    schedule: 'df',
    steps: [
      ['subjects', '400'],
      ['special', '40'],
      ['professional', 'yes'],
      ['value', '80000'],
      ['months', '10'],
      ['access', 'no'],
      ['other', 'no'],
      ['commencement', null],
      ['route', null],
    ],
    asked: ['subjects', 'special', 'professional', 'value', 'months', 'access', 'other', 'commencement', 'route'],
    result: {
      level: 'S3',
      standards: 'Basic',
      dates: { '3.3.1(b)(i)': [], '3.3.1(b)(iv)': [] },
      listed: ['3.3.1(b)(v)'], // evidence of the professional duties of confidentiality
      notListed: ['3.2.1(a)', '3.4.1(a)'],
      needsDate: true,
    },
  });
});

test('DF, special category data, professional recipient no: S4 (Basic without access), dated', async () => {
  // As above, but the recipient is not such a professional, so S3 does not admit the
  // special category data; S4 admits "Any", 400 (<1000), £80k (<£100k), 10 months (<12) and
  // no access. So S4. No access to MoJ systems: Customer Data on a Supplier System only,
  // ¶3.4.1(b)(vii): "Basic". Commencement Tuesday 1 June 2027: the before-processing duty
  // ¶3.4.1(b)(i) is due 31 May 2027 (processing assumed to start on commencement).
  await walkToResult({
    schedule: 'df',
    steps: [
      ['subjects', '400'],
      ['special', '40'],
      ['professional', 'no'],
      ['value', '80000'],
      ['months', '10'],
      ['access', 'no'],
      ['other', 'no'],
      ['commencement', '2027-06-01'],
      ['route', 'unsure'],
    ],
    asked: ['subjects', 'special', 'professional', 'value', 'months', 'access', 'other', 'commencement', 'route'],
    result: {
      level: 'S4',
      standards: 'Basic',
      // Route not decided: the duties of both routes, each marked with its route.
      dates: { '3.4.1(b)(i)': '2027-05-31', '3.4.1(a)': '2027-05-31' },
      notListed: ['3.3.1(b)(i)', '3.5.1(b)(ii)'],
      needsDate: false,
    },
    more: async (page) => {
      // On the all view (checkResult leaves the page there): each says which route it is for.
      const text = (ref) => page.locator(`${tid('obligation')}[data-ref="${ref}"]`).first().innerText();
      assert.match(await text('3.4.1(a)'), /Applies if you take route \(a\)/);
      assert.match(await text('3.4.1(b)(i)'), /Applies if you take route \(b\)/);
    },
  });
});

test('DF, other contracts yes with special category data only there: professional asked after them; S6', async () => {
  // Paragraph 1.3's own example: 2,000 data sets here and 1,000 under another Call-Off
  // Contract, "for a period of less than 24 months" (18). The level is set by the aggregate,
  // 3,000 data subjects: more than 2,500, which only S6 admits (">2500"), although ¶1.3
  // says S5. Special category data: none here, 50 in the other contracts, so the
  // professional question comes after the other contracts' questions. ¶3.6 Assurance:
  // "Enhanced". The other contracts are at S3 now: ¶1.4, they change from S3 to S6.
  // Commencement Monday 30 November 2026:
  //  - ¶3.6.5 "No later than six (6) weeks prior to any Call-Off Commencement Date": 42 days
  //    before, Monday 19 October 2026; and the plan's changes "by no later than the date six
  //    (6) months from the Call-Off Commencement Date": 30 May 2027;
  //  - ¶3.6.1(b)(ii): 30 May 2027; ¶3.6.1(b)(iv): 30 May 2027, and annually in the term,
  //    which runs to 29 May 2028, so 30 May 2028 is outside it.
  await walkToResult({
    schedule: 'df',
    steps: [
      ['subjects', '2000'],
      ['special', '0'],
      ['value', '200000'],
      ['months', '18'],
      ['access', 'yes'],
      ['other', 'yes'],
      ['contract', { customer: 'HMPPS', subjects: '1000', special: '50', level: 'S3' }],
      ['contracts', 'done'],
      ['professional', 'yes'],
      ['commencement', '2026-11-30'],
      ['route', 'b'],
      ['hosting', 'unsure'],
    ],
    asked: [
      'subjects', 'special', 'value', 'months', 'access', 'other',
      'professional', 'commencement',
      'route', 'hosting',
    ],
    result: {
      level: 'S6',
      standards: 'Enhanced',
      dates: {
        '3.6.5': ['2026-10-19', '2027-05-30'],
        '3.6.1(b)(ii)': '2027-05-30',
        '3.6.1(b)(iv)': ['2027-05-30'],
      },
      notListed: ['3.6.1(a)'],
      ambiguities: ['worked-example-1-3'],
      levelChange: ['S3', 'S6'],
      needsDate: false,
    },
  });
});

test('DF, S5 by route (a) without hosting Customer Data: the route (b) and hosting duties are left out', async () => {
  // As the first S5 walk (1,500 data subjects, 18 months), without a commencement date.
  // Route (a), another UK Government security accreditation scheme: ¶3.5.1(a) applies and
  // the route (b) list does not (¶3.5.1(b)(ii), ISO/IEC 27001 within six months). No
  // hosting of Customer Data: ¶3.5.1(c), the NCSC Cloud Security Principles, does not apply.
  await walkToResult({
    schedule: 'df',
    steps: [
      ['subjects', '1500'],
      ['special', '0'],
      ['value', '45000'],
      ['months', '18'],
      ['access', 'no'],
      ['other', 'no'],
      ['commencement', null],
      ['route', 'a'],
      ['hosting', 'no'],
    ],
    asked: ['subjects', 'special', 'value', 'months', 'access', 'other', 'commencement', 'route', 'hosting'],
    result: {
      level: 'S5',
      standards: 'Normal',
      listed: ['3.5.1(a)', '3.5.1(d)'],
      notListed: ['3.5.1(b)(i)', '3.5.1(b)(ii)', '3.5.1(b)(iv)', '3.5.1(c)'],
      needsDate: true,
    },
    more: async (page) => {
      // Nothing left open: no duty says it depends on the route or on hosting.
      const texts = await page.locator(tid('obligation')).allInnerTexts();
      assert.ok(texts.length > 0, 'obligations on the all view');
      const open = texts.filter((t) => OPEN_CONDITION.test(t));
      assert.deepEqual(open, [], 'obligations that depend on the route or on hosting');
      // Copy link carries them: the link the summary offers ends with both keys.
      await openView(page, 'summary');
      await page.locator(tid('copy-link')).click();
      assert.match(await page.locator(tid('link-text')).inputValue(), /&route=a&hosting=no$/);
      // Check answers shows them, each with its Change link.
      await page.locator(tid('change-answers')).click();
      await page.locator(tid('check-answers')).waitFor({ state: 'visible' });
      assert.match(await page.locator(tid('value-route')).innerText(), /^Route \(a\)/);
      assert.equal(await page.locator(tid('value-hosting')).innerText(), 'No');
      assert.equal(await page.locator(tid('change-route')).count(), 1);
      assert.equal(await page.locator(tid('change-hosting')).count(), 1);
    },
  });
});

test('DF, other contracts yes without special category data: no professional question; they raise S1 to S2', async () => {
  // 5 data subjects here would be S1 (<10); with 90 in the other contracts the aggregate,
  // 95, needs S2 (<100). No special category data anywhere, so no professional question.
  // £20k (<£30k), 6 months (<12), no access: S1 would admit them. So S2, ¶3.2.1(f):
  // "Basic". ¶1.2 ("under each Call-Off Contract") and ¶1.3 ("across all") differ here:
  // the note on that must show. The other contracts are at S1 now: they change to S2.
  await walkToResult({
    schedule: 'df',
    steps: [
      ['subjects', '5'],
      ['special', '0'],
      ['value', '20000'],
      ['months', '6'],
      ['access', 'no'],
      ['other', 'yes'],
      ['contract', { customer: 'HMPPS', subjects: '90', special: '0', level: 'S1' }],
      ['contracts', 'done'],
      ['commencement', null],
    ],
    asked: [
      'subjects', 'special', 'value', 'months', 'access', 'other',
      'commencement',
    ],
    result: {
      level: 'S2',
      standards: 'Basic',
      dates: { '3.2.1(a)': [] },
      ambiguities: ['aggregate-each-or-all'],
      levelChange: ['S1', 'S2'],
      needsDate: true,
    },
  });
});

// ---- Schedule 2.4 Security Management (2017) ----------------------------------------------

test('2017, own computers yes (marking, long-term and bulk asked), OFFICIAL-SENSITIVE short term, no bulk: conditions, SMP date', async () => {
  // CIO Policy Statement: own computing facilities may be used on its conditions, among them
  // the "tools of trade" rule (¶1) and, with OFFICIAL-SENSITIVE data, disk encryption that
  // "must conform to CAPS" (¶4). (¶10's first sentence, "only MoJ computing facilities",
  // needs large volumes of data; its second, returning MoJ removable media, applies to all.)
  // ¶3.2: "Within twenty (20) Working Days after the Effective Date", Friday 19 March 2027.
  // Good Friday 26 March and Easter Monday 29 March 2027 are bank holidays: Working Days
  // 22–25 March (4), 30 March–2 April (8), 5–9 April (13), 12–16 April (18), 19 and
  // 20 April (20): Tuesday 20 April 2027.
  await walkToResult({
    schedule: 'sm2017',
    steps: [
      ['effective', '2027-03-19'],
      ['own_devices', 'yes'],
      ['marking', 'official-sensitive'],
      ['long_term', 'no'],
      ['bulk', 'no'],
    ],
    asked: ['effective', 'own_devices', 'marking', 'long_term', 'bulk'],
    result: {
      verdict: /\bmay use your own computers\b/i,
      conditions: ['Annex 1 Appendix (CIO), ¶1', 'Annex 1 Appendix (CIO), ¶4'],
      dates: { '3.2': '2027-04-20' },
      needsDate: false,
    },
  });
});

test('2017, own computers yes with large volumes of data: MoJ computing facilities only', async () => {
  // CIO ¶10: "Where there is a need to provide access to large volumes of personal or
  // protectively marked data only MoJ computing facilities must be used."
  await walkToResult({
    schedule: 'sm2017',
    steps: [
      ['effective', null],
      ['own_devices', 'yes'],
      ['marking', 'official'],
      ['bulk', 'yes'],
    ],
    asked: ['effective', 'own_devices', 'marking', 'bulk'],
    result: {
      verdict: /\bmust use MoJ computing facilities\b/i,
      conditions: ['Annex 1 Appendix (CIO), ¶10'],
      // OFFICIAL data: ¶4 (OFFICIAL-SENSITIVE, CAPS) does not apply.
      notConditions: ['Annex 1 Appendix (CIO), ¶4'],
      dates: { '3.2': [] },
      needsDate: true,
    },
  });
});

test('2017, own computers no (marking and bulk not asked), Effective Date skipped', async () => {
  // Without own computers the CIO conditions on "these computing facilities" and "the
  // computer" (¶1 to ¶5) do not apply; its general rules (email, removable media, personal
  // data, paper records) still do. Marking and bulk are asked only with own computers. No
  // Effective Date: ¶3.2 cannot be dated.
  await walkToResult({
    schedule: 'sm2017',
    steps: [
      ['effective', null],
      ['own_devices', 'no'],
    ],
    asked: ['effective', 'own_devices'],
    result: {
      verdict: /\bnot using your own computers\b/i,
      notConditions: [1, 2, 3, 4, 5].map((n) => `Annex 1 Appendix (CIO), ¶${n}`),
      dates: { '3.2': [] },
      needsDate: true,
    },
    more: async (page) => {
      // ¶6, no unencrypted emails with personal data, is one of the general rules.
      assert.ok((await page.locator(`${tid('obligation')}[data-ref="Annex 1 Appendix (CIO), ¶6"]`).count()) > 0);
    },
  });
});

test('after a result, Start again clears the answers and returns to the start page', async () => {
  const s = await openApp(env.browser, env.server, {
    fragment: '#schedule=df&subjects=5&special=0&value=1000&months=6&access=no',
  });
  try {
    const { page } = s;
    await expectView(page, 'summary');
    await page.locator(tid('level')).waitFor({ state: 'visible' });
    await page.locator(tid('start-again')).click();
    // The link's answers are not saved to a file: Start again asks first (issue 22).
    await page.locator(tid('confirm-start-again')).click();
    await startByMouse(page, 'df');
    await expectQuestion(page, 'subjects');
    assert.equal(await questionPage(page, 'subjects').locator(tid('answer')).inputValue(), '');
    await answerByMouse(page, 'subjects', '12');
    await expectQuestion(page, 'special');
    await s.assertClean();
  } finally {
    await s.close();
  }
});

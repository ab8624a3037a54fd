// axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) on every state of the app: the start page,
// every question page of both schedules, each of them again showing its error (error
// summary and field error), the check-answers pages, the results at S1, S4 and S6 and the
// 2017 results (the summary, and a subject view with a duty marked, filled in and its
// clause open), and the all-on-one-page view under print media emulation. Zero violations
// everywhere. Every view of the S6 example is checked in views.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, openApp } from '../lib/harness.mjs';
import { assertNoAxeViolations } from '../lib/axe.mjs';
import {
  tid,
  expectQuestion,
  questionPage,
  answerByMouse,
  startByMouse,
  expectCheckAnswers,
  currentPage,
  expectView,
  openView,
  taskListViews,
  openTrackFields,
  addContractByMouse,
  contractsByMouse,
} from '../lib/flow.mjs';

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

/** Runs axe, saying which state failed. */
async function axe(page, state) {
  try {
    await assertNoAxeViolations(page);
  } catch (e) {
    e.message = `[${state}] ${e.message}`;
    throw e;
  }
}

/**
 * On question `key`: axe on the page as it opens; then a wrong answer (`bad`: what to type or
 * nothing) and Continue, which must show the error summary and the field error, and axe again;
 * then the real answer.
 */
async function checkQuestion(page, key, bad, answer) {
  await expectQuestion(page, key);
  const q = questionPage(page, key);
  await axe(page, `question ${key}`);
  if (bad?.day !== undefined) {
    await q.locator(tid('date-day')).fill(bad.day);
    await q.locator(tid('date-month')).fill(bad.month);
    await q.locator(tid('date-year')).fill(bad.year);
  } else if (bad !== undefined) {
    await q.locator(tid('answer')).fill(bad);
  }
  await q.locator(tid('continue')).click();
  await page.locator(tid('error-summary')).waitFor({ state: 'visible' });
  await q.locator(tid('field-error')).waitFor({ state: 'visible' });
  assert.equal(await currentPage(page), `question-${key}`, 'an error keeps the question on screen');
  await axe(page, `question ${key} with an error`);
  await answerByMouse(page, key, answer);
}

test('start page, every DF question (with and without its error) and check answers', async () => {
  const s = await openApp(env.browser, env.server);
  try {
    const { page } = s;
    await axe(page, 'start');
    await startByMouse(page, 'df');
    // One path through every DF question: special category data only in the other
    // contracts, so the professional question comes after them.
    await checkQuestion(page, 'subjects', undefined, '500');
    await checkQuestion(page, 'special', '2.5', '0');
    await checkQuestion(page, 'value', 'lots', '40000');
    await checkQuestion(page, 'months', '0', '6');
    await checkQuestion(page, 'access', undefined, 'no');
    await checkQuestion(page, 'other', undefined, 'yes');
    // The other contracts, "add another": a contract's page with and without its errors,
    // then the list.
    const contract = page.locator(tid('contract-page'));
    await contract.waitFor({ state: 'visible' });
    await axe(page, 'contract page');
    await contract.locator(tid('contract-subjects')).fill('-1');
    await contract.locator(tid('save-contract')).click();
    await page.locator(tid('error-summary')).waitFor({ state: 'visible' });
    await axe(page, 'contract page with errors');
    await addContractByMouse(page, { name: 'Prison health', customer: 'HMPPS', subjects: '100', special: '5', level: 'S2' });
    await axe(page, 'contracts list');
    await contractsByMouse(page, 'done');
    await checkQuestion(page, 'professional', undefined, 'yes');
    await checkQuestion(page, 'commencement', { day: '31', month: '2', year: '2027' }, '2027-01-04');
    // Special category data with a professional recipient: S3, so the route is asked
    // (hosting is asked at S5 and S6 only: see the linked question below).
    await checkQuestion(page, 'route', undefined, 'unsure');
    await expectCheckAnswers(page, [
      'subjects', 'special', 'value', 'months', 'access', 'other',
      'professional', 'commencement', 'route',
    ]);
    await axe(page, 'check answers (DF)');
    await s.assertClean();
  } finally {
    await s.close();
  }
});

test('every 2017 question (with and without its error) and check answers', async () => {
  const s = await openApp(env.browser, env.server);
  try {
    const { page } = s;
    await startByMouse(page, 'sm2017');
    await checkQuestion(page, 'effective', { day: '1', month: '13', year: '2027' }, '2027-03-19');
    await checkQuestion(page, 'own_devices', undefined, 'yes');
    await checkQuestion(page, 'marking', undefined, 'official-sensitive');
    await checkQuestion(page, 'long_term', undefined, 'no');
    await checkQuestion(page, 'bulk', undefined, 'no');
    await expectCheckAnswers(page, ['effective', 'own_devices', 'marking', 'long_term', 'bulk']);
    await axe(page, 'check answers (2017)');
    await s.assertClean();
  } finally {
    await s.close();
  }
});

test('a question opened from a link with an invalid value shows its error', async () => {
  const s = await openApp(env.browser, env.server, { fragment: '#schedule=df&subjects=ten' });
  try {
    const { page } = s;
    await expectQuestion(page, 'subjects');
    await page.locator(tid('error-summary')).waitFor({ state: 'visible' });
    await axe(page, 'linked question with an error');
    await s.assertClean();
  } finally {
    await s.close();
  }
});

test('the hosting question (S5 and S6), opened from a link with an invalid value, with and without its error', async () => {
  const s = await openApp(env.browser, env.server, {
    fragment: '#schedule=df&subjects=3000&special=0&value=45000&months=18&access=no&route=a&hosting=maybe',
  });
  try {
    const { page } = s;
    await expectQuestion(page, 'hosting');
    await page.locator(tid('error-summary')).waitFor({ state: 'visible' });
    await axe(page, 'question hosting with an error');
    await answerByMouse(page, 'hosting', 'no');
    await expectCheckAnswers(page, [
      'subjects', 'special', 'value', 'months', 'access', 'other', 'commencement', 'route', 'hosting',
    ]);
    await axe(page, 'check answers with route and hosting');
    await s.assertClean();
  } finally {
    await s.close();
  }
});

// Results: the level is checked first, so the state is the one named. Expected levels
// (Annex Security Matrix, the lowest row whose every column admits the answers):
const RESULTS = [
  {
    // 5 < 10 subjects, no special category data, £1,000 < £30k, 6 < 12 months, no access: S1.
    name: 'S1',
    fragment: '#schedule=df&subjects=5&special=0&value=1000&months=6&access=no&commencement=2027-01-04',
    level: 'S1',
  },
  {
    // Access to MoJ systems rules out S1 to S3 ("No"); 500 < 1,000, £20k < £100k, 6 < 12: S4.
    name: 'S4',
    fragment: '#schedule=df&subjects=500&special=0&value=20000&months=6&access=yes&commencement=2027-01-04',
    level: 'S4',
  },
  {
    // 3,000 > 2,500 data subjects (and 36 months, £300k): only S6 admits them.
    name: 'S6',
    fragment:
      '#schedule=df&subjects=3000&special=40&professional=no&value=300000&months=36&access=yes&other_subjects=100&other_special=0&current_level=S5&commencement=2027-01-04',
    level: 'S6',
  },
  {
    name: '2017 with own computers and bulk data',
    fragment: '#schedule=sm2017&effective=2027-03-19&own_devices=yes&marking=official&bulk=yes',
    level: null,
  },
  {
    name: '2017 without own computers, no Effective Date',
    fragment: '#schedule=sm2017&own_devices=no',
    level: null,
  },
];

for (const r of RESULTS) {
  test(`result: ${r.name}, the summary and a subject with a status, an owner, a note and a clause open`, async () => {
    const s = await openApp(env.browser, env.server, { fragment: r.fragment });
    try {
      const { page } = s;
      await expectView(page, 'summary');
      if (r.level) assert.equal(await page.locator(tid('level')).textContent(), r.level);
      else assert.equal(await page.locator(tid('level')).count(), 0);
      await axe(page, `result ${r.name}: summary`);
      // The first subject of the task list, its first duty marked and filled in, its
      // clause's words open: the view changes, check it again.
      const subject = (await taskListViews(page)).find((v) => v.startsWith('subject-'));
      assert.ok(subject, 'the task list has a subject');
      await openView(page, subject);
      const duty = page.locator(tid('obligation')).first();
      await duty.locator(tid('status-in-progress')).check();
      await page.waitForFunction(() => document.querySelector('[data-testid="obligation"]')?.dataset.status === 'in-progress');
      await openTrackFields(duty);
      await duty.locator(tid('owner')).fill('Information security lead');
      await duty.locator(tid('note')).fill('Booked for March.');
      await duty.locator(`${tid('words')} summary`).click();
      await duty.locator(`${tid('words')}[open]`).waitFor({ state: 'visible' });
      await axe(page, `result ${r.name}: ${subject}, with a status, an owner, a note and a clause open`);
      if (r.level === null) {
        await openView(page, 'why');
        await page.locator(tid('device-verdict')).waitFor({ state: 'visible' });
        await axe(page, `result ${r.name}: why`);
      }
      await s.assertClean();
    } finally {
      await s.close();
    }
  });
}

test('the all-on-one-page view under print media emulation (S6 and 2017), with and without the clause words', async () => {
  for (const r of RESULTS.filter((x) => x.name === 'S6' || x.name.startsWith('2017 with'))) {
    const s = await openApp(env.browser, env.server, { fragment: `${r.fragment}&view=all` });
    try {
      const { page } = s;
      await expectView(page, 'all');
      await page.emulateMedia({ media: 'print' });
      assert.ok(await page.evaluate(() => matchMedia('print').matches), 'print media is emulated');
      // The print stylesheet hides the buttons: the emulation took effect.
      assert.equal(await page.locator(tid('print')).isVisible(), false, 'the print button is hidden in print');
      await axe(page, `print ${r.name}`);
      await page.emulateMedia({ media: 'screen' });
      await page.locator(tid('print-words')).check();
      await page.locator(tid('words-text')).first().waitFor({ state: 'attached' });
      await page.emulateMedia({ media: 'print' });
      await axe(page, `print ${r.name} with the schedule's own words`);
      await page.emulateMedia({ media: 'screen' });
      await s.assertClean();
    } finally {
      await s.close();
    }
  }
});

// Keyboard only (Tab, Shift+Tab, Space, Enter, arrow keys and typing; no click, no locator
// action that clicks). 1. A whole DF walk: start page to result, through an error, the error
// summary's link, a radio group by arrow keys and by Shift+Tab and Space, the date boxes,
// check answers, and the result's "Everything on one page". 2. The workspace: from the
// summary to a subject, a duty's status, owner and note, back, and "Print or save as PDF",
// which shows them as text on the all-on-one-page view. After every page or view change
// focus must be on the new heading (or on the error summary), so a keyboard or screen
// reader user starts reading at the right place.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, openApp, expectText, expectTextContaining } from '../lib/harness.mjs';
import {
  tid,
  tabTo,
  expectFocus,
  expectQuestion,
  expectCheckAnswers,
  expectParagraphDates,
  focusMatches,
  expectView,
  viewSelector,
  describeFocus,
} from '../lib/flow.mjs';
import { S6_EXAMPLE, viewTitle } from '../lib/workspace.mjs';

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

const heading = (key) => `${tid(`question-${key}`)} ${tid('page-heading')}`;
const inQuestion = (key, id) => `${tid(`question-${key}`)} ${tid(id)}`;

/** On question `key` (focus on its heading): Tab to the box, type `text`, Enter. */
async function typeAnswer(page, key, text) {
  await expectQuestion(page, key);
  await expectFocus(page, heading(key));
  await tabTo(page, inQuestion(key, 'answer'));
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test('keyboard only: a DF walk from the start page to the result', async () => {
  const s = await openApp(env.browser, env.server);
  try {
    const { page } = s;
    const keyboard = page.keyboard;

    // Start page: DF is the default schedule; Tab to Start and press Enter.
    await page.locator(tid('start-page')).waitFor({ state: 'visible' });
    assert.equal(await page.locator(tid('schedule-df')).isChecked(), true);
    await tabTo(page, tid('start'));
    await keyboard.press('Enter');

    // Subjects: Enter with nothing typed shows the error; focus moves to the summary.
    await expectQuestion(page, 'subjects');
    await expectFocus(page, heading('subjects'));
    await tabTo(page, inQuestion('subjects', 'answer'));
    await keyboard.press('Enter');
    await page.locator(tid('error-summary')).waitFor({ state: 'visible' });
    await expectFocus(page, tid('error-summary'));
    // The summary's link (Tab, Enter) puts focus in the box that needs an answer.
    await tabTo(page, `${tid('error-summary')} a`, { max: 3 });
    await keyboard.press('Enter');
    await expectFocus(page, inQuestion('subjects', 'answer'));
    await keyboard.type('1,500');
    await keyboard.press('Enter');

    // Special: type, Tab to Continue, Space.
    await expectQuestion(page, 'special');
    await expectFocus(page, heading('special'));
    await tabTo(page, inQuestion('special', 'answer'));
    await keyboard.type('0');
    await tabTo(page, inQuestion('special', 'continue'), { max: 3 });
    await keyboard.press('Space');

    await typeAnswer(page, 'value', '45000');

    // Months: a typo, Tab on to Continue, Shift+Tab back to the box, fix it, Enter.
    await expectQuestion(page, 'months');
    await expectFocus(page, heading('months'));
    await tabTo(page, inQuestion('months', 'answer'));
    await keyboard.type('81');
    await tabTo(page, inQuestion('months', 'continue'), { max: 3 });
    await tabTo(page, inQuestion('months', 'answer'), { back: true, max: 3 });
    await keyboard.press('Backspace');
    await keyboard.press('Backspace');
    await keyboard.type('18');
    await keyboard.press('Enter');

    // Access: Tab into the radio group (focus on its first radio, none chosen yet);
    // the arrow keys move and choose: Right picks "No", Left goes back to "Yes".
    await expectQuestion(page, 'access');
    await expectFocus(page, heading('access'));
    await tabTo(page, inQuestion('access', 'option-yes'));
    assert.equal(await page.locator(inQuestion('access', 'option-yes')).isChecked(), false);
    await keyboard.press('ArrowRight');
    await expectFocus(page, inQuestion('access', 'option-no'));
    assert.equal(await page.locator(inQuestion('access', 'option-no')).isChecked(), true);
    await keyboard.press('ArrowLeft');
    await expectFocus(page, inQuestion('access', 'option-yes'));
    assert.equal(await page.locator(inQuestion('access', 'option-yes')).isChecked(), true);
    await tabTo(page, inQuestion('access', 'continue'), { max: 3 });
    await keyboard.press('Enter');

    // Other contracts: Tab past the radios to Continue, Shift+Tab back into the group (one
    // tab stop: Chromium focuses its first radio while none is chosen), Space chooses "Yes",
    // Down moves to "No" and chooses it.
    await expectQuestion(page, 'other');
    await expectFocus(page, heading('other'));
    await tabTo(page, inQuestion('other', 'continue'));
    await tabTo(page, inQuestion('other', 'option-yes'), { back: true, max: 1 });
    await keyboard.press('Space');
    assert.equal(await page.locator(inQuestion('other', 'option-yes')).isChecked(), true);
    await keyboard.press('ArrowDown');
    await expectFocus(page, inQuestion('other', 'option-no'));
    assert.equal(await page.locator(inQuestion('other', 'option-no')).isChecked(), true);
    await tabTo(page, inQuestion('other', 'continue'), { max: 3 });
    await keyboard.press('Enter');

    // Commencement date: day, Tab, month, Tab, year, Enter.
    await expectQuestion(page, 'commencement');
    await expectFocus(page, heading('commencement'));
    await tabTo(page, inQuestion('commencement', 'date-day'));
    await keyboard.type('4');
    await keyboard.press('Tab');
    await expectFocus(page, inQuestion('commencement', 'date-month'));
    await keyboard.type('1');
    await keyboard.press('Tab');
    await expectFocus(page, inQuestion('commencement', 'date-year'));
    await keyboard.type('2027');
    await keyboard.press('Enter');

    // S5, so the certification route is asked: Tab into the radios (focus on route (a),
    // none chosen yet), Down moves to route (b) and chooses it; Tab to Continue, Enter.
    await expectQuestion(page, 'route');
    await expectFocus(page, heading('route'));
    await tabTo(page, inQuestion('route', 'option-a'));
    assert.equal(await page.locator(inQuestion('route', 'option-a')).isChecked(), false);
    await keyboard.press('ArrowDown');
    await expectFocus(page, inQuestion('route', 'option-b'));
    assert.equal(await page.locator(inQuestion('route', 'option-b')).isChecked(), true);
    await tabTo(page, inQuestion('route', 'continue'), { max: 3 });
    await keyboard.press('Enter');

    // Hosting: Tab to "Yes", Space chooses it, Tab to Continue, Space.
    await expectQuestion(page, 'hosting');
    await expectFocus(page, heading('hosting'));
    await tabTo(page, inQuestion('hosting', 'option-yes'));
    await keyboard.press('Space');
    assert.equal(await page.locator(inQuestion('hosting', 'option-yes')).isChecked(), true);
    await tabTo(page, inQuestion('hosting', 'continue'), { max: 3 });
    await keyboard.press('Space');

    // Check answers: focus on its heading; Tab to "Get your result", Enter.
    await expectCheckAnswers(page, [
      'subjects', 'special', 'value', 'months', 'access', 'other', 'commencement', 'route', 'hosting',
    ]);
    await expectFocus(page, `${tid('check-answers')} ${tid('page-heading')}`);
    await tabTo(page, tid('show-result'), { max: 40 });
    await keyboard.press('Enter');

    // The result opens on its summary, focus on its heading. 1,500 data subjects: above
    // S4's "<1000", below S5's "<2500"; 18 months: above "<12", below S5's "<24"; £45k and
    // access are admitted by S5: S5, "Normal" (¶3.5.1(f)).
    await expectView(page, 'summary');
    await expectFocus(page, `${viewSelector('summary')} ${tid('page-heading')}`);
    await expectText(page, tid('level'), 'S5');
    await expectText(page, tid('standards'), 'Normal');

    // "Everything on one page" from the task list: Tab, Enter. Commencement Monday 4 January
    // 2027: six months, 4 July 2027; the 18-month term ends on 3 July 2028, so the ITHC's
    // next year (4 July 2028) is outside it.
    await tabTo(page, `${tid('task')}[data-view="all"] ${tid('task-link')}`, { max: 60 });
    await keyboard.press('Enter');
    await expectView(page, 'all');
    await expectFocus(page, `${viewSelector('all')} ${tid('page-heading')}`);
    await expectParagraphDates(page, '3.5.1(b)(ii)', '2027-07-04');
    await expectParagraphDates(page, '3.5.1(b)(iv)', ['2027-07-04']);

    await s.assertClean();
  } finally {
    await s.close();
  }
});

test('keyboard only: from the summary to a subject, a status, an owner and a note, then the print view', async () => {
  const s = await openApp(env.browser, env.server, { fragment: S6_EXAMPLE });
  try {
    const { page } = s;
    const keyboard = page.keyboard;
    // window.print() is the browser's dialog: note the view it is called on instead.
    await page.evaluate(() => {
      window.__printed = [];
      window.print = () => window.__printed.push(document.querySelector('[data-testid="result"]')?.dataset.view);
    });
    await expectView(page, 'summary');

    // Tab to the Certification row of the task list, Enter: the subject, focus on its heading.
    const subject = 'subject-certification';
    await tabTo(page, `${tid('task')}[data-view="${subject}"] ${tid('task-link')}`, { max: 60 });
    await keyboard.press('Enter');
    await expectView(page, subject);
    await expectFocus(page, `${viewSelector(subject)} ${tid('page-heading')}`);
    assert.equal(await page.title(), viewTitle(subject, 'S6'));

    // The first duty: Tab into its status radios (none chosen: focus on the first, "Not
    // started"), the arrow key moves to "In progress" and chooses it.
    const id = await page.locator(tid('obligation')).first().getAttribute('data-id');
    const duty = `${tid('obligation')}[data-id="${id}"]`;
    assert.equal(await page.locator(duty).getAttribute('data-status'), 'unmarked');
    await tabTo(page, `${duty} input[type="radio"]`, { max: 30 });
    assert.ok(await focusMatches(page, `${duty} ${tid('status-not-started')}`), `the group starts at "Not started", not ${await describeFocus(page)}`);
    assert.equal(await page.locator(`${duty} ${tid('status-not-started')}`).isChecked(), false);
    await keyboard.press('ArrowRight');
    await expectFocus(page, `${duty} ${tid('status-in-progress')}`);
    await page.waitForFunction((sel) => document.querySelector(sel)?.dataset.status === 'in-progress', duty);

    // Tab to "Owner and evidence" (closed: nothing recorded yet), Enter opens it; Tab to the
    // owner, type; Tab to the note, type. Each has its count of characters.
    await tabTo(page, `${duty} details${tid('track-details')} > summary`, { max: 5 });
    await keyboard.press('Enter');
    await page.waitForFunction((sel) => document.querySelector(sel)?.open === true, `${duty} details${tid('track-details')}`);
    await tabTo(page, `${duty} ${tid('owner')}`, { max: 5 });
    await keyboard.type('Alex Smith');
    await expectTextContaining(page, `${duty} ${tid('owner-count')}`, 'You have 90 characters remaining');
    await tabTo(page, `${duty} ${tid('note')}`, { max: 5 });
    await keyboard.type('Certificate booked for March');
    await expectTextContaining(page, `${duty} ${tid('note-count')}`, 'You have 972 characters remaining');
    assert.equal(await page.locator(`${duty} ${tid('owner-error')}`).count(), 0, 'no error');

    // Shift+Tab back to "Back to your result", Enter: the summary counts the duty.
    await tabTo(page, `${viewSelector(subject)} ${tid('back')}`, { back: true, max: 40 });
    await keyboard.press('Enter');
    await expectView(page, 'summary');
    await expectFocus(page, `${viewSelector('summary')} ${tid('page-heading')}`);
    assert.equal(
      await page.locator(`${tid('task')}[data-view="${subject}"] ${tid('task-status')} [data-status]`).getAttribute('data-status'),
      'in-progress',
    );
    assert.match(await page.locator(tid('readiness-counts')).innerText(), /\b1 in progress\b/);

    // "Print or save as PDF": the all-on-one-page view, then the print dialog.
    await tabTo(page, `${viewSelector('summary')} ${tid('print')}`, { max: 60 });
    await keyboard.press('Enter');
    await expectView(page, 'all');
    await page.waitForFunction(() => window.__printed.length === 1);
    assert.deepEqual(await page.evaluate(() => window.__printed), ['all'], 'printed once, on the all view');
    // There the duty's status, owner and note are text.
    await expectTextContaining(page, `${duty} ${tid('status-text')}`, 'In progress');
    await expectTextContaining(page, `${duty} ${tid('owner-text')}`, 'Alex Smith');
    await expectTextContaining(page, `${duty} ${tid('note-text')}`, 'Certificate booked for March');
    assert.equal(await page.locator(`${viewSelector('all')} ${tid('owner')}`).count(), 0, 'no owner box on the all view');
    await s.assertClean();
  } finally {
    await s.close();
  }
});

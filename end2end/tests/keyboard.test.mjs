// A whole DF walk by keyboard only (Tab, Shift+Tab, Space, Enter, arrow keys and typing; no
// click, no locator action that clicks): start page to result, through an error, the error
// summary's link, a radio group by arrow keys and by Shift+Tab and Space, the date boxes,
// check answers and a readiness mark on the result. After every page change focus must be
// on the new page's heading (or on the error summary), so a keyboard or screen reader user
// starts reading at the right place.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, openApp, expectText } from '../lib/harness.mjs';
import { tid, tabTo, expectFocus, expectQuestion, expectCheckAnswers, expectParagraphDates, focusMatches } from '../lib/flow.mjs';

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

    // The result. 1,500 data subjects: above S4's "<1000", below S5's "<2500"; 18 months:
    // above "<12", below S5's "<24"; £45k and access are admitted by S5: S5, "Normal"
    // (¶3.5.1(f)). Commencement Monday 4 January 2027: six months, 4 July 2027; the
    // 18-month term ends on 3 July 2028, so the ITHC's next year (4 July 2028) is outside it.
    await page.locator(tid('result')).waitFor({ state: 'visible' });
    await expectFocus(page, `${tid('result')} ${tid('page-heading')}`);
    await expectText(page, tid('level'), 'S5');
    await expectText(page, tid('standards'), 'Normal');
    await expectParagraphDates(page, '3.5.1(b)(ii)', '2027-07-04');
    await expectParagraphDates(page, '3.5.1(b)(iv)', ['2027-07-04']);

    // A readiness mark by keyboard: Tab to the first obligation's first radio, Space.
    const first = `${tid('obligation')} ${tid('readiness')} input`;
    await tabTo(page, first, { max: 80 });
    assert.ok(await focusMatches(page, `${tid('obligation')} ${tid('ready-in-place')}`), 'the group starts at "In place"');
    await keyboard.press('Space');
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.checked === true,
      `${tid('obligation')} ${tid('ready-in-place')}`,
    );
    assert.match(await page.locator(tid('readiness-counts')).textContent(), /\b1 in place\b/);

    await s.assertClean();
  } finally {
    await s.close();
  }
});

// Driving the question flow through the documented hooks (README, "Stable hooks"), by mouse
// or by keyboard. Every helper waits with Playwright's auto-waiting locators or
// page.waitForFunction: never with a sleep.
//
//   await startByMouse(page);                        // Start on the start page
//   await answerByMouse(page, 'subjects', '1500');   // waits for that question, answers, Continue
//   await answerByMouse(page, 'commencement', null); // an optional date: Skip this question
//   await expectCheckAnswers(page, ['subjects', …]); // the rows of the check-answers page
//   await page.getByTestId('show-result').click();
import assert from 'node:assert/strict';

/** The kind of input each question has (from core/data/questions.toml). */
export const QUESTION_KIND = {
  subjects: 'number',
  special: 'number',
  professional: 'radio',
  value: 'number',
  months: 'number',
  access: 'radio',
  other: 'radio',
  commencement: 'date',
  route: 'radio',
  hosting: 'radio',
  effective: 'date',
  own_devices: 'radio',
  marking: 'radio',
  long_term: 'radio',
  bulk: 'radio',
};

/** Every question of each schedule, in the order the flow can ask them. */
export const DF_QUESTIONS = [
  'subjects', 'special', 'professional', 'value', 'months', 'access', 'other',
  'commencement', 'route', 'hosting',
];
export const SM2017_QUESTIONS = ['effective', 'own_devices', 'marking', 'long_term', 'bulk'];

export const tid = (id) => `[data-testid="${id}"]`;

/** The locator of a question page (it waits when used). */
export const questionPage = (page, key) => page.locator(tid(`question-${key}`));

/** Waits until the question `key` is the page shown. */
export async function expectQuestion(page, key, { timeout = 5000 } = {}) {
  assert.ok(key in QUESTION_KIND, `unknown question ${key}`);
  try {
    await questionPage(page, key).waitFor({ state: 'visible', timeout });
  } catch (e) {
    const shown = await currentPage(page);
    assert.equal(shown, `question-${key}`, `expected the question '${key}'`);
    throw e;
  }
}

/** The page shown: 'start-page', 'check-answers', 'result', 'question-<key>' or 'nothing'. */
export function currentPage(page) {
  return page.evaluate(() => {
    for (const id of ['start-page', 'check-answers', 'result']) {
      if (document.querySelector(`[data-testid="${id}"]`)) return id;
    }
    return document.querySelector('[data-testid^="question-"]')?.getAttribute('data-testid') ?? 'nothing';
  });
}

/** 'YYYY-MM-DD' → the three boxes' strings, written as a person would ("4", "1", "2027"). */
export function dateParts(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  assert.ok(m, `not a YYYY-MM-DD date: ${iso}`);
  return { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] };
}

/** Start on the start page, choosing the schedule first ('df' or 'sm2017'). */
export async function startByMouse(page, schedule = 'df') {
  await page.locator(tid('start-page')).waitFor({ state: 'visible' });
  await page.locator(tid(`schedule-${schedule}`)).check();
  await page.locator(tid('start')).click();
}

/**
 * On the question `key`: fills in `value` (a number's text, a radio's value, or a date as
 * 'YYYY-MM-DD'; `null` skips an optional question) and presses Continue, by mouse.
 */
export async function answerByMouse(page, key, value) {
  if (key === 'contract') return addContractByMouse(page, value);
  if (key === 'contracts') return contractsByMouse(page, value);
  await expectQuestion(page, key);
  const q = questionPage(page, key);
  if (value === null) {
    await q.locator(tid('skip')).click();
    return;
  }
  switch (QUESTION_KIND[key]) {
    case 'number':
      await q.locator(tid('answer')).fill(String(value));
      break;
    case 'radio':
      await q.locator(tid(`option-${value}`)).check();
      break;
    case 'date': {
      const { day, month, year } = dateParts(value);
      await q.locator(tid('date-day')).fill(day);
      await q.locator(tid('date-month')).fill(month);
      await q.locator(tid('date-year')).fill(year);
      break;
    }
  }
  await q.locator(tid('continue')).click();
}

/**
 * On a contract's page (after "Do you have other Call-Off Contracts?" yes, or "Add another
 * contract"): fills in `{ name, customer, subjects, special, level }` and saves; the list
 * of contracts follows.
 */
export async function addContractByMouse(page, { name = '', customer, subjects, special = '0', level = 'none' }) {
  const p = page.locator(tid('contract-page'));
  await p.waitFor({ state: 'visible' });
  await p.locator(tid('contract-name')).fill(name);
  await p.locator(tid('contract-customer')).fill(customer);
  await p.locator(tid('contract-subjects')).fill(String(subjects));
  await p.locator(tid('contract-special')).fill(String(special));
  await p.locator(tid(`contract-level-${level}`)).check();
  await p.locator(tid('save-contract')).click();
  await page.locator(tid('contracts')).waitFor({ state: 'visible' });
}

/** On the list of contracts: 'add' (Add another contract) or 'done' (Continue). */
export async function contractsByMouse(page, what) {
  const list = page.locator(tid('contracts'));
  await list.waitFor({ state: 'visible' });
  await list.locator(tid(what === 'add' ? 'add-contract' : 'continue')).click();
}

/** Answers each `[key, value]` in turn, checking that the flow asks exactly these, in order. */
export async function walkByMouse(page, steps) {
  for (const [key, value] of steps) await answerByMouse(page, key, value);
}

/**
 * Walks by mouse the answers of a deep link (a URL fragment, such as a row of
 * end2end/scenarios.mjs), from its first question to the check-answers page: each question
 * the flow asks is answered with the link's value; one the link leaves out is skipped (an
 * optional question: the commencement date, the route, hosting), or answered "no" for
 * `other` (a link without other contracts). Fails if a question of the link is never asked.
 * Returns the keys asked, in order. Not for links with other contracts' figures.
 */
export async function walkLinkByMouse(page, fragment) {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  assert.ok(!params.has('other_subjects'), 'walkLinkByMouse: a link with other contracts');
  const asked = [];
  for (;;) {
    // The page after the last answer: another question, or check answers.
    await page.waitForFunction((prev) => {
      const id = document.querySelector('[data-testid="check-answers"]')
        ? 'check-answers'
        : document.querySelector('[data-testid^="question-"]')?.getAttribute('data-testid');
      return Boolean(id) && id !== prev;
    }, asked.length ? `question-${asked[asked.length - 1]}` : 'start-page');
    const shown = await currentPage(page);
    if (shown === 'check-answers') break;
    const key = shown.slice('question-'.length);
    assert.ok(!asked.includes(key) && asked.length < 20, `the flow asks ${key} again after ${asked.join(', ')}`);
    await answerByMouse(page, key, params.get(key) ?? (key === 'other' ? 'no' : null));
    asked.push(key);
  }
  for (const key of params.keys()) {
    if (key in QUESTION_KIND) assert.ok(asked.includes(key), `the link answers ${key}, which the flow never asked (asked: ${asked.join(', ')})`);
  }
  return asked;
}

/** Waits for the check-answers page and checks that its rows are exactly `keys`, in order. */
export async function expectCheckAnswers(page, keys) {
  await page.locator(tid('check-answers')).waitFor({ state: 'visible' });
  const rows = await page
    .locator(`${tid('summary')} [data-testid^="row-"]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid').slice(4)));
  assert.deepEqual(rows, keys, 'the rows of the check-answers page');
}

/** The text of every `[data-testid=ambiguity]` note's id on the page. */
export function ambiguityIds(page) {
  return page.locator(tid('ambiguity')).evaluateAll((els) => els.map((e) => e.getAttribute('data-ambiguity')));
}

// ---- the result's views ---------------------------------------------------------------------

/** The root of the result view `key` (`summary`, `why`, `plan`, `subject-<id>`, `all`, …). */
export const viewSelector = (key) => `${tid('result')}[data-view="${key}"]`;

/** Waits until the result shows the view `key`. */
export async function expectView(page, key, { timeout = 5000 } = {}) {
  try {
    await page.locator(viewSelector(key)).waitFor({ state: 'visible', timeout });
  } catch (e) {
    const shown = await page.evaluate(() => document.querySelector('[data-testid="result"]')?.dataset.view ?? null);
    assert.equal(shown, key, 'the result view shown');
    throw e;
  }
}

/**
 * From any result view, opens the view `key` by mouse the way a person would: "Back to
 * your result" first when not on the summary, then the task list's link to it.
 */
export async function openView(page, key) {
  const shown = await page.evaluate(() => document.querySelector('[data-testid="result"]')?.dataset.view ?? null);
  assert.notEqual(shown, null, 'a result view is shown');
  if (shown === key) return;
  if (shown !== 'summary') {
    await page.locator(`${viewSelector(shown)} ${tid('back')}`).click();
    await expectView(page, 'summary');
  }
  if (key === 'summary') return;
  await page.locator(`${tid('task')}[data-view="${key}"] ${tid('task-link')}`).click();
  await expectView(page, key);
}

/** The keys of the views the summary's task list links to, in order. */
export function taskListViews(page) {
  return page.locator(`${tid('task-list')} ${tid('task')}`).evaluateAll((els) => els.map((e) => e.dataset.view));
}

/**
 * Opens a duty's "Owner and evidence" disclosure, `details[data-testid="track-details"]`
 * (closed until something is recorded), by mouse, so that its owner and note boxes can be
 * filled. `duty` is the duty's locator.
 * @param {import('playwright-core').Locator} duty
 */
export async function openTrackFields(duty) {
  const details = duty.locator(`details${tid('track-details')}`);
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').first().click();
  await duty.locator(`details${tid('track-details')}[open] ${tid('owner')}`).waitFor({ state: 'visible' });
}

/**
 * Every `<time datetime>` inside the obligations `[data-testid=obligation][data-ref=ref]`
 * (several obligations may cite one paragraph), sorted; `null` when no obligation has
 * that reference.
 */
export function obligationDates(page, ref) {
  return page.evaluate((ref) => {
    const els = [...document.querySelectorAll('[data-testid="obligation"]')].filter((e) => e.dataset.ref === ref);
    if (els.length === 0) return null;
    return els.flatMap((e) => [...e.querySelectorAll('time')].map((t) => t.getAttribute('datetime'))).sort();
  }, ref);
}

/**
 * The same for the rows of the dated plan, `[data-testid=plan-entry][data-ref=ref]`: each
 * folded row holds a `<time>` for every one of its dates (the later ones in a closed
 * `<details>`, still in the document).
 */
export function planDates(page, ref) {
  return page.evaluate((ref) => {
    const els = [...document.querySelectorAll('[data-testid="plan-entry"]')].filter((e) => e.dataset.ref === ref);
    return els.flatMap((e) => [...e.querySelectorAll('time')].map((t) => t.getAttribute('datetime'))).sort();
  }, ref);
}

/**
 * Checks the dates of paragraph `ref` on the "Everything on one page" view (opened through
 * the task list when another view is shown): the obligation(s) citing it show exactly
 * `expected` (a date or an array, compared as sorted lists; `[]` means listed but undated),
 * and the dated plan's rows for it hold each of those dates and no other.
 */
export async function expectParagraphDates(page, ref, expected) {
  const want = (Array.isArray(expected) ? [...expected] : [expected]).sort();
  await openView(page, 'all');
  await page.locator(tid('obligation')).first().waitFor({ state: 'attached' });
  const got = await obligationDates(page, ref);
  assert.notEqual(got, null, `no [data-testid=obligation][data-ref="${ref}"] on the page`);
  assert.deepEqual(got, want, `<time datetime> of the obligations citing ¶${ref}`);
  assert.deepEqual(await planDates(page, ref), want, `<time datetime> of the plan rows for ¶${ref}`);
}

/**
 * Every plan date before `today` (the browser's local date) carries a
 * `[data-testid="past"]` mark and no other does: per plan row, the number of marks equals
 * the number of its dates before today. Returns how many dates were checked.
 */
export async function checkPastFlags(page) {
  const rows = await page.locator(tid('plan-entry')).evaluateAll((trs) => {
    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    return trs.map((tr) => {
      const dates = [...tr.querySelectorAll('time')].map((t) => t.getAttribute('datetime'));
      return {
        ref: tr.dataset.ref,
        dates,
        past: dates.filter((x) => x < today).length,
        marks: tr.querySelectorAll('[data-testid="past"]').length,
        today,
      };
    });
  });
  for (const r of rows) {
    assert.ok(r.dates.length > 0, `plan row ¶${r.ref} has a <time>`);
    assert.equal(r.marks, r.past, `plan row ¶${r.ref} (${r.dates.join(', ')}; today ${r.today}): past marks`);
  }
  return rows.reduce((n, r) => n + r.dates.length, 0);
}

/** Whether the page has no horizontal scrolling (WCAG 1.4.10 Reflow). */
export async function assertNoHorizontalScroll(page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `page is ${scrollWidth} px wide in a ${innerWidth} px window`);
}

// ---- keyboard ------------------------------------------------------------------------------

/** Whether the focused element matches `selector`. */
export function focusMatches(page, selector) {
  return page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector);
}

/** A short description of the focused element, for failure messages. */
export function describeFocus(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '(body)';
    const id = el.id ? `#${el.id}` : '';
    const t = el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : '';
    return `${el.tagName.toLowerCase()}${id}${t} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
  });
}

/**
 * Presses Tab (or Shift+Tab with `back`) until the focused element matches `selector`;
 * fails after `max` presses.
 */
export async function tabTo(page, selector, { back = false, max = 25 } = {}) {
  const key = back ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < max; i++) {
    if (await focusMatches(page, selector)) return i;
    await page.keyboard.press(key);
  }
  if (await focusMatches(page, selector)) return max;
  assert.fail(`${selector} not reached in ${max} presses of ${key}; focus is on ${await describeFocus(page)}`);
}

/** Waits until the focused element matches `selector`. */
export async function expectFocus(page, selector, { timeout = 5000 } = {}) {
  try {
    await page.waitForFunction((sel) => document.activeElement?.matches(sel) ?? false, selector, { timeout });
  } catch (e) {
    if (e?.name !== 'TimeoutError') throw e;
    assert.fail(`expected focus on ${selector}, but it is on ${await describeFocus(page)}`);
  }
}

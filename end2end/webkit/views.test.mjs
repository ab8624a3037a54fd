// The result's views in WebKit, on the S6 example of issue 14: each view opened by mouse
// through the summary's task list (and "Back to your result"), with its heading, its
// document title and focus on the heading; the S6 task list as the Chromium suite has it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWebKitEnv, openApp } from './lib.mjs';
import { expectText } from '../lib/harness.mjs';
import { tid, expectView, openView, viewSelector, taskListViews, expectFocus } from '../lib/flow.mjs';
import { S6_EXAMPLE, SUBJECTS, viewHeading, viewTitle } from '../lib/workspace.mjs';

// As in tests/views.test.mjs: why, one note, every DF subject, the plan, take, all.
const S6_TASKS = ['why', 'notes', ...SUBJECTS.filter(([k]) => k !== 'devices').map(([k]) => `subject-${k}`), 'plan', 'take', 'all'];

let env;
before(async () => {
  env = await startWebKitEnv();
});
after(async () => {
  await env?.close();
});

test('every view of the S6 example through the task list: heading, title, focus, back link', async () => {
  const s = await openApp(env, { fragment: S6_EXAMPLE, readySelector: tid('result') });
  try {
    const { page } = s;
    await expectView(page, 'summary');
    await expectText(page, tid('level'), 'S6');
    assert.deepEqual(await taskListViews(page), S6_TASKS, 'the task list');
    assert.equal(await page.title(), viewTitle('summary', 'S6'));
    for (const key of S6_TASKS) {
      await openView(page, key);
      const root = viewSelector(key);
      const heading = `${root} ${tid('page-heading')}`;
      await expectText(page, heading, key === 'all' ? 'Your security level is S6' : viewHeading(key, 'S6'));
      await expectFocus(page, heading);
      assert.equal(await page.title(), viewTitle(key, 'S6'), `${key}: document title`);
      assert.equal(await page.locator(`${root} ${tid('back')}`).count(), 1, `${key}: "Back to your result"`);
      if (key.startsWith('subject-')) assert.ok((await page.locator(`${root} ${tid('obligation')}`).count()) > 0, `${key}: its duties`);
    }
    await openView(page, 'summary');
    await s.assertClean();
  } finally {
    await s.close();
  }
});

test('a view= link opens its view', async () => {
  const s = await openApp(env, { fragment: `${S6_EXAMPLE}&view=plan`, readySelector: tid('result') });
  try {
    await expectView(s.page, 'plan');
    await expectText(s.page, `${viewSelector('plan')} ${tid('page-heading')}`, viewHeading('plan', 'S6'));
    assert.ok((await s.page.locator(tid('plan-entry')).count()) > 0, 'the dated plan has rows');
    await s.assertClean();
  } finally {
    await s.close();
  }
});

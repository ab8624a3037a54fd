// axe-core in WebKit (WCAG 2.2 A and AA, as end2end/lib/axe.mjs runs it in Chromium): the
// start page, a question, the summary and the all-on-one-page view. axe's source is
// injected with executeScript (WebDriver's scripts are not subject to the page's CSP).
import { test, before, after } from 'node:test';
import { startWebKitEnv, openApp } from './lib.mjs';
import { assertNoAxeViolations } from '../lib/axe.mjs';
import { tid, expectQuestion, expectView, openView } from '../lib/flow.mjs';
import { S6_EXAMPLE } from '../lib/workspace.mjs';

let env;
before(async () => {
  env = await startWebKitEnv();
});
after(async () => {
  await env?.close();
});

test('axe: the start page', async () => {
  const s = await openApp(env);
  try {
    await s.page.locator(tid('start-page')).waitFor();
    await assertNoAxeViolations(s.page);
    await s.assertClean();
  } finally {
    await s.close();
  }
});

test('axe: a question (the first of DF)', async () => {
  const s = await openApp(env, { fragment: '#schedule=df' });
  try {
    await expectQuestion(s.page, 'subjects');
    await assertNoAxeViolations(s.page);
    await s.assertClean();
  } finally {
    await s.close();
  }
});

test('axe: the S6 summary and the all-on-one-page view', async () => {
  const s = await openApp(env, { fragment: S6_EXAMPLE, readySelector: tid('result') });
  try {
    await expectView(s.page, 'summary');
    await assertNoAxeViolations(s.page);
    await openView(s.page, 'all');
    await assertNoAxeViolations(s.page);
    await s.assertClean();
  } finally {
    await s.close();
  }
});

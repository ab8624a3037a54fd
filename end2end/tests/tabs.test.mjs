// Several tabs of an assessment kept on this device (issue 22 part 4), on the production
// build in headless Chromium (two pages of one browser context share localStorage, and
// `storage` events pass between them): a change in one appears in the other; a tab whose
// own change meets a newer version kept by another writer says so, overwrites nothing and
// offers to load it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, openApp } from '../lib/harness.mjs';
import { tid, expectView, openView, viewSelector, openTrackFields } from '../lib/flow.mjs';
import { S6_EXAMPLE } from '../lib/workspace.mjs';

const DEVICE_KEY = 'security-matrix-kept';

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

const duty = (page, id) => page.locator(`${viewSelector('subject-governance')} ${tid('obligation')}[data-id="${id}"]`);

test('two tabs stay consistent, and newer work is never overwritten silently', async () => {
  const s = await openApp(env.browser, env.server, { fragment: S6_EXAMPLE });
  try {
    const { page: a, context } = s;
    await expectView(a, 'summary');
    await openView(a, 'subject-governance');
    const id = await a.locator(`${viewSelector('subject-governance')} ${tid('obligation')}`).first().getAttribute('data-id');
    await a.locator(tid('keep-on-device')).check();
    await a.locator(`${tid('save-state')}[data-state="kept"]`).waitFor();

    const b = await context.newPage();
    await b.goto(s.origin + '/');
    await b.locator(tid('carry-on-device')).click();
    await expectView(b, 'summary');
    await openView(b, 'subject-governance');

    // A change in A appears in B, and one in B in A.
    await duty(a, id).locator(tid('status-in-place')).check();
    await b.waitForFunction((id) => document.querySelector(`[data-testid="obligation"][data-id="${id}"]`)?.dataset.status === 'in-place', id);
    await openTrackFields(duty(b, id));
    await duty(b, id).locator(tid('owner')).fill('Priya Shah');
    await a.waitForFunction((id) => document.querySelector(`[data-testid="obligation"][data-id="${id}"] [data-testid="owner"]`)?.value === 'Priya Shah', id);
    assert.equal(await a.locator(tid('save-state')).getAttribute('data-state'), 'kept');
    assert.equal(await b.locator(tid('save-state')).getAttribute('data-state'), 'kept');

    // Another writer keeps a different version that A is not told about (a write from A's
    // own page fires no storage event in A; B is closed, or it would take that version and
    // keep it again, which A would then take): A's next change must not overwrite it.
    await b.close();
    await a.evaluate(([k, id]) => {
      const doc = JSON.parse(localStorage.getItem(k));
      doc.tracker[id].note = 'Written elsewhere';
      localStorage.setItem(k, JSON.stringify(doc));
    }, [DEVICE_KEY, id]);
    await openTrackFields(duty(a, id));
    await duty(a, id).locator(tid('note')).fill('Mine');
    await a.locator(tid('device-newer')).waitFor();
    assert.equal(await a.locator(tid('save-state')).getAttribute('data-state'), 'unsaved');
    const stored = JSON.parse(await a.evaluate((k) => localStorage.getItem(k), DEVICE_KEY));
    assert.equal(stored.tracker[id].note, 'Written elsewhere', 'the newer version is not overwritten');
    // A loads it.
    await a.locator(tid('load-newer')).click();
    await a.locator(`${tid('save-state')}[data-state="kept"]`).waitFor();
    assert.equal(await duty(a, id).locator(tid('note')).inputValue(), 'Written elsewhere');
    assert.equal(await a.locator(tid('device-newer')).count(), 0);

    // Removed from the start page of another tab: A says so and keeps its work.
    const c = await context.newPage();
    await c.goto(s.origin + '/');
    await c.locator(tid('forget-device')).click();
    await a.locator(tid('notice')).waitFor();
    assert.match(await a.locator(tid('notice')).textContent(), /removed from this device in another tab/);
    assert.equal(await a.locator(tid('save-state')).getAttribute('data-state'), 'unsaved');
    assert.deepEqual(await a.evaluate(() => Object.keys(localStorage)), []);
    // The other tabs load the page and its files; nothing else is requested.
    const initial = new Set(s.initialRequests.map((r) => r.url));
    const other = s.laterRequests.filter((r) => r.method !== 'GET' || !initial.has(r.url));
    assert.deepEqual(other, [], 'requests other than the other tabs loading the page');
    await s.assertClean({ allowLaterRequests: true });
    await c.close();
  } finally {
    await s.close();
  }
});

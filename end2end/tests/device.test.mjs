// "Keep on this device" (issue 22 part 3), on the production build in headless Chromium:
// without the opt-in, localStorage stays empty after a full walk to the result and every
// view; with it, only its one key exists; a new tab carries on with the owner and status;
// "Remove it from this device" leaves localStorage empty; a browser that refuses storage
// gets a message and loses nothing on the page; still no request after load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, openApp } from '../lib/harness.mjs';
import { tid, expectView, openView, viewSelector, taskListViews, openTrackFields, startByMouse, walkByMouse } from '../lib/flow.mjs';
import { S6_EXAMPLE } from '../lib/workspace.mjs';

const DEVICE_KEY = 'security-matrix-kept';

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

const localKeys = (page) => page.evaluate(() => Object.keys(localStorage));

test('without the opt-in, localStorage stays empty through a walk to the result and every view', async () => {
  const s = await openApp(env.browser, env.server);
  try {
    const { page } = s;
    await startByMouse(page, 'df');
    await walkByMouse(page, [
      ['subjects', '1,500'],
      ['special', '0'],
      ['value', '45k'],
      ['months', '18'],
      ['access', 'no'],
      ['other', 'no'],
      ['commencement', '2027-01-04'],
      ['route', 'b'],
      ['hosting', 'yes'],
    ]);
    await page.locator(tid('show-result')).click();
    await expectView(page, 'summary');
    for (const view of await taskListViews(page)) {
      await openView(page, view);
      const duties = page.locator(`${viewSelector(view)} ${tid('obligation')}`);
      if (view.startsWith('subject-') && (await duties.count())) {
        await duties.first().locator(tid('status-in-progress')).check();
        await openTrackFields(duties.first());
        await duties.first().locator(tid('owner')).fill('Someone');
      }
      assert.equal(await page.locator(`${viewSelector(view)} ${tid('keep-on-device')}`).isChecked(), false, `${view}: off by default`);
      assert.equal(await page.locator(`${viewSelector(view)} ${tid('save-state')}`).getAttribute('data-state'), 'unsaved');
      assert.deepEqual(await localKeys(page), [], `${view}: localStorage is empty`);
      await openView(page, 'summary');
    }
    assert.deepEqual(await localKeys(page), []);
    await s.assertClean(); // no request after load but the words module
  } finally {
    await s.close();
  }
});

test('kept on this device: only its key, a new tab carries on with owner and status, forget empties it', async () => {
  const s = await openApp(env.browser, env.server, { fragment: S6_EXAMPLE });
  try {
    const { page, context } = s;
    await expectView(page, 'summary');
    await page.locator(`${viewSelector('summary')} ${tid('task')}[data-view="subject-governance"] ${tid('task-link')}`).click();
    await expectView(page, 'subject-governance');
    const duty = page.locator(`${viewSelector('subject-governance')} ${tid('obligation')}`).first();
    const id = await duty.getAttribute('data-id');
    await duty.locator(tid('status-in-place')).check();
    await openTrackFields(duty);
    await duty.locator(tid('owner')).fill('Priya Shah');
    // Opt in.
    await page.locator(tid('keep-on-device')).check();
    await page.locator(`${tid('save-state')}[data-state="kept"]`).waitFor();
    assert.match((await page.locator(tid('save-state')).textContent()).trim(), /^Kept on this device, last change \d{2}:\d{2}$/);
    assert.deepEqual(await localKeys(page), [DEVICE_KEY], 'only the one key');
    const kept = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), DEVICE_KEY));
    assert.equal(kept.format, 'security-matrix-assessment');
    assert.equal(kept.tracker[id].owner, 'Priya Shah');
    // A change is written at once.
    await duty.locator(tid('note')).fill('In the bid folder');
    await page.waitForFunction(([k, id]) => JSON.parse(localStorage.getItem(k)).tracker[id]?.note === 'In the bid folder', [DEVICE_KEY, id]);
    await s.assertClean();
    // Nothing would be lost: no beforeunload dialog.
    let asked = null;
    page.on('dialog', (d) => {
      asked = d.type();
      d.accept();
    });
    const closed = page.waitForEvent('close');
    await page.close({ runBeforeUnload: true });
    await closed;
    assert.equal(asked, null);

    // A new tab (same browser profile): the start page offers it.
    const tab = await context.newPage();
    await tab.goto(s.origin + '/');
    await tab.locator(tid('carry-on-device')).waitFor();
    assert.match((await tab.locator(tid('carry-on-device')).textContent()).trim(), /^Carry on with the assessment kept on this device \(last changed \d{1,2} \w+ \d{4} at \d{2}:\d{2}\)$/);
    await tab.locator(tid('carry-on-device')).click();
    await expectView(tab, 'summary');
    await openView(tab, 'subject-governance');
    const again = tab.locator(`${tid('obligation')}[data-id="${id}"]`);
    assert.equal(await again.getAttribute('data-status'), 'in-place');
    assert.equal(await again.locator(tid('owner')).inputValue(), 'Priya Shah');
    assert.equal(await tab.locator(`${tid('save-state')}`).getAttribute('data-state'), 'kept');
    assert.equal(await tab.locator(tid('keep-on-device')).isChecked(), true);

    // Start again asks whether to remove it too; this time leave it, then remove it from
    // the start page.
    await openView(tab, 'summary');
    await tab.locator(tid('start-again')).click();
    await tab.locator(tid('start-again-kept')).waitFor();
    await tab.locator(tid('confirm-start-again')).click();
    await tab.locator(tid('forget-device')).click();
    await tab.locator(tid('start-page')).waitFor();
    assert.equal(await tab.locator(tid('carry-on-device')).count(), 0);
    assert.deepEqual(await localKeys(tab), [], 'localStorage is empty');
    const fresh = await context.newPage();
    await fresh.goto(s.origin + '/');
    await fresh.locator('[data-testid="app"][data-smx-ready]').waitFor();
    assert.equal(await fresh.locator(tid('carry-on-device')).count(), 0, 'nothing offered any more');
    await fresh.close();
  } finally {
    await s.close();
  }
});

test('a browser that refuses storage: a clear message, nothing lost from the page', async () => {
  const s = await openApp(env.browser, env.server, {
    fragment: S6_EXAMPLE,
    beforeGoto: (page) =>
      page.addInitScript(() => {
        const realSet = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
          if (this === window.localStorage) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return realSet.call(this, key, value);
        };
      }),
  });
  try {
    const { page } = s;
    await expectView(page, 'summary');
    await openView(page, 'subject-governance');
    const duty = page.locator(`${viewSelector('subject-governance')} ${tid('obligation')}`).first();
    await duty.locator(tid('status-in-place')).check();
    // (The app turns it off again at once: a click, not Playwright's check.)
    await page.locator(tid('keep-on-device')).click();
    await page.locator(tid('notice')).waitFor();
    assert.match(await page.locator(tid('notice')).textContent(), /did not let the tool keep your work on this device.*Nothing on this page is lost/);
    assert.equal(await page.locator(tid('keep-on-device')).isChecked(), false);
    assert.equal(await page.locator(tid('save-state')).getAttribute('data-state'), 'unsaved');
    assert.equal(await duty.getAttribute('data-status'), 'in-place');
    assert.deepEqual(await localKeys(page), []);
    await s.assertClean();
  } finally {
    await s.close();
  }
});

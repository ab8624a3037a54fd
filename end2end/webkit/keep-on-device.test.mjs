// "Keep on this device" in WebKit (the e2e core of issue 22 part 3), on the production build:
// without the opt-in nothing is written to localStorage; with it, only its one key, written
// at once; a new tab (here: this tab's sessionStorage cleared and the page loaded anew, as
// WebDriver in WebKitGTK opens no second tab reliably) offers to carry on and brings back the
// status and the owner; "Remove it from this device" leaves localStorage empty.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWebKitEnv, openApp } from './lib.mjs';
import { READY_SELECTOR } from '../lib/harness.mjs';
import { tid, expectView, openView, viewSelector, openTrackFields } from '../lib/flow.mjs';
import { S6_EXAMPLE } from '../lib/workspace.mjs';

const DEVICE_KEY = 'security-matrix-kept';

let env;
before(async () => {
  env = await startWebKitEnv();
});
after(async () => {
  await env?.close();
});

const localKeys = (page) => page.evaluate(() => Object.keys(localStorage));

test('kept on this device: off by default, only its key when on, carried on after the tab is gone, then removed', async () => {
  const s = await openApp(env, { fragment: S6_EXAMPLE, readySelector: tid('result') });
  try {
    const { page } = s;
    await expectView(page, 'summary');
    await openView(page, 'subject-governance');
    const duty = page.locator(`${viewSelector('subject-governance')} ${tid('obligation')}`).first();
    const id = await duty.getAttribute('data-id');
    await duty.locator(tid('status-in-place')).check();
    await openTrackFields(duty);
    await duty.locator(tid('owner')).fill('Priya Shah');
    await page.locator(`${tid('obligation')}[data-id="${id}"][data-status="in-place"]`).waitFor();
    // Off by default: the work is unsaved and nothing is on the device.
    const keep = page.locator(`${viewSelector('subject-governance')} ${tid('keep-on-device')}`);
    assert.equal(await keep.evaluate((el) => el.checked), false, 'off by default');
    assert.equal(await page.locator(tid('save-state')).getAttribute('data-state'), 'unsaved');
    assert.deepEqual(await localKeys(page), [], 'no localStorage without the opt-in');

    // Opt in: kept at once, under the one key.
    await keep.check();
    await page.locator(`${tid('save-state')}[data-state="kept"]`).waitFor();
    assert.match((await page.locator(tid('save-state')).textContent()).trim(), /^Kept on this device, last change \d{2}:\d{2}$/);
    assert.deepEqual(await localKeys(page), [DEVICE_KEY], 'only the one key');
    const kept = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), DEVICE_KEY);
    assert.equal(kept.format, 'security-matrix-assessment');
    assert.equal(kept.tracker[id].status, 'in-place');
    assert.equal(kept.tracker[id].owner, 'Priya Shah');
    await s.assertClean();

    // The tab is gone (its sessionStorage with it): the start page offers the kept one.
    await page.evaluate(() => sessionStorage.clear());
    await s.load('', { ready: READY_SELECTOR });
    await page.locator(tid('carry-on-device')).waitFor();
    assert.match(
      (await page.locator(tid('carry-on-device')).textContent()).trim(),
      /^Carry on with the assessment kept on this device \(last changed \d{1,2} \w+ \d{4} at \d{2}:\d{2}\)$/,
    );
    await page.locator(tid('carry-on-device')).click();
    await expectView(page, 'summary');
    await openView(page, 'subject-governance');
    const again = page.locator(`${tid('obligation')}[data-id="${id}"]`);
    assert.equal(await again.getAttribute('data-status'), 'in-place');
    assert.equal(await again.locator(tid('owner')).inputValue(), 'Priya Shah');
    assert.equal(await page.locator(tid('save-state')).getAttribute('data-state'), 'kept');

    // Start again, leave it on the device, then remove it from the start page.
    await openView(page, 'summary');
    await page.locator(`${viewSelector('summary')} ${tid('start-again')}`).click();
    await page.locator(tid('start-again-kept')).waitFor();
    await page.locator(tid('confirm-start-again')).click();
    await page.locator(tid('forget-device')).click();
    await page.locator(tid('start-page')).waitFor();
    assert.equal(await page.locator(tid('carry-on-device')).count(), 0);
    assert.deepEqual(await localKeys(page), [], 'localStorage is empty');
    await s.assertClean();
  } finally {
    await s.close();
  }
});

// "Add a colleague's file" (issue 22 part 6), on the production build in headless Chromium:
// two people work on the same S6 assessment in their own browsers, one saves a file, the
// other adds it. Entries only one has come in; the same duty changed by both goes to the
// later change when both files say when (schema 5), and to the review page when they cannot
// (a file without change times), where the user chooses. A file for other answers is refused
// with the answers named.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEnv, openApp, withoutSavePicker } from '../lib/harness.mjs';
import { tid, expectView, openView, viewSelector, openTrackFields } from '../lib/flow.mjs';
import { assertNoAxeViolations } from '../lib/axe.mjs';
import { S6_EXAMPLE } from '../lib/workspace.mjs';

const GOVERNANCE = 'subject-governance';
let env;
let dir;
before(async () => {
  env = await startEnv();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smx-merge-'));
});
after(async () => {
  await env?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});


/** The governance duties' ids, in order. */
const dutyIds = (page) => page.locator(`${viewSelector(GOVERNANCE)} ${tid('obligation')}`).evaluateAll((els) => els.map((e) => e.dataset.id));

async function mark(page, id, status, owner) {
  const duty = page.locator(`${viewSelector(GOVERNANCE)} ${tid('obligation')}[data-id="${id}"]`);
  await duty.locator(tid(`status-${status}`)).check();
  await page.locator(`${tid('obligation')}[data-id="${id}"][data-status="${status}"]`).waitFor();
  if (owner) {
    await openTrackFields(duty);
    await duty.locator(tid('owner')).fill(owner);
    await duty.locator(tid('owner')).blur();
  }
}

/** Saves the page's work to a file (a download here) and returns its path and JSON. */
async function saveFile(page, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`${viewSelector(GOVERNANCE)} ${tid('save-file')}`).click()]);
  const where = path.join(dir, name);
  await download.saveAs(where);
  return { where, json: JSON.parse(fs.readFileSync(where, 'utf8')) };
}

async function addColleaguesFile(page, where) {
  await openView(page, 'take');
  await page.locator(tid('merge-file')).setInputFiles(where);
}

/** A browser whose clock stands at `iso` (Playwright's fake clock): each person's changes get that time. */
const at = (iso) => async (page) => {
  await withoutSavePicker(page);
  await page.clock.setFixedTime(new Date(iso));
};

test('two colleagues: entries only one has come in, the later of two changes wins, and the page says how many', async () => {
  // Sam works at 09:00, Priya at 10:00 (UTC), so Priya's change to the same duty is the later.
  const priya = await openApp(env.browser, env.server, { fragment: S6_EXAMPLE, beforeGoto: at('2026-12-04T10:00:00Z') });
  const sam = await openApp(env.browser, env.server, { fragment: S6_EXAMPLE, beforeGoto: at('2026-12-04T09:00:00Z') });
  try {
    await openView(priya.page, GOVERNANCE);
    await openView(sam.page, GOVERNANCE);
    const [first, second, third] = await dutyIds(priya.page);
    // Both change the first duty; each changes one more.
    await mark(sam.page, first, 'in-progress');
    await mark(priya.page, first, 'in-place', 'Priya Shah');
    await mark(priya.page, second, 'in-progress');
    await mark(sam.page, third, 'not-started', 'Sam Okafor');
    const file = await saveFile(priya.page, 'priya.json');
    assert.equal(file.json.schema, 5);
    assert.equal(file.json.tracker[first].changed, '2026-12-04T10:00:00Z');

    await addColleaguesFile(sam.page, file.where);
    await sam.page.locator(tid('notice')).waitFor();
    assert.match(
      await sam.page.locator(tid('notice')).textContent(),
      /^Your colleague's file was merged: 2 entries came in and 1 conflict was settled\./,
    );
    assert.equal(await sam.page.locator(tid('save-state')).getAttribute('data-state'), 'unsaved');
    await openView(sam.page, GOVERNANCE);
    const row = (id) => sam.page.locator(`${viewSelector(GOVERNANCE)} ${tid('obligation')}[data-id="${id}"]`);
    assert.equal(await row(first).getAttribute('data-status'), 'in-place', "Priya's later change");
    assert.equal(await row(first).locator(tid('owner')).inputValue(), 'Priya Shah');
    assert.equal(await row(second).getAttribute('data-status'), 'in-progress', 'only Priya had it');
    assert.equal(await row(third).locator(tid('owner')).inputValue(), 'Sam Okafor', 'only Sam had it');
    await sam.assertClean();
  } finally {
    await priya.close();
    await sam.close();
  }
});

test('a conflict the times cannot settle waits on the review page, side by side, until the user chooses', async () => {
  const priya = await openApp(env.browser, env.server, { fragment: S6_EXAMPLE, beforeGoto: withoutSavePicker });
  const sam = await openApp(env.browser, env.server, { fragment: S6_EXAMPLE, beforeGoto: withoutSavePicker });
  try {
    await openView(priya.page, GOVERNANCE);
    await openView(sam.page, GOVERNANCE);
    const [first] = await dutyIds(priya.page);
    await mark(priya.page, first, 'in-place', 'Priya Shah');
    await mark(sam.page, first, 'in-progress');
    // Priya's file from before change times were kept (schema 4): no `changed`.
    const file = await saveFile(priya.page, 'priya.json');
    const old = { ...file.json, schema: 4 };
    for (const entry of Object.values(old.tracker)) delete entry.changed;
    delete old.event_dates_changed;
    const oldPath = path.join(dir, 'priya-schema-4.json');
    fs.writeFileSync(oldPath, JSON.stringify(old));

    await addColleaguesFile(sam.page, oldPath);
    const page = sam.page;
    await page.locator(tid('merge-review')).waitFor();
    const conflicts = page.locator(tid('merge-conflict'));
    assert.equal(await conflicts.count(), 1);
    assert.equal(await conflicts.first().getAttribute('data-entry'), first);
    assert.match(await conflicts.first().locator(tid('merge-yours')).first().textContent(), /In progress/);
    assert.match(await conflicts.first().locator(tid('merge-theirs')).first().textContent(), /In place/);
    await assertNoAxeViolations(page);
    // Finishing without a choice says what is missing.
    await page.locator(tid('finish-merge')).click();
    await page.locator(tid('merge-error')).waitFor();
    await conflicts.first().locator(tid('merge-take')).check();
    await page.locator(tid('finish-merge')).click();
    await expectView(page, 'take');
    assert.match(await page.locator(tid('notice')).textContent(), /1 conflict was settled/);
    await openView(page, GOVERNANCE);
    assert.equal(await page.locator(`${viewSelector(GOVERNANCE)} ${tid('obligation')}[data-id="${first}"]`).getAttribute('data-status'), 'in-place');
    await sam.assertClean();
  } finally {
    await priya.close();
    await sam.close();
  }
});

test('a file for other answers is not merged, and the message names the answers that differ', async () => {
  const other = await openApp(env.browser, env.server, { fragment: S6_EXAMPLE.replace('subjects=3000', 'subjects=2000'), beforeGoto: withoutSavePicker });
  const ours = await openApp(env.browser, env.server, { fragment: S6_EXAMPLE, beforeGoto: withoutSavePicker });
  try {
    await openView(other.page, GOVERNANCE);
    const [first] = await dutyIds(other.page);
    await mark(other.page, first, 'in-place');
    const file = await saveFile(other.page, 'other.json');
    await openView(ours.page, 'take');
    const before = await ours.page.evaluate(() => sessionStorage.getItem('security-matrix-widget'));
    await ours.page.locator(tid('merge-file')).setInputFiles(file.where);
    await ours.page.locator(tid('merge-problems')).waitFor();
    assert.match(await ours.page.locator(tid('merge-problems')).textContent(), /data subjects/i);
    assert.equal(await ours.page.evaluate(() => sessionStorage.getItem('security-matrix-widget')), before, 'nothing changed');
  } finally {
    await other.close();
    await ours.close();
  }
});

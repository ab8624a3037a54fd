// Save in place (issue 22 part 5), on the production build in headless Chromium. Headless
// Chromium cannot show the File System Access picker, so `showSaveFilePicker` is a
// stand-in here (an init script): it returns a file handle that records what is written.
// The app's own code path is the real one: felt for at run time, the first save asks
// where, later saves write the same file, "Save as a new file" asks again, a cancelled
// picker says so and loses nothing; a file opened through a stand-in `showOpenFilePicker`
// (the start page's file input goes through it where it exists) is saved back in place.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, openApp, withoutSavePicker } from '../lib/harness.mjs';
import { tid, expectView, openView, viewSelector } from '../lib/flow.mjs';
import { S6_EXAMPLE } from '../lib/workspace.mjs';

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

/** The stand-in picker: names the files `my-bid-<n>.json`; `cancel` makes it throw AbortError. */
function standIn(page) {
  return page.addInitScript(() => {
    window.__picks = 0;
    window.__writes = [];
    window.__cancel = false;
    window.showSaveFilePicker = async (options) => {
      if (window.__cancel) throw new DOMException('The user aborted a request.', 'AbortError');
      window.__picks += 1;
      const name = `my-bid-${window.__picks}.json`;
      window.__suggested = options?.suggestedName;
      return {
        name,
        kind: 'file',
        createWritable: async () => {
          let text = '';
          return {
            write: async (chunk) => {
              text += chunk;
            },
            close: async () => {
              window.__writes.push({ name, text });
            },
          };
        },
      };
    };
  });
}

const state = (page) => page.locator(tid('save-state')).first();

test('the first save asks where, later saves write the same file, "Save as a new file" asks again', async () => {
  const s = await openApp(env.browser, env.server, { fragment: S6_EXAMPLE, beforeGoto: standIn });
  try {
    const { page } = s;
    await expectView(page, 'summary');
    // Cancelled: a clear message, nothing saved, nothing lost.
    await page.evaluate(() => (window.__cancel = true));
    await page.locator(`${viewSelector('summary')} ${tid('save-file')}`).click();
    await page.locator(tid('notice')).waitFor();
    assert.match(await page.locator(tid('notice')).textContent(), /cancelled: no file was written/);
    assert.equal(await state(page).getAttribute('data-state'), 'unsaved');
    await page.evaluate(() => (window.__cancel = false));

    await page.locator(`${viewSelector('summary')} ${tid('save-file')}`).click();
    await page.locator(`${tid('save-state')}[data-state="saved"]`).waitFor();
    assert.match((await state(page).textContent()).trim(), /^All changes saved to my-bid-1\.json at \d{2}:\d{2}$/);
    assert.equal(await page.evaluate(() => window.__suggested), 'security-assessment-S6.json');
    // A change, then save: the same file, no picker.
    await openView(page, 'subject-governance');
    const duty = page.locator(`${viewSelector('subject-governance')} ${tid('obligation')}`).first();
    const id = await duty.getAttribute('data-id');
    await duty.locator(tid('status-in-place')).check();
    await page.locator(`${tid('save-state')}[data-state="unsaved"]`).waitFor();
    await page.locator(`${viewSelector('subject-governance')} ${tid('save-file')}`).click();
    await page.locator(`${tid('save-state')}[data-state="saved"]`).waitFor();
    const writes = await page.evaluate(() => window.__writes);
    assert.deepEqual(writes.map((w) => w.name), ['my-bid-1.json', 'my-bid-1.json']);
    assert.equal(JSON.parse(writes[1].text).tracker[id].status, 'in-place');
    assert.equal(await page.evaluate(() => window.__picks), 1, 'asked where once');
    // Save as a new file: asks again, and the line names the new file.
    await page.locator(`${viewSelector('subject-governance')} ${tid('save-file-new')}`).click();
    await page.waitForFunction(() => window.__writes.length === 3);
    await page.locator(tid('save-state')).filter({ hasText: 'my-bid-2.json' }).waitFor();
    assert.equal(await page.evaluate(() => window.__picks), 2);
    // Nothing would be lost: no dialog on close.
    await s.assertClean();
  } finally {
    await s.close();
  }
});

test('without the File System Access API the save is a download, as before', async () => {
  const s = await openApp(env.browser, env.server, {
    fragment: S6_EXAMPLE,
    beforeGoto: withoutSavePicker,
  });
  try {
    const { page } = s;
    await expectView(page, 'summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`${viewSelector('summary')} ${tid('save-file')}`).click()]);
    assert.equal(download.suggestedFilename(), 'security-assessment-S6.json');
    await page.locator(`${tid('save-state')}[data-state="saved"]`).waitFor();
    await s.assertClean();
  } finally {
    await s.close();
  }
});

test('a file opened through showOpenFilePicker is saved back in place, without asking where', async () => {
  const s = await openApp(env.browser, env.server, { fragment: S6_EXAMPLE, beforeGoto: standIn });
  try {
    const { page } = s;
    await expectView(page, 'summary');
    // A saved file to open: the app's own save (through the stand-in save picker).
    await page.locator(`${viewSelector('summary')} ${tid('save-file')}`).click();
    await page.waitForFunction(() => window.__writes.length === 1);
    // The stand-in open picker hands that file over as "team-bid.json", recording writes.
    await page.evaluate(() => {
      window.__opened = [];
      window.showOpenFilePicker = async (options) => {
        window.__openOptions = options;
        const text = window.__writes[0].text;
        return [
          {
            name: 'team-bid.json',
            kind: 'file',
            getFile: async () => new File([text], 'team-bid.json', { type: 'application/json' }),
            createWritable: async () => {
              let written = '';
              return {
                write: async (chunk) => {
                  written += chunk;
                },
                close: async () => {
                  window.__opened.push(written);
                },
              };
            },
          },
        ];
      };
    });
    // Start again (nothing would be lost: no confirmation), then open it from the start page.
    await page.locator(`${viewSelector('summary')} ${tid('start-again')}`).click();
    await page.locator(tid('open-file-input')).click();
    await expectView(page, 'summary');
    assert.equal((await state(page).textContent()).trim(), 'No changes since you opened team-bid.json');
    assert.equal(await state(page).getAttribute('data-state'), 'saved');
    assert.deepEqual(await page.evaluate(() => window.__openOptions.types[0].accept), { 'application/json': ['.json'] });
    // A change, then save: written back to the opened file, no picker.
    await openView(page, 'subject-governance');
    const duty = page.locator(`${viewSelector('subject-governance')} ${tid('obligation')}`).first();
    const id = await duty.getAttribute('data-id');
    await duty.locator(tid('status-in-place')).check();
    await page.locator(`${tid('save-state')}[data-state="unsaved"]`).waitFor();
    await page.locator(`${viewSelector('subject-governance')} ${tid('save-file')}`).click();
    await page.locator(`${tid('save-state')}[data-state="saved"]`).waitFor();
    assert.match((await state(page).textContent()).trim(), /^All changes saved to team-bid\.json at \d{2}:\d{2}$/);
    const opened = await page.evaluate(() => window.__opened);
    assert.equal(opened.length, 1);
    assert.equal(JSON.parse(opened[0]).tracker[id].status, 'in-place');
    assert.equal(await page.evaluate(() => window.__picks), 1, 'the save picker was not shown again');
    await s.assertClean();
  } finally {
    await s.close();
  }
});

test('a file that is not a saved assessment, opened through the picker, is never written', async () => {
  const s = await openApp(env.browser, env.server, {
    beforeGoto: (page) =>
      page.addInitScript(() => {
        window.__written = 0;
        window.__picks = 0;
        window.showSaveFilePicker = async () => {
          window.__picks += 1;
          return { name: 'new.json', kind: 'file', createWritable: async () => ({ write: async () => {}, close: async () => {} }) };
        };
        window.showOpenFilePicker = async () => [
          {
            name: 'notes.json',
            kind: 'file',
            getFile: async () => new File(['{"shopping": ["milk"]}'], 'notes.json'),
            createWritable: async () => {
              window.__written += 1;
              return { write: async () => {}, close: async () => {} };
            },
          },
        ];
      }),
  });
  try {
    const { page } = s;
    await page.locator(tid('open-file-input')).click();
    await page.locator(tid('file-problems')).waitFor();
    assert.ok(await page.locator(tid('start-page')).isVisible(), 'the start page stays');
    // An assessment opened next (a link) and saved: the picker asks where; the notes are untouched.
    await page.evaluate((fragment) => (location.hash = fragment), S6_EXAMPLE);
    await expectView(page, 'summary');
    await page.locator(`${viewSelector('summary')} ${tid('save-file')}`).click();
    await page.locator(`${tid('save-state')}[data-state="saved"]`).waitFor();
    assert.equal(await page.evaluate(() => window.__picks), 1);
    assert.equal(await page.evaluate(() => window.__written), 0);
  } finally {
    await s.close();
  }
});

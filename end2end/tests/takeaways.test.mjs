// The take-aways module: the writers of the files only downloads need (the compliance matrix,
// the calendar) are not in the app's WebAssembly; the app loads them, once, from
// security-matrix-takeaways-<hash>.js, integrity-checked by the browser, when a file is first
// asked for. Nothing loads it before; the files are what they were; a changed file is refused,
// the button's place says so and the rest of the page works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startEnv, openApp, withoutSavePicker, DIST_DIR, TAKEAWAYS_MODULE } from '../lib/harness.mjs';
import { tid, expectView, viewSelector, openView } from '../lib/flow.mjs';
import { S6_EXAMPLE } from '../lib/workspace.mjs';

const TAKEAWAYS_FILE = fs.readdirSync(DIST_DIR).find((f) => TAKEAWAYS_MODULE.test(`/${f}`));
const TAKEAWAYS_URL = (url) => TAKEAWAYS_MODULE.test(url.pathname);
const CSV_HEADER = "\ufeffSchedule,Level,Paragraph,Duty,The schedule's words,Applies if,Due dates,Status,Owner,Evidence or note,Drafting note\r\n";

let env;
before(async () => {
  assert.ok(TAKEAWAYS_FILE, 'dist/ has security-matrix-takeaways-<hash>.js (scripts/build)');
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

/** Clicks `testid` in `view` and resolves to the file it downloads: its name and text. */
async function download(page, view, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`${viewSelector(view)} ${tid(testid)}`).click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

test('nothing loads the take-aways module until a file is asked for; then it loads once and the files are as before', async () => {
  const s = await openApp(env.browser, env.server, { fragment: `${S6_EXAMPLE}&view=all` });
  try {
    const { page } = s;
    await expectView(page, 'all');
    const duties = await page.locator(`${viewSelector('all')} ${tid('obligation')}`).count();
    await openView(page, 'take');
    await page.locator(`${viewSelector('take')} ${tid('download-csv')}`).waitFor();
    assert.deepEqual(s.takeawaysLoads, [], 'no request for the take-aways module before a file is asked for');
    assert.ok(!s.requests.some((r) => r.url.includes('security-matrix-takeaways-')), 'nor any other request naming it');

    const csv = await download(page, 'take', 'download-csv');
    assert.match(csv.name, /^security-obligations-S6-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.ok(csv.text.startsWith(CSV_HEADER), csv.text.slice(0, 200));
    const rows = csv.text.split('\r\nDF Schedule 2.4 Information Security and Assurance,S6,').length - 1;
    assert.equal(rows, duties, 'a row per duty of the all view');
    assert.match(csv.text, /No later than six \(6\) weeks prior to any Call-Off Commencement Date/, "the clauses' words are in it");
    assert.equal(s.takeawaysLoads.length, 1, 'loaded once');
    assert.equal(s.takeawaysLoads[0].phase, 'after-load');
    assert.equal(s.takeawaysLoads[0].type, 'script');
    assert.ok(await page.locator(`${viewSelector('take')} ${tid('download-csv')}`).isEnabled(), 'the button is free again');

    const ics = await download(page, 'take', 'download-ics-takeaway');
    assert.match(ics.name, /^security-plan-S6-\d{4}-\d{2}-\d{2}\.ics$/);
    assert.match(ics.text, /^BEGIN:VCALENDAR\r\n/);
    assert.match(ics.text, /\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    assert.match(ics.text, /END:VCALENDAR\r\n$/);
    await openView(page, 'plan');
    const again = await download(page, 'plan', 'download-ics');
    assert.equal(again.name, ics.name, "the plan's calendar button makes the same file");
    assert.equal(s.takeawaysLoads.length, 1, 'not loaded again');
    assert.equal(await page.locator(tid('takeaway-error')).count(), 0);
    await s.assertClean(); // no other request after load, no CSP violation, no console error
  } finally {
    await s.close();
  }
});

test('a take-aways module that fails its integrity check is refused: the button says so, and the page works on', async () => {
  const s = await openApp(env.browser, env.server, {
    fragment: `${S6_EXAMPLE}&view=take`,
    beforeGoto: async (page) => {
      await withoutSavePicker(page); // (the save below is a download)
      await page.context().route(TAKEAWAYS_URL, async (route) => {
        const body = fs.readFileSync(path.join(DIST_DIR, TAKEAWAYS_FILE), 'utf8').replace('takeaway', 'takeaways');
        await route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body });
      });
    },
  });
  try {
    const { page } = s;
    await expectView(page, 'take');
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.locator(`${viewSelector('take')} ${tid('download-csv')}`).click();
    const error = page.locator(`${viewSelector('take')} ${tid('takeaway-error')}`);
    await error.waitFor();
    assert.match(await error.textContent(), /could not be made/);
    assert.equal(await error.getAttribute('role'), 'alert');
    assert.ok(s.consoleErrors.some((e) => /integrity/i.test(e)), `the browser refused it: ${s.consoleErrors.join('\n')}`);
    assert.ok(await page.locator(`${viewSelector('take')} ${tid('download-csv')}`).isEnabled(), 'the button is free again');

    // The page works on: the saved file (made by the app itself) downloads, the views open,
    // and asking again says so again without another request.
    const saved = await download(page, 'take', 'save-file');
    assert.match(saved.name, /^security-assessment-S6\.json$/);
    assert.match(saved.text, /"format": ?"security-matrix-assessment"/);
    await page.locator(`${viewSelector('take')} ${tid('download-ics-takeaway')}`).click();
    await error.waitFor();
    await openView(page, 'plan');
    await expectView(page, 'plan');
    assert.equal(downloads, 1, 'only the saved file was downloaded');
    assert.equal(s.takeawaysLoads.length, 1, 'asked for once, not again');
    assert.deepEqual(await s.cspViolations(), []);
    assert.deepEqual(s.pageErrors, []);
  } finally {
    await s.close();
  }
});

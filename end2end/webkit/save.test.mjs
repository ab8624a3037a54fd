// Save to a file and open it again, in WebKit. WebDriver cannot see a download in
// WebKitGTK, so the test reads the file where the app makes it: a script wraps
// URL.createObjectURL (the Blob the app offers) and the click on the `<a download>` (its
// file name; the click is stopped there, so MiniBrowser is not left with a download). The
// file is written to disk and chosen on the start page's file input with WebDriver's
// sendKeys of its path, after the tab's sessionStorage is cleared and the page loaded anew.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWebKitEnv, openApp } from './lib.mjs';
import { expectText, READY_SELECTOR } from '../lib/harness.mjs';
import { tid, expectView, openView } from '../lib/flow.mjs';
import { S6_EXAMPLE } from '../lib/workspace.mjs';

let env;
let dir;
before(async () => {
  env = await startWebKitEnv();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smx-webkit-save-'));
});
after(async () => {
  await env?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// Records each Blob given to URL.createObjectURL, and the name of the `<a download>` clicked
// for it (the click goes no further).
function captureDownloads() {
  window.__smxFiles = [];
  const create = URL.createObjectURL;
  URL.createObjectURL = function (blob) {
    const url = create.call(URL, blob);
    window.__smxFiles.push({ url, blob, name: null });
    return url;
  };
  HTMLAnchorElement.prototype.click = function () {
    const file = window.__smxFiles.find((f) => f.url === this.href);
    if (file && this.hasAttribute('download')) file.name = this.getAttribute('download');
  };
}

async function lastFile() {
  const f = window.__smxFiles[window.__smxFiles.length - 1];
  return f ? { name: f.name, type: f.blob.type, text: await f.blob.text() } : null;
}

test('the S6 example with a duty marked, saved to a file and opened again on the start page', async () => {
  const GOVERNANCE = 'subject-governance';
  const s = await openApp(env, { fragment: S6_EXAMPLE, readySelector: tid('result') });
  try {
    const { page } = s;
    await openView(page, GOVERNANCE);
    const obligation = page.locator(tid('obligation')).first();
    const duty = await obligation.getAttribute('data-id');
    await obligation.locator(tid('status-in-place')).check();
    await page.locator(`${tid('obligation')}[data-id="${duty}"][data-status="in-place"]`).waitFor();

    await page.evaluate(captureDownloads);
    await page.locator(`${tid('result')} ${tid('save-file')}`).first().click();
    const file = await page.waitForFunction(lastFile);
    await s.assertClean();

    assert.equal(file.name, 'security-assessment-S6.json', 'the file name');
    assert.equal(file.type, 'application/json');
    const saved = JSON.parse(file.text);
    assert.equal(saved.format, 'security-matrix-assessment');
    assert.equal(saved.schedule, 'df');
    const answers = Object.fromEntries(new URLSearchParams(S6_EXAMPLE.slice(1)));
    for (const key of ['subjects', 'special', 'value', 'months', 'access', 'commencement']) {
      assert.equal(saved.answers[key], answers[key], `the saved answer ${key}`);
    }
    assert.equal(saved.tracker[duty]?.status, 'in-place', `the saved status of ${duty}`);
    const where = path.join(dir, file.name);
    fs.writeFileSync(where, file.text);

    // What the tab keeps is cleared and the start page loaded anew: only the file brings the
    // answers and the mark back.
    await page.evaluate(() => sessionStorage.clear());
    await s.load('', { ready: READY_SELECTOR });
    await page.locator(tid('start-page')).waitFor();
    const input = await page.locator(tid('open-file-input')).element();
    await input.sendKeys(where);
    await expectView(page, 'summary');
    await expectText(page, tid('level'), 'S6');
    await openView(page, GOVERNANCE);
    await page.locator(`${tid('obligation')}[data-id="${duty}"][data-status="in-place"]`).waitFor();
    await s.assertClean();
  } finally {
    await s.close();
  }
});

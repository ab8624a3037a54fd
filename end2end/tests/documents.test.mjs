// The Word documents (issue 23): on "Take it with you" and the all view, a draft plan where
// the schedule requires one, the security response, and the ¶1.4 letters when there are
// Customers to notify, made by the take-aways module when first asked for. Each file is read
// back here with Python's own zipfile and XML parser (the standard library): a Word package
// whose text holds the title page's details, the sections, the typed owner as text, and
// whose headings and table header rows are marked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEnv, openApp, withoutSavePicker } from '../lib/harness.mjs';
import { tid, expectView, viewSelector, openView, openTrackFields } from '../lib/flow.mjs';
import { assertNoAxeViolations } from '../lib/axe.mjs';
import { S6_EXAMPLE } from '../lib/workspace.mjs';

// The S6 example with another Call-Off Contract at S2 for HMPPS: the award takes it to S6,
// so HMPPS is to be notified (¶1.4).
const S6_WITH_OTHER = S6_EXAMPLE.replace('&other=no', '') + '&c1_customer=HMPPS&c1_name=Prison%20health&c1_subjects=10&c1_special=0&c1_level=S2';
const HOSTILE = '=HYPERLINK("x") <w:t>]]> \u202eevil\u202c \u{1F600}';

let env;
let dir;
before(async () => {
  env = await startEnv();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smx-docx-'));
});
after(async () => {
  await env?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// What a .docx holds, read by Python's standard library: each paragraph's text with its
// style, whether each table's first row is a header row, the title and the language.
const READ = `
import json, sys, zipfile
import xml.etree.ElementTree as ET
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
z = zipfile.ZipFile(sys.argv[1])
body = ET.fromstring(z.read('word/document.xml'))
paras = []
for p in body.iter(W + 'p'):
    style = p.find(W + 'pPr/' + W + 'pStyle')
    paras.append([style.get(W + 'val') if style is not None else '', ''.join(t.text or '' for t in p.iter(W + 't'))])
headers = [t.find(W + 'tr/' + W + 'trPr/' + W + 'tblHeader') is not None for t in body.iter(W + 'tbl')]
core = z.read('docProps/core.xml').decode()
styles = z.read('word/styles.xml').decode()
print(json.dumps({'paras': paras, 'headers': headers, 'core': core, 'styles': styles, 'hyperlinks': 'hyperlink' in z.read('word/document.xml').decode()}))
`;

async function docx(page, view, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`${viewSelector(view)} ${tid(testid)}`).click()]);
  const where = path.join(dir, file.suggestedFilename());
  await file.saveAs(where);
  const read = JSON.parse(execFileSync('python3', ['-c', READ, where], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  return { name: file.suggestedFilename(), ...read, text: read.paras.map((p) => p[1]).join('\n') };
}

test('the draft plan, the security response and the letters, with the details typed and a duty marked', async () => {
  const s = await openApp(env.browser, env.server, {
    fragment: S6_WITH_OTHER,
    beforeGoto: withoutSavePicker, // (the save below is a download)
  });
  try {
    const { page } = s;
    await expectView(page, 'summary');
    // A duty of the plan's first requirement (ISO/IEC 27001), marked with a hostile owner.
    await openView(page, 'subject-governance');
    const duty = page.locator(`${viewSelector('subject-governance')} ${tid('obligation')}`).first();
    await duty.locator(tid('status-in-progress')).check();
    await openTrackFields(duty);
    await duty.locator(tid('owner')).fill(HOSTILE);
    await duty.locator(tid('owner')).blur();
    await openView(page, 'take');
    const take = (t) => page.locator(`${viewSelector('take')} ${tid(t)}`);
    await take('documents').waitFor();
    await take('detail-organisation').fill('Acme Secure Services Ltd');
    await take('detail-contract').fill('MOJ-2027-041');
    await take('detail-customer').fill('Ministry of Justice');
    assert.equal(await page.locator(tid('save-state')).getAttribute('data-state'), 'unsaved', 'a detail is a change');
    await assertNoAxeViolations(page);

    const plan = await docx(page, 'take', 'download-plan-draft');
    assert.match(plan.name, /^security-plan-draft-S6-\d{4}-\d{2}-\d{2}\.docx$/);
    for (const words of ['Acme Secure Services Ltd', 'MOJ-2027-041', 'Ministry of Justice', 'Information Security Management Plan', 'How we meet this', 'Approval timetable']) {
      assert.ok(plan.text.includes(words), `the plan has "${words}"`);
    }
    assert.ok(plan.text.includes(HOSTILE), 'the owner as typed, as text');
    assert.equal(plan.hyperlinks, false, 'no hyperlink in the document');
    assert.ok(plan.paras.some(([style]) => style === 'Heading1') && plan.paras.some(([style]) => style === 'Heading2'), 'real heading styles');
    assert.ok(plan.headers.length > 0 && plan.headers.every(Boolean), 'every table has a header row');
    assert.match(plan.styles, /w:lang w:val="en-GB"/);
    assert.match(plan.core, /<dc:title>[^<]*Information Security Management Plan[^<]*<\/dc:title>/);

    const response = await docx(page, 'take', 'download-response');
    assert.match(response.name, /^security-response-S6-\d{4}-\d{2}-\d{2}\.docx$/);
    const statement = (await take('statement').inputValue()).split('\n')[0];
    assert.ok(response.text.includes(statement), `the statement's first line: ${statement}`);
    assert.ok(response.headers.every(Boolean));

    const letters = await docx(page, 'take', 'download-letters');
    assert.match(letters.name, /^security-letters-S6-\d{4}-\d{2}-\d{2}\.docx$/);
    assert.ok(letters.text.includes('HMPPS'), 'a letter to HMPPS');

    // The all view offers them too, and the saved file keeps the details.
    await openView(page, 'all');
    assert.equal(await page.locator(`${viewSelector('all')} ${tid('detail-organisation')}`).inputValue(), 'Acme Secure Services Ltd');
    const [saved] = await Promise.all([page.waitForEvent('download'), page.locator(`${viewSelector('all')} ${tid('save-file')}`).click()]);
    const json = JSON.parse(fs.readFileSync(await saved.path(), 'utf8'));
    assert.deepEqual(json.details, { organisation: 'Acme Secure Services Ltd', contract: 'MOJ-2027-041', customer: 'Ministry of Justice' });
    await s.assertClean();
  } finally {
    await s.close();
  }
});

test('no draft plan where the schedule asks for none, and no letters without a Customer to notify', async () => {
  // S1: no plan; no other contracts: no letters.
  const s = await openApp(env.browser, env.server, { fragment: '#schedule=df&subjects=5&special=0&value=1&months=1&access=no&other=no' });
  try {
    const { page } = s;
    await expectView(page, 'summary');
    await openView(page, 'take');
    await page.locator(`${viewSelector('take')} ${tid('download-response')}`).waitFor();
    assert.equal(await page.locator(tid('download-plan-draft')).count(), 0);
    assert.equal(await page.locator(tid('download-letters')).count(), 0);
    const response = await docx(page, 'take', 'download-response');
    assert.match(response.name, /^security-response-S1-/);
  } finally {
    await s.close();
  }
});

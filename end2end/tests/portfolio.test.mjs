// Issue 15 end to end, against the production build: a portfolio of other Call-Off
// Contracts for three Customers opened by link gives one ¶1.4 notice per Customer (axe
// clean), and the compliance matrix downloaded from "take it with you" reads back as
// RFC 4180 CSV with a row per duty of the all view and what was recorded, guarded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startEnv, openApp, expectText } from '../lib/harness.mjs';
import { assertNoAxeViolations } from '../lib/axe.mjs';
import { tid, expectView, openView, viewSelector, openTrackFields } from '../lib/flow.mjs';
import { S6_EXAMPLE } from '../lib/workspace.mjs';

// Three contracts for three different Customers, each below the result: one with a level
// set (S3), one with none, one named with S4. 2,000 + 500 + 300 + 100 data subjects.
const THREE_CUSTOMERS =
  '#schedule=df&subjects=2000&special=0&value=200000&months=18&access=no' +
  '&c1_customer=HMCTS&c1_subjects=500&c1_special=0&c1_level=S3' +
  '&c2_customer=HMPPS&c2_subjects=300&c2_special=0&c2_level=none' +
  '&c3_name=Legal%20aid&c3_customer=LAA&c3_subjects=100&c3_special=0&c3_level=S4';

// What each Customer's draft says of its contract (core notices.rs `contract_line`).
const UNNAMED = 'Our Call-Off Contract with you (no reference given)';
const expectedNotices = (to) => [
  { customer: 'HMCTS', names: ['Contract with no name'], lines: [`- ${UNNAMED}: from S3 to ${to}`] },
  { customer: 'HMPPS', names: ['Contract with no name'], lines: [`- ${UNNAMED}: no level has been set; ${to} applies`] },
  { customer: 'LAA', names: ['Legal aid'], lines: [`- \u201cLegal aid\u201d: from S4 to ${to}`] },
];

const CSV_HEADER = [
  'Schedule',
  'Level',
  'Paragraph',
  'Duty',
  "The schedule's words",
  'Applies if',
  'Due dates',
  'Status',
  'Owner',
  'Evidence or note',
  'Drafting note',
];

let env;
before(async () => {
  env = await startEnv();
});
after(async () => {
  await env?.close();
});

/**
 * A small RFC 4180 reader: records of fields, quoted fields may hold commas, doubled
 * quotes and line breaks; records end in CRLF (a bare CR or LF outside quotes fails, as
 * does a quote in an unquoted field or text after a closing quote).
 * @param {string} text the file's text, byte-order mark removed
 * @returns {string[][]}
 */
function parseCsv(text) {
  const records = [];
  let record = [];
  let i = 0;
  const n = text.length;
  assert.ok(text.endsWith('\r\n'), 'the last record ends in CRLF');
  while (i < n) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        assert.ok(i < n, 'a quoted field is closed');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else {
          field += text[i++];
        }
      }
    } else {
      while (i < n && !',\r\n'.includes(text[i])) {
        assert.notEqual(text[i], '"', `a quote inside an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
    } else if (text[i] === '\r' && text[i + 1] === '\n') {
      i += 2;
      records.push(record);
      record = [];
    } else {
      assert.fail(`a field ends in ${JSON.stringify(text.slice(i, i + 10))} at ${i}, not a comma or CRLF`);
    }
  }
  return records;
}

test('the parser itself reads quotes, commas and line breaks, and refuses a bare LF', () => {
  assert.deepEqual(parseCsv('a,"b ""c"", d",\r\n"x\r\ny\nz",2,3\r\n'), [
    ['a', 'b "c", d', ''],
    ['x\r\ny\nz', '2', '3'],
  ]);
  assert.throws(() => parseCsv('a,b\nc,d\r\n'));
  assert.throws(() => parseCsv('a,"b\r\n'));
});

for (const [label, link] of [
  ['the contracts alone', THREE_CUSTOMERS],
  ['with other=yes too', THREE_CUSTOMERS.replace('&access=no', '&access=no&other=yes')],
]) {
  test(`three Customers by link (${label}): one notice each, naming its contracts and the levels; axe clean`, async () => {
    const s = await openApp(env.browser, env.server, { fragment: link });
    try {
      const { page } = s;
      await expectView(page, 'summary');
      const to = (await page.locator(tid('level')).innerText()).trim();
      assert.match(to, /^S[1-6]$/, 'the level');
      // Every contract is below the result (S4 is the highest set; 2,900 data subjects).
      assert.ok(Number(to[1]) > 4, `the result ${to} is above every contract's level`);
      const notices = page.locator(`${tid('level-change')} ${tid('notices')} ${tid('notice-customer')}`);
      await notices.first().waitFor({ state: 'visible' });
      // Open each draft ("Draft notice to …") as a person would.
      for (const summary of await notices.locator('details > summary').all()) await summary.click();
      await page.locator(`${tid('notice-customer')} details:not([open])`).waitFor({ state: 'detached' });
      const shown = await notices.evaluateAll((els) =>
        els.map((e) => ({
          text: e.innerText,
          contracts: [...e.querySelectorAll('[data-testid="notice-contract"]')].map((c) => c.innerText),
          draft: e.querySelector('[data-testid="draft-notice"]')?.innerText ?? null,
          copy: e.querySelector('[data-testid="copy-draft"]') !== null,
        })),
      );
      const expected = expectedNotices(to);
      assert.equal(shown.length, expected.length, 'one notice per Customer');
      for (const [i, want] of expected.entries()) {
        const got = shown[i];
        assert.ok(got.text.includes(want.customer), `notice ${i} names ${want.customer}: ${got.text}`);
        for (const other of expected.filter((e) => e !== want)) {
          assert.ok(!got.text.includes(other.customer), `notice ${i} (${want.customer}) does not name ${other.customer}`);
        }
        assert.equal(got.contracts.length, want.lines.length, `${want.customer}: its contracts`);
        for (const [j, c] of got.contracts.entries()) {
          assert.ok(c.startsWith(`${want.names[j]}: `), `${want.customer}'s contract ${j}: ${c}`);
          assert.ok(c.endsWith(`becomes ${to}`), `${want.customer}'s contract ${j}: ${c}`);
        }
        assert.equal(got.copy, true, `${want.customer}: copy-draft`);
        assert.notEqual(got.draft, null, `${want.customer}: draft-notice`);
        assert.ok(got.draft.startsWith(`Dear ${want.customer},`), `${want.customer}: ${got.draft.slice(0, 40)}`);
        for (const line of want.lines) {
          assert.ok(got.draft.includes(line), `${want.customer}'s draft has ${JSON.stringify(line)}:\n${got.draft}`);
        }
        assert.ok(got.draft.includes(`that level is ${to}, so ${to} now applies to it`), `${want.customer}: the level applied`);
      }
      await assertNoAxeViolations(page);
      await s.assertClean();
    } finally {
      await s.close();
    }
  });
}

test('the compliance matrix downloaded from "take it with you" reads back, a row per duty of the all view, with what was recorded', async () => {
  const s = await openApp(env.browser, env.server, { fragment: `${S6_EXAMPLE}&view=subject-audit` });
  try {
    const { page } = s;
    await expectView(page, 'subject-audit');
    // Record a status, an owner that starts a formula and a note with a comma, quotes and
    // a line break in the first audit duty.
    const duty = page.locator(`${viewSelector('subject-audit')} ${tid('obligation')}`).first();
    const id = await duty.getAttribute('data-id');
    const ref = await duty.getAttribute('data-ref');
    await duty.locator(tid('status-in-progress')).check();
    await openTrackFields(duty);
    const owner = '=1+1';
    const note = 'Booked, "external" auditor\nsecond line';
    await duty.locator(tid('owner')).fill(owner);
    await duty.locator(tid('note')).fill(note);
    await page.waitForFunction(
      (id) => document.querySelector(`[data-testid="obligation"][data-id="${id}"]`)?.dataset.status === 'in-progress',
      id,
    );

    // How many duties the all view lists.
    await openView(page, 'all');
    const duties = await page.locator(`${viewSelector('all')} ${tid('obligation')}`).evaluateAll((els) =>
      els.map((e) => ({ ref: e.dataset.ref, status: e.dataset.status })),
    );
    assert.ok(duties.length > 0, 'the all view lists duties');

    await openView(page, 'take');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`${viewSelector('take')} ${tid('download-csv')}`).click(),
    ]);
    assert.match(download.suggestedFilename(), /^security-obligations-S6-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the UTF-8 byte-order mark');
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    assert.equal(text[0], '\ufeff');
    const records = parseCsv(text.slice(1));
    assert.deepEqual(records[0], CSV_HEADER, 'the header');
    const rows = records.slice(1);
    assert.equal(rows.length, duties.length, 'one row per duty of the all view');
    for (const [i, row] of rows.entries()) {
      assert.equal(row.length, 11, `row ${i + 1}: 11 fields`);
      assert.equal(row[0], 'DF Schedule 2.4 Information Security and Assurance');
      assert.equal(row[1], 'S6');
      assert.equal(row[2], /^\d/.test(duties[i].ref) ? `¶${duties[i].ref}` : duties[i].ref, `row ${i + 1}: the all view's order`);
    }
    // The recorded duty: its status, its owner guarded, its note as typed.
    const marked = rows.filter((r) => r[7] !== 'Not marked');
    assert.equal(marked.length, 1, 'one duty marked');
    const [row] = marked;
    const at = rows.indexOf(row);
    assert.equal(duties[at].status, 'in-progress');
    assert.equal(duties[at].ref, ref);
    assert.equal(row[7], 'In progress');
    assert.equal(row[8], `'${owner}`, 'the owner with a leading apostrophe');
    assert.equal(row[9], note, 'the note as typed, its line break kept');
    for (const r of rows.filter((r) => r !== row)) assert.deepEqual(r.slice(8, 10), ['', '']);
    await s.assertClean({ allowLaterRequests: true });
  } finally {
    await s.close();
  }
});

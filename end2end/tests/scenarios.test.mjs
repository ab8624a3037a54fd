// One test per row of the deep-link scenario table (end2end/scenarios.mjs).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, openApp, expectText } from '../lib/harness.mjs';
import { assertNoAxeViolations } from '../lib/axe.mjs';
import { tid, expectParagraphDates, ambiguityIds, expectView, openView } from '../lib/flow.mjs';
import { SCENARIOS } from '../scenarios.mjs';

const LEVEL = tid('level');
const STANDARDS = tid('standards');
const cssString = (s) => JSON.stringify(String(s));

describe('deep-link scenarios (end2end/scenarios.mjs)', () => {
  if (SCENARIOS.length === 0) {
    test('every scenario of the table', { skip: 'the scenario table in end2end/scenarios.mjs is empty' }, () => {});
    return;
  }

  let env;
  before(async () => {
    env = await startEnv();
  });
  after(async () => {
    await env?.close();
  });

  test('the table is well formed', () => {
    const names = new Set();
    for (const [i, row] of SCENARIOS.entries()) {
      const where = `row ${i} (${row.name ?? row.fragment})`;
      assert.match(row.fragment ?? '', /^#./, `${where}: fragment must start with '#'`);
      const sm2017 = /(^#|&)schedule=sm2017(&|$)/.test(row.fragment);
      if (sm2017) {
        assert.equal(row.level, null, `${where}: a 2017 row has level null`);
        assert.equal(row.standards, null, `${where}: a 2017 row has standards null`);
      } else {
        assert.match(row.level, /^S[1-6]$/, `${where}: level`);
        assert.ok(['None', 'Basic', 'Normal', 'Enhanced'].includes(row.standards), `${where}: standards`);
      }
      assert.equal(typeof (row.dates ?? {}), 'object', `${where}: dates`);
      if ('todo' in row) assert.match(row.todo, /\S/, `${where}: todo says why`);
      for (const [ref, d] of Object.entries(row.dates ?? {})) {
        for (const x of Array.isArray(d) ? d : [d]) assert.match(x, /^\d{4}-\d{2}-\d{2}$/, `${where}: date of ${ref}`);
      }
      const name = row.name ?? row.fragment;
      assert.ok(!names.has(name), `${where}: duplicate name`);
      names.add(name);
    }
  });

  for (const row of SCENARIOS) {
    test(row.name ?? row.fragment, row.todo ? { todo: row.todo } : {}, async () => {
      const s = await openApp(env.browser, env.server, { fragment: row.fragment, readySelector: tid('result') });
      try {
        const { page } = s;
        // The result opens on the summary: the level, the Standards and the warnings.
        await expectView(page, 'summary');
        if (row.level === null) {
          assert.equal(await page.locator(LEVEL).count(), 0, 'no level on a 2017 result');
        } else {
          await expectText(page, LEVEL, row.level);
          await expectText(page, STANDARDS, row.standards);
        }
        if (row.levelChange !== undefined) {
          const change = page.locator(tid('level-change'));
          if (row.levelChange === null) assert.equal(await change.count(), 0, 'no paragraph 1.4 notice');
          else assert.match(await change.textContent(), row.levelChange, 'paragraph 1.4 notice');
        }
        if (row.notice !== undefined) {
          const notice = page.locator(tid('level-notice'));
          if (row.notice === null) assert.equal(await notice.count(), 0, 'no level notice');
          else assert.match(await notice.textContent(), row.notice, 'level notice');
        }
        if (row.standardsNote !== undefined) {
          const note = page.locator(tid('standards-note'));
          if (row.standardsNote === null) assert.equal(await note.count(), 0, 'no note beside the Standards');
          else assert.match(await note.textContent(), row.standardsNote, 'note beside the Standards');
        }
        await assertNoAxeViolations(page);
        // Every obligation, the plan, the notes and the verdict: all on one page.
        await openView(page, 'all');
        for (const [ref, datetime] of Object.entries(row.dates ?? {})) {
          await expectParagraphDates(page, ref, datetime);
        }
        if (row.ambiguities) {
          const shown = await ambiguityIds(page);
          for (const id of row.ambiguities) assert.ok(shown.includes(id), `ambiguity note ${id} among [${shown.join(', ')}]`);
        }
        if (row.level === null) await page.locator(tid('device-verdict')).waitFor({ state: 'visible' });
        if (row.verdict) assert.match(await page.locator(tid('device-verdict')).innerText(), row.verdict);
        for (const ref of row.conditions ?? []) {
          assert.ok((await page.locator(`${tid('device-conditions')} [data-ref=${cssString(ref)}]`).count()) > 0, `condition ${ref}`);
        }
        for (const ref of row.notConditions ?? []) {
          assert.equal(await page.locator(`${tid('device-conditions')} [data-ref=${cssString(ref)}]`).count(), 0, `no condition ${ref}`);
        }
        await assertNoAxeViolations(page);
        await s.assertClean();
      } finally {
        await s.close();
      }
    });
  }
});

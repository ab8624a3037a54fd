// One test per row of the deep-link scenario table (end2end/scenarios.mjs).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, openApp, expectText, expectTimes } from '../lib/harness.mjs';
import { assertNoAxeViolations } from '../lib/axe.mjs';
import { SCENARIOS } from '../scenarios.mjs';

const LEVEL = '[data-testid="level"]';
const STANDARDS = '[data-testid="standards"]';
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
      assert.equal(typeof row.level, 'string', `${where}: level`);
      assert.equal(typeof row.standards, 'string', `${where}: standards`);
      assert.equal(typeof (row.dates ?? {}), 'object', `${where}: dates`);
      const name = row.name ?? row.fragment;
      assert.ok(!names.has(name), `${where}: duplicate name`);
      names.add(name);
    }
  });

  for (const row of SCENARIOS) {
    test(row.name ?? row.fragment, async () => {
      const s = await openApp(env.browser, env.server, { fragment: row.fragment, readySelector: LEVEL });
      try {
        const { page } = s;
        await expectText(page, LEVEL, row.level);
        await expectText(page, STANDARDS, row.standards);
        for (const [ref, datetime] of Object.entries(row.dates ?? {})) {
          await expectTimes(page, `[data-ref=${cssString(ref)}]`, datetime);
        }
        await assertNoAxeViolations(page);
        await s.assertClean();
      } finally {
        await s.close();
      }
    });
  }
});

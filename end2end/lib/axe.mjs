// Accessibility check with axe-core: the WCAG 2.0, 2.1 and 2.2 level A and AA rules.
//
//   await assertNoAxeViolations(page);            // the whole document
//   await assertNoAxeViolations(page, { include: '[data-testid="app"]' });
//
// axe's source is evaluated through the DevTools protocol rather than added as a <script>
// element: that leaves the DOM under test untouched and is not subject to the page's CSP,
// so the CSP checks of the harness see only what the app itself does.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page and returns its violations (an empty array when there are none). */
export async function axeViolations(page, { include } = {}) {
  const hasAxe = await page.evaluate(() => typeof window.axe === 'object');
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    async ([tags, include]) => {
      const context = include ? { include: [include] } : document;
      const r = await window.axe.run(context, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
      }));
    },
    [WCAG_TAGS, include ?? null],
  );
  return results;
}

/** A readable list of violations, one block per rule with each failing element. */
export function formatViolations(violations) {
  return violations
    .map(
      (v) =>
        `- ${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n` +
        v.nodes
          .map((n) => `    at ${n.target}\n      ${n.html.length > 200 ? n.html.slice(0, 200) + "…" : n.html}\n      ${(n.summary ?? '').replace(/\n/g, '\n      ')}`)
          .join('\n'),
    )
    .join('\n');
}

/** Fails with the readable list when axe finds any WCAG 2.2 A/AA violation. */
export async function assertNoAxeViolations(page, options) {
  const violations = await axeViolations(page, options);
  assert.ok(
    violations.length === 0,
    `${violations.length} axe violation(s) of ${WCAG_TAGS.join(', ')} on ${page.url()}:\n${formatViolations(violations)}`,
  );
}

// Layout checks shared by the layout and views tests: what sticks out of a narrow window,
// and how big a page is.
import assert from 'node:assert/strict';
import { assertNoHorizontalScroll } from './flow.mjs';

// Visible elements whose box reaches past the right edge of the window (or starts left of
// 0): content that is cut off or needs sideways scrolling, even inside an element that hides
// its overflow. Visually hidden text (1 px, clipped) is skipped, and so is what is not
// rendered (the content of a closed <details>, which Chromium still lays out when asked for
// its size). Runs in the page.
function overflowing() {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('[data-testid="app"] *')) {
    if (!el.checkVisibility()) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || cs.display === 'none') continue;
    if (r.width <= 1 && r.height <= 1) continue; // visually hidden
    if (r.right > width + 0.5 || r.left < -0.5) {
      const t = el.getAttribute('data-testid');
      out.push(
        `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).trim().split(/\s+/).join('.') : ''}` +
          `${t ? `[data-testid=${t}]` : ''} spans ${Math.round(r.left)}..${Math.round(r.right)}`,
      );
    }
  }
  return out;
}

// Elements whose content is wider than their own box (a word running out of its panel),
// leaving out visually hidden text and what is inside it, and what is not rendered (as
// above). Runs in the page.
function overflowingContent() {
  const out = [];
  for (const el of document.querySelectorAll('[data-testid="app"] *')) {
    if (!el.checkVisibility() || el.clientWidth <= 1 || el.closest('.smx-visually-hidden')) continue;
    if (el.scrollWidth > el.clientWidth + 1) {
      out.push(`${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).join('.')}: content ${el.scrollWidth} px in ${el.clientWidth} px "${el.textContent.trim().slice(0, 40)}"`);
    }
  }
  return out;
}

/**
 * The page reflows in its window (WCAG 1.4.10): no horizontal scrolling, no visible element
 * past the edge, no content wider than its box. `where` names the state in failures.
 */
export async function assertFits(page, where) {
  const width = await page.evaluate(() => window.innerWidth);
  try {
    await assertNoHorizontalScroll(page);
  } catch (e) {
    e.message = `[${where}] ${e.message}`;
    throw e;
  }
  assert.deepEqual(await page.evaluate(overflowing), [], `[${where}] elements past the edge of a ${width} px window`);
  assert.deepEqual(await page.evaluate(overflowingContent), [], `[${where}] content wider than its box at ${width} px`);
}

/**
 * The document's height in CSS pixels and the number of elements of the widget
 * (`[data-testid="app"]` and everything in it).
 */
export function pageSize(page) {
  return page.evaluate(() => ({
    height: Math.ceil(document.documentElement.scrollHeight),
    elements: document.querySelectorAll('[data-testid="app"], [data-testid="app"] *').length,
  }));
}

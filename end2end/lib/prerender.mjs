// Helpers for the pre-render tests (end2end/tests/prerender.test.mjs).

/** The pre-rendered start page in dist/index.html (prerender/, scripts/postbuild.mjs). */
export const PRERENDER = '[data-smx-prerender]';

/**
 * Holds the app's module (`security-matrix-<hash>.js`) back until `release()`: the page
 * shows what it shows before the app starts, for as long as the test needs. `requested`
 * resolves when the browser has asked for it.
 * @param {import('playwright-core').Page} page
 */
export async function holdBundle(page) {
  let release;
  let requested;
  const released = new Promise((resolve) => (release = resolve));
  const asked = new Promise((resolve) => (requested = resolve));
  await page.route(/\/security-matrix-[0-9a-f]{16}\.js$/, async (route) => {
    requested();
    await released;
    await route.continue();
  });
  return { requested: asked, release };
}

/**
 * The tree under `selector` as data: each element's name, its attributes (sorted; without
 * the markers of the pre-render and of readiness, and with `value` and `checked` read as the
 * properties a user sees, since the app sets those as properties), and its text (adjacent
 * text nodes joined, as parsing joins them).
 */
export function domShape(page, selector) {
  return page.evaluate((sel) => {
    const IGNORED = new Set(['data-smx-prerender', 'data-smx-ready', 'value', 'checked']);
    // Boolean attributes: present or not (the server writes novalidate="novalidate").
    const BOOLEAN = new Set(['novalidate', 'disabled', 'hidden', 'open', 'required', 'multiple']);
    const walk = (el) => {
      const attrs = [...el.attributes]
        .filter((a) => !IGNORED.has(a.name))
        .map((a) => [a.name, BOOLEAN.has(a.name) ? true : a.value])
        .sort(([a], [b]) => (a < b ? -1 : 1));
      const node = { tag: el.localName, attrs, children: [] };
      if (el instanceof HTMLInputElement) Object.assign(node, { value: el.value, checked: el.checked });
      for (const child of el.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          const last = node.children[node.children.length - 1];
          if (typeof last === 'string') node.children[node.children.length - 1] = last + child.data;
          else if (child.data) node.children.push(child.data);
        } else if (child.nodeType === Node.ELEMENT_NODE) node.children.push(walk(child));
      }
      return node;
    };
    const root = document.querySelector(sel);
    return root ? walk(root) : null;
  }, selector);
}

/**
 * The box of the element at `selector` in the page, then every element's box inside it,
 * relative to it, in document order.
 */
export function boxes(page, selector) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    const origin = root.getBoundingClientRect();
    const round = (x) => Math.round(x * 100) / 100;
    const box = (el, dx, dy) => {
      const r = el.getBoundingClientRect();
      return `${el.localName} ${round(r.x - dx)},${round(r.y - dy)} ${round(r.width)}×${round(r.height)}`;
    };
    return [box(root, 0, 0), ...[...root.querySelectorAll('*')].map((el) => box(el, origin.x, origin.y))];
  }, selector);
}

/**
 * An init script: from the first frame on, counts the frames and those in which the start
 * page's heading is visible (window.__startPage = {frames, visible}).
 */
export function watchStartPage() {
  window.__startPage = { frames: 0, visible: 0 };
  const tick = () => {
    window.__startPage.frames += 1;
    const h = document.querySelector('[data-testid="start-page"] [data-testid="page-heading"]');
    if (h && h.checkVisibility()) window.__startPage.visible += 1;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * Waits until every stylesheet of the page has loaded (a box read before that is the box
 * of an unstyled page, which the browser never paints).
 */
export function stylesLoaded(page) {
  return page.waitForFunction(() => [...document.querySelectorAll('link[rel="stylesheet"]')].every((l) => l.sheet !== null));
}

/**
 * A fresh context's page opened at `url` with the app's module held back (holdBundle), once
 * the module is asked for and the stylesheets are in; `initScript` runs in the page first.
 * @param {import('playwright-core').Browser} browser
 */
export async function openHeldPage(browser, url, { initScript, viewport = { width: 1280, height: 800 } } = {}) {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    if (initScript) await page.addInitScript(initScript);
    const bundle = await holdBundle(page);
    await page.goto(url, { waitUntil: 'commit' });
    await bundle.requested;
    await stylesLoaded(page);
    return { page, bundle, close: () => context.close() };
  } catch (e) {
    await context.close();
    throw e;
  }
}

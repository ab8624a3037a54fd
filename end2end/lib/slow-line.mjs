// The throttled cold load of end2end/bench-slow-line.mjs (issue 17's "slow line"): one page in
// a fresh browser context, throttled over CDP like Chrome DevTools' profile (1.6 Mbps down,
// 750 kbps up, 150 ms round trip, CPU 4× slower, cache disabled), with an init script that
// notes, in the page's own clock (ms since navigation start), when the start page's heading
// is in the DOM and painted, when the page is interactive, and when WebAssembly starts and
// ends instantiating; and the bytes received (CDP `encodedDataLength`) before interactive.
import { median } from './stats.mjs';

/** The throttled profile (CDP units: ms, bytes per second, a CPU slow-down factor). */
export const PROFILE = Object.freeze({
  latency: 150,
  downloadThroughput: 1.6e6 / 8,
  uploadThroughput: 750e3 / 8,
  cpuRate: 4,
});

/** The profile in words, for the report. */
export const PROFILE_TEXT =
  'CDP `Network.emulateNetworkConditions` (latency 150 ms, 1.6 Mbps down, 750 kbps up), ' +
  '`Emulation.setCPUThrottlingRate` 4, `Network.setCacheDisabled`';

/** The app's bundle: the one JS module that carries the WebAssembly. */
export const BUNDLE_RE = /\/security-matrix-[0-9a-f]+\.js$/;

/** What a load waits for and times, per kind of page. */
export const KINDS = Object.freeze({
  /** The app: real content is the start page's heading; interactive is `data-smx-ready`. */
  app: {
    heading: '[data-testid="start-page"] [data-smx-focus="heading"]',
    ready: '[data-smx-ready]',
  },
  /** The static twin: the same heading; interactive is its load event (loadEventEnd). */
  twin: { heading: '[data-testid="start-page"] [data-smx-focus="heading"]', ready: null },
  /** The Yew baseline (size-baseline/, a counter): its first render is its button. */
  baseline: { heading: 'main h1', ready: 'main button' },
});

/** The trace categories of the phase breakdown. */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'v8',
  'v8.wasm',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'loading',
];

// Runs in the page before any of its scripts. Notes performance.now() (ms since navigation
// start) when `heading` is first in the DOM (and whether it came with the HTML: there by
// DOMContentLoaded), the next animation frame after that, its paint (Element Timing: the
// heading gets `elementtiming` before its first paint), when `ready` first matches, and when
// WebAssembly.instantiate is called and resolves. With `markDecode`, also when the first
// Uint8Array of more than 100 000 bytes is made: the start code's decodeBytes making the
// module's bytes (only on traced loads: the wrapper costs a little on every typed array).
function watchLoad({ heading, ready, markDecode }) {
  const t = (window.__slow = {});
  // Settles once the page is loaded, the heading painted and (if asked) ready: the bench
  // awaits it (no polling in the page while it loads). Without an Element Timing entry within
  // a second of the heading's frame, the frame stands for its paint.
  let settle;
  window.__slowDone = new Promise((resolve) => (settle = resolve));
  let loaded = false;
  const done = () => {
    if (loaded && t.heading !== undefined && (t.headingPaint !== undefined || t.paintGaveUp) && (!ready || t.ready !== undefined)) settle();
  };
  addEventListener('load', () => setTimeout(() => ((loaded = true), done())), { once: true });
  // Came with the HTML: there when DOMContentLoaded fires. (Blink fires it in the parser's last
  // task, before the observer's callback for that task's nodes runs.)
  let contentLoaded = false;
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      contentLoaded = true;
      if (document.querySelector(heading)) t.headingWithHtml = true;
      if (ready && document.querySelector(ready)) t.readyWithHtml = true;
    },
    { once: true, capture: true },
  );
  const check = () => {
    if (t.heading === undefined) {
      const el = document.querySelector(heading);
      if (el) {
        t.heading = performance.now();
        t.headingWithHtml ||= !contentLoaded;
        el.setAttribute('elementtiming', 'smx-heading');
        requestAnimationFrame(() => {
          t.headingFrame = performance.now();
          setTimeout(() => ((t.paintGaveUp = true), done()), 1000);
        });
      }
    }
    if (ready && t.ready === undefined && document.querySelector(ready)) {
      t.ready = performance.now();
      // In the HTML itself (a pre-render must not carry it): then the figure means nothing.
      t.readyWithHtml ||= !contentLoaded;
    }
    done();
    if (t.heading !== undefined && (!ready || t.ready !== undefined)) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.identifier === 'smx-heading' && t.headingPaint === undefined) t.headingPaint = e.renderTime || e.loadTime;
    }
    done();
  }).observe({ type: 'element', buffered: true });
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...args) {
    t.instantiate ??= performance.now();
    return instantiate.apply(this, args).then((result) => {
      t.instantiated ??= performance.now();
      return result;
    });
  };
  if (markDecode) {
    const U8 = Uint8Array;
    window.Uint8Array = new Proxy(U8, {
      construct(target, args, newTarget) {
        if (t.decode === undefined && typeof args[0] === 'number' && args[0] > 100000) t.decode = performance.now();
        return Reflect.construct(target, args, newTarget === window.Uint8Array ? target : newTarget);
      },
    });
  }
}

/** Throttles a page through its CDP session, as the profile says. */
export async function throttle(cdp, { acceptEncoding } = {}) {
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PROFILE.latency,
    downloadThroughput: PROFILE.downloadThroughput,
    uploadThroughput: PROFILE.uploadThroughput,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuRate });
  if (acceptEncoding) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': acceptEncoding } });
}

// Every response the page's CDP session sees finish: its bytes on the wire (headers and
// encoded body) and when it finished, in the page's clock. CDP timestamps are seconds on a
// monotonic clock; the document's requestWillBeSent gives that clock's offset to wall time,
// and the page's performance.timeOrigin is wall time.
function recordResponses(cdp) {
  const urls = new Map();
  const finished = [];
  let offset;
  cdp.on('Network.requestWillBeSent', (e) => {
    urls.set(e.requestId, e.request.url);
    if (offset === undefined && e.type === 'Document') offset = e.wallTime * 1000 - e.timestamp * 1000;
  });
  cdp.on('Network.loadingFinished', (e) => {
    finished.push({ url: urls.get(e.requestId), at: e.timestamp * 1000, bytes: e.encodedDataLength });
  });
  return {
    /** The responses (url, bytes, finish in ms since navigation start). */
    read: (timeOrigin) => finished.map((f) => ({ url: f.url, bytes: f.bytes, end: f.at + offset - timeOrigin })),
  };
}

/**
 * One throttled cold load of `url`: a fresh browser context, the profile applied before the
 * navigation, the page watched until it is interactive.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {{kind: 'app'|'twin'|'baseline', acceptEncoding?: string, trace?: boolean, checkStart?: boolean}} options
 * @returns {Promise<object>} the times (ms since navigation start), the bytes before
 *   interactive, the responses, and with `trace` the trace's events.
 */
export async function throttledLoad(browser, url, { kind, acceptEncoding, trace = false, checkStart = false }) {
  const watch = KINDS[kind];
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(watchLoad, { heading: watch.heading, ready: watch.ready, markDecode: trace });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const responses = recordResponses(cdp);
    await throttle(cdp, { acceptEncoding });
    if (trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.goto(url, { waitUntil: 'commit', timeout: 60000 });
    let timer;
    await Promise.race([
      page.evaluate(() => window.__slowDone),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${kind} at ${url}: not done within 60 s`)), 60000))),
    ]).finally(() => clearTimeout(timer));
    const traceEvents = trace ? JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents : undefined;
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource').map((e) => ({
        name: e.name,
        requestStart: e.requestStart,
        responseStart: e.responseStart,
        responseEnd: e.responseEnd,
      }));
      const fcp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
      return {
        ...window.__slow,
        timeOrigin: performance.timeOrigin,
        html: nav.responseEnd,
        load: nav.loadEventEnd,
        fcp: fcp?.startTime,
        resources: res,
      };
    });
    // Real content painted: the heading's paint (Element Timing); without it, FCP when the
    // heading came with the HTML, else the animation frame after it appeared.
    t.realFrame = t.headingWithHtml ? t.fcp : t.headingFrame;
    t.realPaint = t.headingPaint ?? t.realFrame;
    t.interactive = watch.ready ? t.ready : t.load;
    t.bundleEnd = t.resources.find((r) => BUNDLE_RE.test(r.name))?.responseEnd;
    t.responses = responses.read(t.timeOrigin);
    t.bytes = t.responses.filter((r) => r.end <= t.interactive + 0.5).reduce((s, r) => s + r.bytes, 0);
    t.traceEvents = traceEvents;
    if (checkStart) {
      // Untimed: does Start respond? (Still throttled.)
      await page.click('[data-testid="start"]', { timeout: 20000 });
      t.startResponds = await page
        .locator('[data-testid="question-subjects"]')
        .waitFor({ state: 'attached', timeout: 20000 })
        .then(() => true, () => false);
    }
    return t;
  } finally {
    await context.close();
  }
}

/** The medians of the named fields over some loads (fields a load lacks are left out). */
export function medians(loads, fields) {
  return Object.fromEntries(
    fields.map((f) => {
      const xs = loads.map((l) => l[f]).filter((x) => typeof x === 'number');
      return [f, xs.length ? median(xs) : undefined];
    }),
  );
}

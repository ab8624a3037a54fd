// Where a throttled app load's time goes: its Chrome trace (lib/slow-line.mjs, `trace: true`)
// and the page's own marks read as one timeline, in milliseconds since navigation start.
import { BUNDLE_RE } from './slow-line.mjs';
import { median, ms } from './stats.mjs';

/**
 * The phases of one traced app load.
 * @param {object} load a throttledLoad result with traceEvents
 * @param {string} url the page's URL (to find its navigationStart in the trace)
 */
export function tracePhases(load, url) {
  const ev = load.traceEvents ?? [];
  const origin = new URL(url).origin;
  const nav = ev.filter(
    (e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').startsWith(origin),
  );
  const bundle = load.resources.find((r) => BUNDLE_RE.test(r.name));
  const css = load.resources.find((r) => r.name.endsWith('.css'));
  const p = {
    html: load.html,
    css: css?.responseEnd,
    fcp: load.fcp,
    bundleStart: bundle?.responseStart,
    bundleEnd: bundle?.responseEnd,
    decode: load.decode,
    instantiate: load.instantiate,
    instantiated: load.instantiated,
    heading: load.heading,
    realPaint: load.realPaint,
    ready: load.ready,
  };
  if (!nav.length) return p;
  const t0 = nav.at(-1).ts;
  const at = (e) => (e.ts - t0) / 1000;
  const end = (e) => (e.ts + (e.dur ?? 0) - t0) / 1000;
  const after = (e) => e.ts >= t0;
  const isBundle = (e) => BUNDLE_RE.test(String(e.args?.data?.url ?? e.args?.url ?? ''));
  const compile = ev.find((e) => e.name === 'v8.compileModule' && isBundle(e) && after(e));
  if (!compile) return p;
  // The trace is the whole browser's: only the page's renderer (and its main thread) count.
  const renderer = (e) => e.pid === compile.pid;
  const main = (e) => renderer(e) && e.tid === compile.tid;
  const evaluate = ev.find((e) => e.name === 'v8.evaluateModule' && main(e) && e.ts >= compile.ts);
  const sum = (xs) => xs.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000;
  const readyTs = t0 + (load.ready ?? Infinity) * 1000;
  const headingTs = t0 + (load.heading ?? Infinity) * 1000;
  const paintTs = t0 + (load.realPaint ?? Infinity) * 1000;
  Object.assign(p, {
    // Script streaming: the bundle is parsed on a background thread while it downloads.
    // (its thread time: the task itself waits for the bytes as they come).
    backgroundParse: ev
      .filter((e) => e.name === 'v8.parseOnBackground' && renderer(e) && isBundle(e) && after(e))
      .reduce((s, e) => s + (e.tdur ?? e.dur ?? 0) / 1000, 0),
    compiled: end(compile),
    evaluateStart: evaluate && at(evaluate),
    evaluateEnd: evaluate && end(evaluate),
    wasmCompileStart: at(ev.find((e) => e.name === 'wasm.AsyncCompile' && renderer(e) && after(e)) ?? { ts: NaN }),
    wasmBaseline: at(ev.find((e) => e.name === 'wasm.BaselineFinished' && renderer(e) && after(e)) ?? { ts: NaN }),
    // V8 compiles most wasm functions lazily, on their first call.
    lazyCompile: sum(ev.filter((e) => e.name === 'wasm.CompileLazy' && renderer(e) && after(e) && e.ts <= readyTs)),
    // The first frame with the app's render: style and layout between the heading in the DOM
    // and its paint.
    firstRenderLayout: sum(
      ev.filter((e) => ['Layout', 'UpdateLayoutTree'].includes(e.name) && main(e) && e.ts >= headingTs && e.ts <= paintTs),
    ),
    // The app's own start and first render: JS/wasm function calls from instantiation to ready.
    appScript: sum(
      ev.filter((e) => e.name === 'FunctionCall' && main(e) && e.ts >= t0 + (load.instantiated ?? Infinity) * 1000 - 1000 && e.ts <= readyTs),
    ),
  });
  for (const k of Object.keys(p)) if (Number.isNaN(p[k])) p[k] = undefined;
  return p;
}

/** The table rows: [label, key] in time order, then durations. */
const TIMELINE = [
  ['HTML received (navigation responseEnd)', 'html'],
  ['stylesheet received', 'css'],
  ['first contentful paint ("Loading…" line today)', 'fcp'],
  ['bundle: first byte', 'bundleStart'],
  ['bundle: last byte', 'bundleEnd'],
  ['bundle: module compiled (`v8.compileModule` ends)', 'compiled'],
  ['bundle: module evaluation starts (`v8.evaluateModule`; the wait before it shows little main-thread work)', 'evaluateStart'],
  ['wasm-in-JS decode starts (decodeBytes makes the byte array)', 'decode'],
  ['decode done: `WebAssembly.instantiate` called', 'instantiate'],
  ['bundle: module evaluation ends', 'evaluateEnd'],
  ['WebAssembly compile starts (`wasm.AsyncCompile`)', 'wasmCompileStart'],
  ['WebAssembly baseline compile done', 'wasmBaseline'],
  ['WebAssembly instantiated (promise resolves)', 'instantiated'],
  ['first render: start page heading in the DOM', 'heading'],
  ['first render: heading painted (real content)', 'realPaint'],
  ['`data-smx-ready`', 'ready'],
];
const DURATIONS = [
  ['bundle parse on a background thread while downloading (script streaming; its thread time)', 'backgroundParse'],
  ['wasm-in-JS decode (decode start → instantiate called)', 'decodeTime'],
  ['WebAssembly lazy function compiles before ready (sum)', 'lazyCompile'],
  ['app start and first render in script (`FunctionCall`s, instantiated → ready)', 'appScript'],
  ['style and layout of the first render frame (heading in DOM → painted)', 'firstRenderLayout'],
];

/** The phase table (markdown lines) from the phases of some traced loads: medians. */
export function phaseTable(phases) {
  for (const p of phases) if (p.decode !== undefined && p.instantiate !== undefined) p.decodeTime = p.instantiate - p.decode;
  const med = (k) => {
    const xs = phases.map((p) => p[k]).filter((x) => typeof x === 'number');
    return xs.length ? median(xs) : undefined;
  };
  const rows = ['| phase (median of the traced app loads) | ms since navigation start | step from the row before |', '| --- | ---: | ---: |'];
  let before = 0;
  // In time order (the order of the medians), rows without a figure last.
  const timeline = TIMELINE.map(([label, key]) => [label, med(key)]).sort(
    (a, b) => (a[1] ?? Infinity) - (b[1] ?? Infinity),
  );
  for (const [label, m] of timeline) {
    rows.push(`| ${label} | ${ms(m)} | ${m === undefined ? '' : (m - before >= 0 ? '+' : '') + ms(m - before)} |`);
    if (m !== undefined) before = m;
  }
  rows.push('', '| duration (median of the traced app loads) | ms |', '| --- | ---: |');
  for (const [label, key] of DURATIONS) rows.push(`| ${label} | ${ms(med(key))} |`);
  return rows;
}

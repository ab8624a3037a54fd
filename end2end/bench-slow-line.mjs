// The throttled bench of issue 17 (a report, never a pass/fail test).
//
//   node end2end/bench-slow-line.mjs [--runs N] [--trace-runs M] [--no-write] [--save-traces DIR]
//     (after ./scripts/build; N ≥ 10, default 10; M default 5; CARGO_TARGET_DIR as for the
//     build; --no-write prints the section instead; --save-traces keeps the traces as JSON)
//
// Cold loads in headless Chromium, each in a fresh browser context, throttled over CDP like
// DevTools' slow profile: 1.6 Mbps down, 750 kbps up, 150 ms round trip, CPU 4× slower, cache
// disabled (lib/slow-line.mjs). dist/ is served as a real host serves it (end2end/serve-dist.mjs:
// brotli where a .br sits beside the file and the browser accepts it, otherwise gzip). In
// the same run, alternating, one discarded warm-up each:
//  - the app at `/` and its static twin (lib/slow-line-pages.mjs: the start page's markup and
//    stylesheet, no script) and the Yew baseline (size-baseline/, built here with the same
//    profile): first contentful paint; first paint of real content (the start page's
//    heading: its Element Timing paint); interactive: the app's `data-smx-ready` (then,
//    untimed, Start must show the first question), the twin's load event (loadEventEnd), the
//    baseline's first render;
//  - again the app and the baseline with `Accept-Encoding: gzip` only: the bytes received
//    (CDP encodedDataLength) before interactive, the measure;
//  - M traced app loads (Chrome trace + the page's marks): where the time goes (lib/trace-phases.mjs);
//  - the wasm-in-JS encodings (end2end/bench-encoding.mjs): Latin-1 mapping against base64,
//    decoding alone (CPU 4×) and the whole app each way on the slow line.
// Writes its section of reports/speed.md between `<!-- slow-line:start -->` and
// `<!-- slow-line:end -->` (end2end/bench.mjs keeps it), keeping what follows a
// "### What was tried" heading inside it (written by hand). Exits non-zero only if the
// measurement itself cannot be made.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launchChromium, serveDist, DIST_DIR } from './lib/harness.mjs';
import { BUNDLE_RE, PROFILE_TEXT, throttledLoad, medians } from './lib/slow-line.mjs';
import { buildBaseline, writeTwin } from './lib/slow-line-pages.mjs';
import { tracePhases, phaseTable } from './lib/trace-phases.mjs';
import { BLOCK_END, BLOCK_START, readBlock, withBlock } from './lib/report-block.mjs';
import { all, bytes, ms, spread } from './lib/stats.mjs';
import { measureEncodings, measureEncodingLoads, encodingSection } from './bench-encoding.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPORT = path.join(ROOT, 'reports', 'speed.md');
const TRIED_HEADING = '### What was tried';
/** What the build is made of (for the commit the figures are of). */
const APP_PATHS = ['src', 'core', 'scripts', 'index.html', 'Cargo.toml', 'Cargo.lock', 'Trunk.toml'];

/** The targets (at most, as ratios of the medians). */
const TARGETS = { paint: 1.2, interactive: 2.5, bytes: 2.5 };

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : dflt;
};
const RUNS = opt('--runs', 10);
const TRACE_RUNS = opt('--trace-runs', 5);
const WRITE = !args.includes('--no-write');
// Keeps the traces (open them in Chrome DevTools' Performance panel).
const SAVE_TRACES = args.includes('--save-traces') ? args[args.indexOf('--save-traces') + 1] : undefined;
if (SAVE_TRACES) fs.mkdirSync(SAVE_TRACES, { recursive: true });
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs needs a positive whole number');
if (!Number.isInteger(TRACE_RUNS) || TRACE_RUNS < 1) throw new Error('--trace-runs needs a positive whole number');
if (RUNS < 10) console.warn(`--runs ${RUNS}: fewer than the issue's 10, a trial run only`);

const loadavg = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ');
const git = (...a) => {
  try {
    return execFileSync('git', ['-C', ROOT, ...a], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

// The gzip -9 total of dist/ (the precompressed copies left out), as scripts/size-report
// counts it, and the ceiling ratchet of reports/size-ceiling.
function distCeiling() {
  const files = [];
  const walk = (rel) => {
    for (const name of fs.readdirSync(path.join(DIST_DIR, rel))) {
      if (name.startsWith('.')) continue;
      const r = path.join(rel, name);
      if (fs.statSync(path.join(DIST_DIR, r)).isDirectory()) walk(r);
      else if (!(/\.(br|gz)$/.test(name) && fs.existsSync(path.join(DIST_DIR, r.replace(/\.(br|gz)$/, ''))))) files.push(r);
    }
  };
  walk('');
  const total = files.reduce((s, f) => s + execFileSync('gzip', ['-9', '-c', path.join(DIST_DIR, f)]).length, 0);
  const ceiling = Number(fs.readFileSync(path.join(ROOT, 'reports', 'size-ceiling'), 'utf8').replace(/\D/g, ''));
  return { total, ceiling };
}

const line = (l) => process.stdout.write(l + '\n');

/** Runs `loads` alternating, RUNS times, after one discarded warm-up each. */
async function alternate(browser, loads, label) {
  for (const l of loads) await throttledLoad(browser, l.url, l.options);
  const out = loads.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    const parts = [];
    for (const [k, l] of loads.entries()) {
      const t = await throttledLoad(browser, l.url, l.options);
      out[k].push(t);
      parts.push(`${l.name} ${ms(t.realPaint)} / ${ms(t.interactive)} / ${t.bytes} B`);
    }
    line(`  ${label} ${i + 1}/${RUNS}: ${parts.join('; ')}`);
  }
  return out;
}

// Which encodings the server sent for a path's requests during a pass.
const sentAs = (server, from, re) => [...new Set(server.log.slice(from).filter((e) => re.test(e.path)).map((e) => e.encoding ?? 'none'))].join(', ');

const startLoad = loadavg();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'smx-slow-'));
const appDir = path.join(tmp, 'dist');
const baseDir = path.join(tmp, 'baseline');
let browser;
const servers = [];
try {
  if (!fs.existsSync(path.join(DIST_DIR, 'index.html'))) throw new Error('dist/ is missing: run ./scripts/build first');
  fs.cpSync(DIST_DIR, appDir, { recursive: true });
  line('Building the Yew baseline (size-baseline/, same profile) …');
  await buildBaseline(baseDir);
  const app = await serveDist({ root: appDir });
  const base = await serveDist({ root: baseDir });
  servers.push(app, base);
  browser = await launchChromium();
  const chromium = browser.version();
  const twin = writeTwin(appDir);

  const page = (name, server, p, options) => ({ name, url: server.url + p, options });
  line(`Throttled cold loads (${RUNS} each, alternating; Chromium ${chromium}): real-content paint / interactive / bytes`);
  let from = app.log.length;
  const [appLoads, twinLoads, baseLoads] = await alternate(
    browser,
    [
      page('app', app, '/', { kind: 'app', checkStart: true }),
      page('twin', app, '/static-twin.html', { kind: 'twin' }),
      page('baseline', base, '/', { kind: 'baseline' }),
    ],
    'load',
  );
  const servedMain = sentAs(app, from, BUNDLE_RE);
  line(`Again with Accept-Encoding: gzip only (${RUNS} each): the bytes before interactive`);
  from = app.log.length;
  const fromBase = base.log.length;
  const [appGz, baseGz] = await alternate(
    browser,
    [
      page('app', app, '/', { kind: 'app', acceptEncoding: 'gzip' }),
      page('baseline', base, '/', { kind: 'baseline', acceptEncoding: 'gzip' }),
    ],
    'gzip',
  );
  const servedGz = `${sentAs(app, from, /./)} (app), ${sentAs(base, fromBase, /./)} (baseline)`;
  line(`${TRACE_RUNS} traced app loads …`);
  const phases = [];
  for (let i = 0; i < TRACE_RUNS; i++) {
    const t = await throttledLoad(browser, app.url + '/', { kind: 'app', trace: true });
    if (SAVE_TRACES) fs.writeFileSync(path.join(SAVE_TRACES, `app-${i + 1}.json`), JSON.stringify({ traceEvents: t.traceEvents }));
    phases.push(tracePhases(t, app.url + '/'));
  }
  line('The wasm-in-JS encodings (CPU 4×) …');
  const encoding = await measureEncodings(browser, { runs: RUNS, dist: DIST_DIR });
  line(`The whole app with each encoding on the slow line (${RUNS} each) …`);
  const encodingLoads = await measureEncodingLoads(browser, { runs: RUNS, dist: DIST_DIR });
  const endLoad = loadavg();

  const f = (loads, k) => loads.map((l) => l[k]);
  const m = (loads, k) => medians(loads, [k])[k];
  const verdict = (r, target) => `at most ${target}×: ${r <= target ? 'PASS' : 'OVER'}`;
  const paint = { app: m(appLoads, 'realPaint'), twin: m(twinLoads, 'realPaint') };
  const inter = { app: m(appLoads, 'interactive'), twin: m(twinLoads, 'interactive') };
  const gz = { app: m(appGz, 'bytes'), base: m(baseGz, 'bytes') };
  const br = { app: m(appLoads, 'bytes'), base: m(baseLoads, 'bytes') };
  const ratios = { paint: paint.app / paint.twin, interactive: inter.app / inter.twin, bytes: gz.app / gz.base };
  const starts = appLoads.filter((l) => l.startResponds).length;
  const readyInHtml = appLoads.filter((l) => l.readyWithHtml).length;
  if (readyInHtml) console.warn(`WARNING: ${readyInHtml} app loads had data-smx-ready while the HTML was still being parsed (in the pre-render?): the interactive figure is not the app's`);
  const ceiling = distCeiling();
  const cpu = os.cpus();

  line('');
  line(`Real content painted: app ${ms(paint.app)}, static twin ${ms(paint.twin)}: ${ratios.paint.toFixed(2)}× (${verdict(ratios.paint, TARGETS.paint)})`);
  line(`Interactive: app ${ms(inter.app)} (Start responded in ${starts}/${appLoads.length}), twin's load ${ms(inter.twin)}: ${ratios.interactive.toFixed(2)}× (${verdict(ratios.interactive, TARGETS.interactive)})`);
  line(`Bytes before interactive (gzip): app ${bytes(gz.app)}, Yew baseline ${bytes(gz.base)}: ${ratios.bytes.toFixed(2)}× (${verdict(ratios.bytes, TARGETS.bytes)})`);
  line(`wasm-in-JS: ${encoding.summary}`);

  const row = (label, a, b, ratio, target) =>
    `| ${label} | ${a} | ${b} | ${ratio === undefined ? '' : ratio.toFixed(2) + '×'} | ${target ?? ''} |`;
  const lines = [
    BLOCK_START,
    '## On a slow line (throttled, issue 17)',
    '',
    'Written by `node end2end/bench-slow-line.mjs` (after `./scripts/build`): a report, not a test.',
    '',
    `- Date ${new Date().toISOString().slice(0, 10)}; commit ${git('rev-parse', '--short', 'HEAD')} (the app as of ${git('log', '-1', '--format=%h', '--', ...APP_PATHS)}, the last commit touching ${APP_PATHS.join(', ')})${git('status', '--porcelain', '--', ...APP_PATHS) ? ' (with uncommitted changes to the app)' : ''}; headless Chromium ${chromium}.`,
    `- Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores shared with other builds; load average ${startLoad} when the run started, ${endLoad} when it ended (1, 5, 15 minutes).`,
    `- Profile: ${PROFILE_TEXT}; a fresh browser context for every cold load.`,
    `- Served by \`end2end/serve-dist.mjs\` from a copy of \`dist/\`: the timed loads as the browser asks (the bundle was sent as: ${servedMain}), the bytes pass with \`Accept-Encoding: gzip\` only (sent as: ${servedGz}).`,
    `- ${RUNS} cold loads of each page, alternating app, static twin, Yew baseline, after one discarded warm-up of each; then ${RUNS} of the app and the baseline for gzip; then ${TRACE_RUNS} traced app loads.`,
    `- Static twin: ${twin.source} (${twin.bytes} bytes). Yew baseline: \`size-baseline/\` built in this run with the same profile (trunk --release, wasm-opt), its JS minified by the widget's terser, with \`.br\`/\`.gz\` beside its text files and its \`.wasm\`.`,
    ...(readyInHtml ? [`- **Warning**: in ${readyInHtml} app loads \`data-smx-ready\` was there while the HTML was still being parsed, so the interactive figure is not the app's.`] : []),
    '- Real content painted: the Element Timing paint of the start page heading (`[data-testid="start-page"] [data-smx-focus="heading"]`; the baseline: its `h1`). Interactive: the app\'s `data-smx-ready` first in the DOM (after which, untimed, Start was pressed and the first question came: ' +
      `${starts} of ${appLoads.length} loads); the twin's \`loadEventEnd\`; the baseline's first render (its button in the DOM). Bytes: CDP \`Network.loadingFinished.encodedDataLength\` (headers and body on the wire) of the responses finished before interactive.`,
    '',
    '| figure (median) | app | compared with | ratio | target |',
    '| --- | ---: | ---: | ---: | --- |',
    row('first paint of real content (vs static twin)', ms(paint.app), ms(paint.twin), ratios.paint, verdict(ratios.paint, TARGETS.paint)),
    row('interactive (vs the static twin\'s load)', ms(inter.app), ms(inter.twin), ratios.interactive, verdict(ratios.interactive, TARGETS.interactive)),
    row('bytes before interactive, gzip (vs Yew baseline)', bytes(gz.app), bytes(gz.base), ratios.bytes, verdict(ratios.bytes, TARGETS.bytes)),
    row('bytes before interactive, brotli (vs Yew baseline)', bytes(br.app), bytes(br.base), br.app / br.base, 'information'),
    row('real content by the frame rule: FCP if the heading came with the HTML, else the next animation frame after it (vs static twin)', ms(m(appLoads, 'realFrame')), ms(m(twinLoads, 'realFrame')), m(appLoads, 'realFrame') / m(twinLoads, 'realFrame'), 'information'),
    row('first contentful paint, any content (vs static twin)', ms(m(appLoads, 'fcp')), ms(m(twinLoads, 'fcp')), m(appLoads, 'fcp') / m(twinLoads, 'fcp'), 'information'),
    row('Yew baseline: first render (interactive) / its real-content paint', ms(m(baseLoads, 'interactive')), ms(m(baseLoads, 'realPaint')), undefined, 'context'),
    row('interactive with gzip (app vs Yew baseline)', ms(m(appGz, 'interactive')), ms(m(baseGz, 'interactive')), m(appGz, 'interactive') / m(baseGz, 'interactive'), 'context'),
    row('whole `dist/`, gzip -9 (vs the ceiling ratchet)', bytes(ceiling.total), bytes(ceiling.ceiling), ceiling.total / ceiling.ceiling, `under the ceiling: ${ceiling.total <= ceiling.ceiling ? 'PASS' : 'OVER'}`),
    '',
    '| all loads (ms or bytes) | fastest / slowest | all |',
    '| --- | --- | --- |',
    ...[
      ['app, real content painted', appLoads, 'realPaint'],
      ['static twin, real content painted', twinLoads, 'realPaint'],
      ['app, interactive', appLoads, 'interactive'],
      ['static twin, load', twinLoads, 'interactive'],
      ['app, first contentful paint', appLoads, 'fcp'],
      ['static twin, first contentful paint', twinLoads, 'fcp'],
      ['Yew baseline, first render', baseLoads, 'interactive'],
    ].map(([label, loads, k]) => `| ${label} | ${spread(f(loads, k))} | ${all(f(loads, k))} |`),
    ...[
      ['app, bytes before interactive, gzip', appGz],
      ['Yew baseline, bytes before its first render, gzip', baseGz],
      ['app, bytes before interactive, brotli', appLoads],
      ['Yew baseline, bytes before its first render, brotli', baseLoads],
    ].map(([label, loads]) => `| ${label} | ${Math.min(...f(loads, 'bytes'))} / ${Math.max(...f(loads, 'bytes'))} | ${f(loads, 'bytes').join(', ')} |`),
    '',
    `### Where the app's time goes (${TRACE_RUNS} traced loads)`,
    '',
    'A Chrome trace of each (categories devtools.timeline, v8, v8.wasm, disabled-by-default-devtools.timeline,',
    'blink.user_timing, loading) read together with the page\'s marks: Resource Timing for the downloads, and an',
    'init script that notes when `WebAssembly.instantiate` is called and resolves and when the start code makes',
    'the module\'s byte array (the first `Uint8Array` of more than 100 000 bytes: decodeBytes starts). Tracing',
    'and the marks slow these loads a little, so their times are a little later than the figures above.',
    '',
    ...phaseTable(phases),
    '',
    ...encodingSection(encoding, encodingLoads),
  ];
  const old = fs.existsSync(REPORT) ? fs.readFileSync(REPORT, 'utf8') : '# Speed\n';
  const oldBlock = readBlock(old);
  const tried = oldBlock.indexOf(TRIED_HEADING);
  const keptTried = tried >= 0 ? oldBlock.slice(tried, oldBlock.length - BLOCK_END.length).trimEnd() : TRIED_HEADING + '\n\n(nothing written yet)';
  lines.push('', keptTried, BLOCK_END);
  if (WRITE) {
    fs.mkdirSync(path.dirname(REPORT), { recursive: true });
    fs.writeFileSync(REPORT, withBlock(old, lines.join('\n')));
    line(`Section written to ${path.relative(ROOT, REPORT)}`);
  } else {
    line(lines.join('\n'));
  }
} finally {
  await browser?.close();
  for (const s of servers) await s.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}

// How to carry the WebAssembly inside the script (issue 17): today's Latin-1 mapping
// (scripts/postbuild.mjs: the module's bytes as a string of U+0000–U+00FF, its most frequent
// byte values as one-byte ASCII characters, decoded by the start code's decodeBytes) against
// base64 decoded by the platform (`Uint8Array.fromBase64`, and `atob` + a loop where a browser
// lacks it). A report, never a test; the build's encoding is not changed here.
//
//   node end2end/bench-encoding.mjs [--runs N] [--loads]   (after ./scripts/build; N defaults to 10)
//
// For the current bundle's module (read back from the bundle's own literals):
//  - the gzip -9 (zlib) and brotli 11 sizes of the bundle carrying it each way (the rest of
//    the bundle as it is; the decoder functions differ by a few dozen bytes, left out);
//  - in headless Chromium with CPU 4× slower (CDP), a fresh context per run, alternating, one
//    discarded warm-up each: a page whose module script holds just the literal(s) and the
//    decoder; the decode alone (performance.now() around it), and from the script's response
//    end (Resource Timing) to the bytes ready (parse, compile and run of the script: the cost
//    of the literal itself). Medians of N;
//  - with --loads (bench-slow-line.mjs always): the whole app each way, throttled cold loads
//    (lib/slow-line.mjs), the base64 bundle being today's with the literal and the decoder
//    call swapped.
// bench-slow-line.mjs runs this too and writes it into its section of reports/speed.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { brotli, gzip } from '../scripts/precompress.mjs';
import { decodeBytes } from '../scripts/wasm-in-js.mjs';
import { launchChromium, serveDist, DIST_DIR } from './lib/harness.mjs';
import { throttledLoad } from './lib/slow-line.mjs';
import { median, ms, spread, all } from './lib/stats.mjs';
import { precompress } from '../scripts/precompress.mjs';
import { sri } from '../scripts/postbuild.mjs';

const BUNDLE_RE = /^security-matrix-[0-9a-f]+\.js$/;

// The end of the JS string literal that opens at `from` (a double quote): its index + 1.
function literalEnd(text, from) {
  for (let i = from + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  throw new Error('unterminated string literal in the bundle');
}

/** The bundle's declarations of the embedded module, and the module's bytes. */
export function readBundle(dist) {
  const name = fs.readdirSync(dist).find((f) => BUNDLE_RE.test(f));
  if (!name) throw new Error(`no security-matrix-<hash>.js in ${dist}: run ./scripts/build first`);
  const text = fs.readFileSync(path.join(dist, name), 'utf8');
  const decl = (id) => {
    const at = text.indexOf(`const ${id} = "`);
    if (at < 0) throw new Error(`the bundle has no ${id}`);
    const start = text.indexOf('"', at);
    const end = literalEnd(text, start);
    return { at, end: text.indexOf(';', end) + 1, value: vm.runInNewContext(text.slice(start, end)) };
  };
  const table = decl('__smx_table');
  const wasm = decl('__smx_wasm');
  const bytes = decodeBytes(table.value, wasm.value);
  if (bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) throw new Error('the decoded module is not WebAssembly');
  const declEnd = Math.max(table.end, wasm.end);
  return {
    name,
    text,
    bytes,
    latin1Decl: text.slice(0, declEnd),
    rest: text.slice(declEnd),
  };
}

const sizes = (s) => {
  const b = Buffer.from(s, 'utf8');
  return { raw: b.length, gzip: gzip(b).length, brotli: brotli(b).length };
};

// The test scripts: each makes the module's bytes and notes the times on window.__enc.
function scripts(bundle, b64) {
  const report = `const t1 = performance.now();
const r = performance.getEntriesByType('resource').find((e) => e.name === import.meta.url);
window.__enc = { decode: t1 - t0, fromResponse: t1 - r.responseEnd, length: b.length, magic: b[0] === 0 && b[1] === 0x61 };`;
  return {
    'latin1.js': `${bundle.latin1Decl}
${decodeBytes.toString()}
const t0 = performance.now();
const b = decodeBytes(__smx_table, __smx_wasm);
${report}`,
    'base64.js': `const __smx_wasm = "${b64}";
const t0 = performance.now();
const b = Uint8Array.fromBase64(__smx_wasm);
${report}`,
    'atob.js': `const __smx_wasm = "${b64}";
const t0 = performance.now();
const s = atob(__smx_wasm);
const b = new Uint8Array(s.length);
for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
${report}`,
  };
}

async function timeScript(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url);
    await page.waitForFunction(() => window.__enc !== undefined, null, { timeout: 60000 });
    return await page.evaluate(() => window.__enc);
  } finally {
    await context.close();
  }
}

// The bundle's call of the decoder: `NAME(__smx_table,__smx_wasm)`, or terser's inlined
// `function(e,n){…}(__smx_table,__smx_wasm)`. Its start and end in `rest`.
function decoderCall(rest) {
  const args = '(__smx_table,__smx_wasm)';
  const at = rest.indexOf(args);
  if (at < 0) throw new Error('the bundle does not call its decoder as expected');
  const start = rest[at - 1] === '}' ? rest.lastIndexOf('function(', at) : at - rest.slice(0, at).match(/[\w$]+$/)[0].length;
  return { start, end: at + args.length };
}

/**
 * A copy of dist/ in `dir` whose bundle carries the module as base64 decoded by
 * `Uint8Array.fromBase64` (the page's integrity updated, precompressed like dist/): a whole
 * working app, to time the real load each way.
 */
export function writeBase64Dist(dist, dir) {
  const bundle = readBundle(dist);
  const call = decoderCall(bundle.rest);
  const js =
    `const __smx_wasm = "${Buffer.from(bundle.bytes).toString('base64')}";\n` +
    bundle.rest.slice(0, call.start) +
    'Uint8Array.fromBase64(__smx_wasm)' +
    bundle.rest.slice(call.end);
  fs.cpSync(dist, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, bundle.name), js);
  const index = path.join(dir, 'index.html');
  const html = fs.readFileSync(index, 'utf8');
  const old = sri(Buffer.from(bundle.text, 'utf8'));
  if (!html.includes(old)) throw new Error("index.html does not carry the bundle's integrity");
  fs.writeFileSync(index, html.replace(old, sri(Buffer.from(js, 'utf8'))));
  precompress(dir);
}

/**
 * The whole app loaded each way on the slow line (lib/slow-line.mjs), alternating, one
 * discarded warm-up each: `runs` cold loads, served as the browser asks (brotli).
 */
export async function measureEncodingLoads(browser, { runs, dist = DIST_DIR }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smx-base64-'));
  const servers = [];
  try {
    writeBase64Dist(dist, dir);
    servers.push(await serveDist({ root: dist }), await serveDist({ root: dir }));
    const ways = { latin1: [], base64: [] };
    for (let i = 0; i <= runs; i++) {
      for (const [k, server] of [['latin1', servers[0]], ['base64', servers[1]]]) {
        const t = await throttledLoad(browser, server.url + '/', { kind: 'app' });
        if (i > 0) ways[k].push(t);
      }
    }
    return ways;
  } finally {
    for (const s of servers) await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Sizes and decode times of the two ways (base64 in two decoders).
 * @param {import('playwright-core').Browser} browser
 * @param {{runs: number, dist?: string}} options
 */
export async function measureEncodings(browser, { runs, dist = DIST_DIR }) {
  const bundle = readBundle(dist);
  const b64 = Buffer.from(bundle.bytes).toString('base64');
  const size = {
    latin1: sizes(bundle.text),
    base64: sizes(`const __smx_wasm = "${b64}";\n` + bundle.rest),
    wasm: { raw: bundle.bytes.length, gzip: gzip(bundle.bytes).length, brotli: brotli(bundle.bytes).length },
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smx-encoding-'));
  let server;
  try {
    const files = scripts(bundle, b64);
    for (const [name, js] of Object.entries(files)) {
      fs.writeFileSync(path.join(dir, name), js);
      fs.writeFileSync(path.join(dir, name.replace('.js', '.html')), `<!doctype html><title>${name}</title><script type="module" src="/${name}"></script>`);
    }
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>encodings</title>');
    server = await serveDist({ root: dir });
    const hasFromBase64 = await (async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(server.url + '/');
        return await page.evaluate(() => typeof Uint8Array.fromBase64 === 'function');
      } finally {
        await context.close();
      }
    })();
    const ways = ['latin1', ...(hasFromBase64 ? ['base64'] : []), 'atob'];
    const times = Object.fromEntries(ways.map((w) => [w, []]));
    for (let i = 0; i <= runs; i++) {
      for (const w of ways) {
        const t = await timeScript(browser, `${server.url}/${w}.html`);
        if (t.length !== bundle.bytes.length || !t.magic) throw new Error(`${w}: the bytes came out wrong`);
        if (i > 0) times[w].push(t);
      }
    }
    const med = (w, k) => median(times[w].map((t) => t[k]));
    const fastBase64 = hasFromBase64 ? 'base64' : 'atob';
    const gzipMore = size.base64.gzip - size.latin1.gzip;
    const summary =
      `Latin-1 ${size.latin1.gzip} B gzip / ${size.latin1.brotli} B brotli, decode ${ms(med('latin1', 'decode'))}; ` +
      `base64 ${size.base64.gzip} B gzip (${gzipMore >= 0 ? '+' : ''}${gzipMore}) / ${size.base64.brotli} B brotli, ` +
      `decode ${ms(med(fastBase64, 'decode'))} (${hasFromBase64 ? 'Uint8Array.fromBase64' : 'atob'})`;
    return { size, times, ways, hasFromBase64, runs, med, summary, chromium: browser.version() };
  } finally {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The report's lines for a measureEncodings result (and, if given, a measureEncodingLoads
 * result).
 */
export function encodingSection(r, loads) {
  const { size, med } = r;
  const label = { latin1: 'Latin-1 mapping (today)', base64: 'base64, `Uint8Array.fromBase64`', atob: 'base64, `atob` + loop' };
  const dGzip = size.base64.gzip - size.latin1.gzip;
  const dBrotli = size.base64.brotli - size.latin1.brotli;
  // At 1.6 Mbps a byte takes 5 µs: what the size difference costs in download time.
  const dlGzip = (dGzip * 8) / 1.6e3;
  const dlBrotli = (dBrotli * 8) / 1.6e3;
  const dDecode = med(r.hasFromBase64 ? 'base64' : 'atob', 'decode') - med('latin1', 'decode');
  const dScript = med(r.hasFromBase64 ? 'base64' : 'atob', 'fromResponse') - med('latin1', 'fromResponse');
  return [
    '### Carrying the WebAssembly in the script: Latin-1 mapping or base64',
    '',
    `The current bundle's module (${size.wasm.raw} bytes; the \`.wasm\` alone would be ${size.wasm.gzip} B gzip, ${size.wasm.brotli} B brotli),`,
    'carried as today (`scripts/postbuild.mjs`: a Latin-1 string with a byte mapping, decoded by `decodeBytes`) or as',
    'base64 decoded by the platform. Sizes: the whole bundle carrying it each way (the rest of the bundle as it is).',
    `Times: headless Chromium ${r.chromium}, CPU 4× slower, a page whose module script holds just the literal and the`,
    `decoder, a fresh context per run, alternating, one warm-up discarded, median of ${r.runs}; *decode* is the decoding`,
    'alone, *response end → bytes* also counts parsing and compiling the script with its literal.',
    '',
    '| way | bundle bytes | gzip -9 | brotli 11 | decode (median) | fastest / slowest | response end → bytes (median) |',
    '| --- | ---: | ---: | ---: | ---: | --- | ---: |',
    ...r.ways.map((w) => {
      const s = w === 'latin1' ? size.latin1 : size.base64;
      const d = r.times[w].map((t) => t.decode);
      return `| ${label[w]} | ${s.raw} | ${s.gzip} | ${s.brotli} | ${ms(med(w, 'decode'))} | ${spread(d)} | ${ms(med(w, 'fromResponse'))} |`;
    }),
    '',
    ...r.ways.map((w) => `All decodes (ms), ${label[w]}: ${all(r.times[w].map((t) => t.decode))}`).flatMap((l) => [l, '']),
    `Net: base64 is ${dGzip >= 0 ? '+' : ''}${dGzip} B gzip (${((dGzip / size.latin1.gzip) * 100).toFixed(1)}%), ` +
      `${dBrotli >= 0 ? '+' : ''}${dBrotli} B brotli (${((dBrotli / size.latin1.brotli) * 100).toFixed(1)}%): ` +
      `${dlGzip >= 0 ? '+' : ''}${dlGzip.toFixed(0)} ms gzip / ${dlBrotli >= 0 ? '+' : ''}${dlBrotli.toFixed(0)} ms brotli of download at 1.6 Mbps, ` +
      `against ${dDecode >= 0 ? '+' : ''}${ms(dDecode)} of decoding and ${dScript >= 0 ? '+' : ''}${ms(dScript)} from response end to the bytes, CPU 4×.`,
    ...(loads ? loadLines(loads) : []),
  ];
}

// The whole app each way on the slow line.
function loadLines(loads) {
  const med = (k, f) => median(loads[k].map((t) => t[f]));
  const row = (label, f, unit) => {
    const d = med('base64', f) - med('latin1', f);
    return `| ${label} | ${unit(med('latin1', f))} | ${unit(med('base64', f))} | ${d >= 0 ? '+' : ''}${unit(d)} |`;
  };
  return [
    '',
    `The whole app each way on the slow line (the profile above, served as the browser asks: brotli), ${loads.latin1.length} cold`,
    'loads each, alternating, one warm-up each discarded; the base64 bundle is today\'s with the literal and the decoder',
    'call swapped (`Uint8Array.fromBase64`) and the page\'s integrity updated:',
    '',
    '| median | Latin-1 (today) | base64 | base64 − Latin-1 |',
    '| --- | ---: | ---: | ---: |',
    row('bundle downloaded (Resource Timing responseEnd)', 'bundleEnd', ms),
    row('`WebAssembly.instantiate` called', 'instantiate', ms),
    row('interactive (`data-smx-ready`)', 'interactive', ms),
    row('bytes before interactive', 'bytes', (x) => `${Math.round(x)} B`),
    '',
    `All loads (ms), interactive, Latin-1: ${all(loads.latin1.map((t) => t.interactive))}`,
    '',
    `All loads (ms), interactive, base64: ${all(loads.base64.map((t) => t.interactive))}`,
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--runs');
  const runs = at >= 0 ? Number(process.argv[at + 1]) : 10;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a positive whole number');
  const browser = await launchChromium();
  try {
    const r = await measureEncodings(browser, { runs });
    const loads = process.argv.includes('--loads') ? await measureEncodingLoads(browser, { runs }) : undefined;
    console.log(encodingSection(r, loads).join('\n'));
  } finally {
    await browser.close();
  }
}

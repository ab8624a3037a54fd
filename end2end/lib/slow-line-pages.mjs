// The pages the throttled bench compares the app with, written for one run:
//  - the static twin of the start page: dist/index.html's markup and stylesheet, no script;
//  - the Yew baseline (size-baseline/, a counter), built with the same profile as the widget.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { brotli, gzip, precompress } from '../../scripts/precompress.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The attribute of the build-time pre-render of the start page in dist/index.html. */
export const PRERENDER_ATTR = 'data-smx-prerender';

/** The HTML without its scripts (and module preloads): what a page shows with no script. */
export function withoutScripts(html) {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<link\b[^>]*\brel=["']?modulepreload\b[^>]*>/gi, '');
}

/**
 * Writes `static-twin.html` into `dir` (a copy of dist/) and precompresses it like dist/:
 * dist/index.html, with its pre-rendered start page (`data-smx-prerender`), minus its
 * scripts.
 * @returns {{source: string, bytes: number}} how the twin was made
 */
export function writeTwin(dir) {
  const index = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  if (!index.includes(PRERENDER_ATTR)) throw new Error(`dist/index.html has no ${PRERENDER_ATTR} start page: build with ./scripts/build`);
  const html = withoutScripts(index);
  fs.writeFileSync(path.join(dir, 'static-twin.html'), html);
  precompress(dir);
  return { source: '`dist/index.html` (with its pre-rendered start page) minus its scripts', bytes: Buffer.byteLength(html) };
}

/**
 * Builds size-baseline/ (trunk --release, the same profile and wasm-opt as the widget) into
 * `dir`, with CARGO_TARGET_DIR from the environment (as scripts/size-report does); minifies
 * its JS with the widget's terser (as scripts/size-report does) and writes .br and .gz copies
 * beside its text files and its .wasm, so it is served compressed as a host would serve it.
 */
export async function buildBaseline(dir) {
  const env = { ...process.env, PATH: `${path.join(ROOT, 'tools', 'node_modules', '.bin')}:${process.env.PATH}` };
  execFileSync('trunk', ['build', '--offline', '--release', '--locked', '--dist', dir], {
    cwd: path.join(ROOT, 'size-baseline'),
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const { sri } = await import('../../scripts/postbuild.mjs');
  const { minifyJs } = await import('../../scripts/web.mjs');
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const file = path.join(dir, f);
    fs.writeFileSync(file, await minifyJs(fs.readFileSync(file, 'utf8')));
  }
  // Trunk's modulepreload link pins the JS with an integrity hash: the minified JS's.
  const index = path.join(dir, 'index.html');
  let html = fs.readFileSync(index, 'utf8');
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const hash = sri(fs.readFileSync(path.join(dir, f)));
    html = html.replace(/<link\b[^>]*>/gi, (tag) =>
      tag.includes(`/${f}`) ? tag.replace(/\bintegrity=("[^"]*"|'[^']*'|[^\s>]+)/i, `integrity="${hash}"`) : tag,
    );
  }
  fs.writeFileSync(index, html);
  precompress(dir);
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.wasm'))) {
    const bytes = fs.readFileSync(path.join(dir, f));
    fs.writeFileSync(path.join(dir, f + '.br'), brotli(bytes));
    fs.writeFileSync(path.join(dir, f + '.gz'), gzip(bytes));
  }
}

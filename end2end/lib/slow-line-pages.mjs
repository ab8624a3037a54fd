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
 * Writes `static-twin.html` into `dir` (a copy of dist/) and precompresses it like dist/.
 * When dist/index.html has the pre-render (`data-smx-prerender`), the twin is that file
 * minus its scripts; before it does, the twin is index.html with its body replaced by the
 * start page the app renders (read once, unthrottled).
 * @returns {Promise<{source: string}>} how the twin was made
 */
export async function writeTwin(browser, server, dir) {
  const index = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  let html;
  let source;
  if (index.includes(PRERENDER_ATTR)) {
    html = withoutScripts(index);
    source = '`dist/index.html` (with its pre-rendered start page) minus its scripts';
  } else {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(server.url + '/');
      await page.locator('[data-smx-ready] [data-testid="start-page"]').waitFor({ state: 'attached' });
      const body = await page.evaluate(() =>
        [...document.body.childNodes]
          .filter((n) => n.nodeName !== 'SCRIPT')
          .map((n) => n.outerHTML ?? n.textContent)
          .join(''),
      );
      const at = index.search(/<body\b[^>]*>/i);
      if (at < 0) throw new Error('dist/index.html has no <body>');
      const open = index.slice(at).match(/<body\b[^>]*>/i)[0];
      const close = index.search(/<\/body\s*>/i);
      html = withoutScripts(index.slice(0, at) + open + body + (close >= 0 ? index.slice(close) : '</body></html>'));
      source =
        '`dist/index.html` minus its scripts, its body replaced by the start page the app renders ' +
        '(no `data-smx-prerender` in this build yet)';
    } finally {
      await context.close();
    }
  }
  fs.writeFileSync(path.join(dir, 'static-twin.html'), html);
  precompress(dir);
  return { source, bytes: Buffer.byteLength(html) };
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
  const { minifyJs, sri } = await import('../../scripts/postbuild.mjs');
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

// The static server: MIME types, the optional CSP header, nothing served outside its root,
// precompressed files served as a host serves them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import zlib from 'node:zlib';
import { serveDist, CSP, acceptsEncoding, DIST_DIR } from '../serve-dist.mjs';
import { startEnv, openApp } from '../lib/harness.mjs';

const JS = 'export const answer = 42; // '.padEnd(400, 'x');
const CSS = '.smx { color: black } '.repeat(20);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"></svg>';

let root;
before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'smx-serve-'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(root, 'app-1234.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  fs.writeFileSync(path.join(root, 'app-1234.js'), 'export {};');
  fs.writeFileSync(path.join(root, 'styles-1234.css'), '.smx{}');
  fs.writeFileSync(path.join(os.tmpdir(), 'smx-serve-secret.txt'), 'secret');
  // Precompressed copies: both beside the JS, only gzip beside the CSS, none beside the SVG.
  const pre = path.join(root, 'pre');
  fs.mkdirSync(pre);
  fs.writeFileSync(path.join(pre, 'app.js'), JS);
  fs.writeFileSync(path.join(pre, 'app.js.br'), zlib.brotliCompressSync(JS));
  fs.writeFileSync(path.join(pre, 'app.js.gz'), zlib.gzipSync(JS));
  fs.writeFileSync(path.join(pre, 'styles.css'), CSS);
  fs.writeFileSync(path.join(pre, 'styles.css.gz'), zlib.gzipSync(CSS));
  fs.writeFileSync(path.join(pre, 'icon.svg'), SVG);
});
after(() => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(path.join(os.tmpdir(), 'smx-serve-secret.txt'), { force: true });
});

// A raw GET: fetch() would normalise `..` before sending, and would decode the body.
function rawGet(port, rawPath, headers = {}, method = 'GET') {
  return new Promise((resolve, reject) => {
    http
      .request({ host: '127.0.0.1', port, path: rawPath, headers, method }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          resolve({ status: res.statusCode, headers: res.headers, bytes, body: bytes.toString('latin1') });
        });
      })
      .on('error', reject)
      .end();
  });
}

test('serves dist files with their MIME types, wasm as application/wasm', async () => {
  const s = await serveDist({ root });
  try {
    const cases = {
      '/': 'text/html; charset=utf-8',
      '/index.html': 'text/html; charset=utf-8',
      '/app-1234.wasm': 'application/wasm',
      '/app-1234.js': 'text/javascript; charset=utf-8',
      '/styles-1234.css': 'text/css; charset=utf-8',
    };
    for (const [p, type] of Object.entries(cases)) {
      const r = await fetch(s.url + p);
      assert.equal(r.status, 200, p);
      assert.equal(r.headers.get('content-type'), type, p);
    }
    const wasm = Buffer.from(await (await fetch(s.url + '/app-1234.wasm')).arrayBuffer());
    assert.deepEqual([...wasm], [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
    assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(s.port, 0);
  } finally {
    await s.close();
  }
});

test('sends the CSP header only when asked', async () => {
  const plain = await serveDist({ root });
  const strict = await serveDist({ root, csp: true });
  try {
    assert.equal((await fetch(plain.url + '/')).headers.get('content-security-policy'), null);
    const got = (await fetch(strict.url + '/')).headers.get('content-security-policy');
    assert.equal(got, CSP);
    assert.match(got, /connect-src 'none'/);
    assert.match(got, /script-src 'self' 'wasm-unsafe-eval'/);
  } finally {
    await plain.close();
    await strict.close();
  }
});

test('answers 404 for missing files and for paths outside its root', async () => {
  const s = await serveDist({ root });
  try {
    assert.equal((await fetch(s.url + '/nope.js')).status, 404);
    const name = 'smx-serve-secret.txt';
    for (const p of [`/../${name}`, `/%2e%2e/${name}`, `/..%2f${name}`]) {
      const r = await rawGet(s.port, p);
      assert.equal(r.status, 404, p);
      assert.doesNotMatch(r.body, /secret/, p);
    }
    assert.equal((await fetch(s.url + '/', { method: 'POST' })).status, 405);
  } finally {
    await s.close();
  }
});

test('refuses to start without an index.html', async () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'smx-empty-'));
  try {
    await assert.rejects(serveDist({ root: empty }), /index\.html is missing/);
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
});

test('reads Accept-Encoding as RFC 9110 says: names, q-values, *', () => {
  assert.equal(acceptsEncoding('gzip, deflate, br, zstd', 'br'), true);
  assert.equal(acceptsEncoding('gzip, deflate, br, zstd', 'gzip'), true);
  assert.equal(acceptsEncoding('gzip, deflate', 'br'), false);
  assert.equal(acceptsEncoding('br;q=0, gzip', 'br'), false);
  assert.equal(acceptsEncoding('BR ; Q=0.5', 'br'), true);
  assert.equal(acceptsEncoding('*', 'br'), true);
  assert.equal(acceptsEncoding('*;q=0, gzip', 'br'), false);
  assert.equal(acceptsEncoding('br;q=0, *', 'br'), false, 'a named coding wins over *');
  assert.equal(acceptsEncoding('identity', 'gzip'), false);
  assert.equal(acceptsEncoding('', 'gzip'), false);
  assert.equal(acceptsEncoding(undefined, 'gzip'), false);
});

test('serves the .br or the .gz beside a file as a host with precompressed files does', async () => {
  const s = await serveDist({ root });
  try {
    const get = (p, ae) => rawGet(s.port, p, ae === undefined ? {} : { 'Accept-Encoding': ae });
    const js = 'text/javascript; charset=utf-8';
    // [path, Accept-Encoding, the encoding sent, its Content-Type, the body once decoded]
    const cases = [
      ['/pre/app.js', 'gzip, deflate, br, zstd', 'br', js, JS],
      ['/pre/app.js', 'gzip, deflate', 'gzip', js, JS],
      ['/pre/app.js', 'br;q=0, gzip;q=0.8', 'gzip', js, JS],
      ['/pre/app.js', 'br, gzip;q=0', 'br', js, JS],
      ['/pre/app.js', 'identity', undefined, js, JS],
      ['/pre/app.js', undefined, undefined, js, JS],
      ['/pre/styles.css', 'br, gzip', 'gzip', 'text/css; charset=utf-8', CSS],
      ['/pre/styles.css', 'br', undefined, 'text/css; charset=utf-8', CSS],
      ['/pre/icon.svg', 'br, gzip', undefined, 'image/svg+xml', SVG],
      ['/index.html', 'br, gzip', undefined, 'text/html; charset=utf-8', '<!doctype html><title>t</title>'],
    ];
    for (const [p, ae, coding, type, text] of cases) {
      const what = `${p} with Accept-Encoding: ${ae}`;
      const r = await get(p, ae);
      assert.equal(r.status, 200, what);
      assert.equal(r.headers['content-encoding'], coding, what);
      assert.equal(r.headers['content-type'], type, what);
      assert.equal(Number(r.headers['content-length']), r.bytes.length, what);
      const hasCopies = p.startsWith('/pre/') && !p.endsWith('.svg');
      assert.equal(r.headers.vary, hasCopies ? 'Accept-Encoding' : undefined, what);
      const decode = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync }[coding] ?? ((b) => b);
      if (coding) assert.notEqual(r.bytes.toString(), text, `${what}: sent compressed`);
      assert.equal(decode(r.bytes).toString(), text, what);
      assert.equal(s.log.at(-1).encoding, coding ?? null, what);
    }
    // HEAD: the same headers, no body.
    const head = await rawGet(s.port, '/pre/app.js', { 'Accept-Encoding': 'br' }, 'HEAD');
    assert.equal(head.headers['content-encoding'], 'br');
    assert.equal(Number(head.headers['content-length']), fs.statSync(path.join(root, 'pre/app.js.br')).size);
    assert.equal(head.bytes.length, 0);
    // fetch() asks for br and gzip, and decodes what it gets.
    assert.equal(await (await fetch(s.url + '/pre/app.js')).text(), JS);
    // No compressed copy of a missing file, and none of a folder.
    assert.equal((await get('/pre/nope.js', 'br, gzip')).status, 404);
    assert.equal((await get('/pre', 'br, gzip')).status, 404);
  } finally {
    await s.close();
  }
});

test('Chromium gets the built files as their .br copies, and the app starts: integrity holds', async () => {
  const env = await startEnv({ csp: true, root: DIST_DIR });
  try {
    const s = await openApp(env.browser, env.server);
    await s.assertClean();
    await s.close();
    const files = env.server.log.filter((e) => e.status === 200);
    assert.ok(files.length >= 3, `only ${files.length} files served`);
    for (const e of files) assert.equal(e.encoding, 'br', `${e.path} sent as ${e.encoding ?? 'it is'}`);
  } finally {
    await env.close();
  }
});

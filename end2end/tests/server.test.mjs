// The static server: MIME types, the optional CSP header, nothing served outside its root.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { serveDist, CSP } from '../serve-dist.mjs';

let root;
before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'smx-serve-'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(root, 'app-1234.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  fs.writeFileSync(path.join(root, 'app-1234.js'), 'export {};');
  fs.writeFileSync(path.join(root, 'styles-1234.css'), '.smx{}');
  fs.writeFileSync(path.join(os.tmpdir(), 'smx-serve-secret.txt'), 'secret');
});
after(() => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(path.join(os.tmpdir(), 'smx-serve-secret.txt'), { force: true });
});

// A raw GET: fetch() would normalise `..` before sending.
function rawGet(port, rawPath) {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: rawPath }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode, body }));
      })
      .on('error', reject);
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

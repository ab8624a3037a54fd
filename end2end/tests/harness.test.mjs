// The harness's own checks must be able to fail: each small fixture page below breaks one
// rule, and the matching assertion has to reject it (and a clean page has to pass).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, openApp, serveDist, expectText, expectTimes } from '../lib/harness.mjs';
import { assertNoAxeViolations } from '../lib/axe.mjs';

const page = (body, head = '') =>
  `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>fixture</title>${head}</head>` +
  `<body><main data-testid="app" data-smx-ready>${body}</main></body></html>`;

const FIXTURES = {
  'index.html': page('<h1>Clean</h1><p data-ref="1.2">Due <time datetime="2027-02-01">1 February 2027</time></p>'),
  'offsite.html': page('<h1>Offsite</h1><img alt="" src="https://tracker.invalid/pixel.gif">'),
  'later.html': page(
    '<h1>Later</h1><button type="button" data-testid="go">Go</button>',
    '<script src="/later.js" defer></script>',
  ),
  'later.js': `document.querySelector('[data-testid=go]').addEventListener('click', () => fetch('/data.json'));`,
  'data.json': '{}',
  // The words module is the one load allowed after the initial assets, and only once.
  'words.html': page(
    '<h1>Words</h1><button type="button" data-testid="go">Go</button>',
    '<script src="/words.js" defer></script>',
  ),
  'words.js': `document.querySelector('[data-testid=go]').addEventListener('click', () => {
    const s = document.createElement('script');
    s.src = '/security-matrix-words-0123456789abcdef.js?' + document.querySelectorAll('script').length;
    document.head.append(s);
  });`,
  'security-matrix-words-0123456789abcdef.js': '// words',
  'console.html': page('<h1>Console</h1>', '<script src="/console.js"></script>'),
  'console.js': `console.error('boom from the fixture');`,
  'inline.html': page('<h1>Inline</h1>', `<script>document.title = 'inline ran';</script>`),
  'inaccessible.html': page('<h1>Axe</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button type="button"></button>'),
  'slow-text.html': page('<h1 data-testid="h">before</h1>', '<script src="/slow-text.js" defer></script>'),
  'slow-text.js': `requestAnimationFrame(() => requestAnimationFrame(() => { document.querySelector('[data-testid=h]').textContent = 'after'; }));`,
};

let root, server, cspServer, browser;
before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'smx-fixtures-'));
  for (const [name, body] of Object.entries(FIXTURES)) fs.writeFileSync(path.join(root, name), body);
  server = await serveDist({ root });
  cspServer = await serveDist({ root, csp: true });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await cspServer?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

test('a clean page passes every check', async () => {
  const s = await openApp(browser, server);
  try {
    assert.ok(s.initialRequests.length >= 1);
    assert.equal(s.initialRequests[0].url, server.url + '/');
    await s.assertClean();
    await assertNoAxeViolations(s.page);
  } finally {
    await s.close();
  }
});

test('a clean page passes under the CSP header too', async () => {
  const s = await openApp(browser, cspServer);
  try {
    await s.assertClean();
    await assertNoAxeViolations(s.page);
  } finally {
    await s.close();
  }
});

test('a request off 127.0.0.1 is recorded, blocked and reported', async () => {
  const s = await openApp(browser, server, { path: '/offsite.html' });
  try {
    assert.ok(s.requests.some((r) => r.url === 'https://tracker.invalid/pixel.gif'));
    await assert.rejects(s.assertClean(), /requests that leave http:\/\/127\.0\.0\.1:\d+:\n.*tracker\.invalid/);
  } finally {
    await s.close();
  }
});

test('a request after the initial assets is reported', async () => {
  const s = await openApp(browser, server, { path: '/later.html' });
  try {
    await s.assertClean(); // nothing yet
    await s.page.getByTestId('go').click();
    await s.page.waitForResponse((r) => r.url().endsWith('/data.json'));
    await assert.rejects(s.assertClean(), /requests after the initial assets[^\n]*\n.*\[after-load\] GET .*\/data\.json/);
  } finally {
    await s.close();
  }
});

test('the words module may load once after the initial assets; a second load is reported', async () => {
  const s = await openApp(browser, server, { path: '/words.html' });
  try {
    const go = async (n) => {
      await s.page.getByTestId('go').click();
      await s.page.waitForFunction(
        (n) => performance.getEntriesByType('resource').filter((e) => e.name.includes('security-matrix-words-')).length === n,
        n,
      );
    };
    await go(1);
    await s.assertClean();
    await go(2);
    await assert.rejects(s.assertClean(), /the words module was loaded more than once/);
  } finally {
    await s.close();
  }
});

test('a console error is reported', async () => {
  const s = await openApp(browser, server, { path: '/console.html' });
  try {
    await assert.rejects(s.assertClean(), /console errors:\n.*boom from the fixture/);
  } finally {
    await s.close();
  }
});

test('a CSP violation is recorded by the init script and reported', async () => {
  const s = await openApp(browser, cspServer, { path: '/inline.html' });
  try {
    assert.notEqual(await s.page.title(), 'inline ran');
    const v = await s.cspViolations();
    assert.equal(v.length, 1);
    assert.equal(v[0].directive, 'script-src-elem');
    await assert.rejects(s.assertClean(), /CSP violations:\n\s+script-src-elem blocked inline/);
  } finally {
    await s.close();
  }
});

test('axe violations fail with a readable list', async () => {
  const s = await openApp(browser, server, { path: '/inaccessible.html' });
  try {
    await assert.rejects(assertNoAxeViolations(s.page), (e) => {
      assert.match(e.message, /axe violation\(s\) of wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa/);
      assert.match(e.message, /- image-alt \(critical\): Images must have alternative text/);
      assert.match(e.message, /- button-name \(critical\)/);
      assert.match(e.message, /at img\n/);
      return true;
    });
  } finally {
    await s.close();
  }
});

test('expectText waits for the text and reports what it saw', async () => {
  const s = await openApp(browser, server, { path: '/slow-text.html' });
  try {
    await expectText(s.page, '[data-testid="h"]', 'after');
    await assert.rejects(expectText(s.page, '[data-testid="h"]', 'other', { timeout: 200 }), (e) => {
      assert.match(e.message, /text of \[data-testid="h"\]/);
      assert.match(e.message, /'after'/);
      return true;
    });
  } finally {
    await s.close();
  }
});

test('expectTimes compares the <time datetime> values of one element', async () => {
  const s = await openApp(browser, server);
  try {
    await expectTimes(s.page, '[data-ref="1.2"]', '2027-02-01');
    await assert.rejects(expectTimes(s.page, '[data-ref="1.2"]', '2027-02-02', { timeout: 200 }), /2027-02-01/);
    await assert.rejects(expectTimes(s.page, '[data-ref="9.9"]', '2027-02-01', { timeout: 200 }), /exactly one element/);
  } finally {
    await s.close();
  }
});

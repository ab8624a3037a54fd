// The WebKit harness catches what it says it catches (lib.mjs, assertClean): a request to
// the server after the app was ready, a CSP violation, a console error and an uncaught
// error, each caused on purpose in a page that was clean a moment before.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWebKitEnv, openApp } from './lib.mjs';
import { tid } from '../lib/flow.mjs';

let env;
before(async () => {
  env = await startWebKitEnv();
});
after(async () => {
  await env?.close();
});

const CASES = [
  // An image: the policy allows images from the page's origin (fetch() is refused by
  // connect-src 'none', and that is reported as a CSP violation instead).
  ['a request after the app was ready', () => { new Image().src = '/no-such-image.png'; }, /requests after the app was ready:\n {2}GET \/no-such-image\.png/],
  [
    'a CSP violation (an inline script, which index.html\'s policy forbids)',
    () => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
    },
    /CSP violations:\n {2}script-src/,
  ],
  ['a console error', () => console.error('broken on purpose'), /console\.error: broken on purpose/],
  ['an uncaught error', () => setTimeout(() => { throw new Error('thrown on purpose'); }), /uncaught: .*thrown on purpose/],
];

for (const [what, cause, expected] of CASES) {
  test(`assertClean fails on ${what}`, async () => {
    const s = await openApp(env, { fragment: '#schedule=df' });
    try {
      await s.page.locator(tid('question-subjects')).waitFor();
      await s.assertClean();
      await s.page.evaluate(cause);
      // assertClean is asked again until it fails (what was caused has happened: the
      // request served, the event dispatched), for up to 5 s; a pass all along fails here.
      await assert.rejects(
        s.page.driver.wait(async () => {
          await s.assertClean();
          return false;
        }, 5000),
        (e) => expected.test(e.message) || assert.fail(`assertClean said: ${e.message}`),
      );
    } finally {
      await s.close();
    }
  });
}

// The built widget in headless Chromium (playwright-core from tools/, Debian's chromium):
// its own page under the CSP, both embeds on the example portal page, the same from a portal
// on another origin with a strict CSP of its own, hostile host styles, Subresource Integrity
// refusing a changed file, the panic fallback, and a direct mount on a host that enforces
// Trusted Types. Self-contained: two tiny local servers.
// Run by `scripts/test embed`; alone: SMX_DIST=dist node --test scripts/check-embed.test.mjs
// Screenshots go to target/embed-check/ (set SMX_SHOTS to change).
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { runPrerender } from "./prerender.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIST = path.resolve(ROOT, process.env.SMX_DIST ?? "dist");
const SHOTS = path.resolve(ROOT, process.env.SMX_SHOTS ?? "target/embed-check");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const { chromium } = createRequire(path.join(ROOT, "tools/package.json"))("playwright-core");

// The storage key and the page's policy, as the app's configuration has them (prerender/src/config.rs).
const { storageKey: STORAGE_KEY, csp: CSP } = runPrerender().config;
const TYPE = "security-matrix:height";
// A complete DF deep link (README): opens the result page.
const RESULT_LINK = "#schedule=df&subjects=3000&special=0&value=200000&months=18&access=no&commencement=2027-01-04";

// A tender's presets (README, the issue's example): the Customer's six answers, fixed.
const TENDER_PRESETS =
  "schedule=df&value=450000&months=36&subjects=3000&special=40&professional=no&access=yes&fixed=value,months,subjects,special,professional,access&tender=Prison%20education%20services&tender_ref=MOJ-2027-041";
const FIXED = ["value", "months", "subjects", "special", "professional", "access"];

// The policy README documents as the header for the widget's files.
const widgetCsp = (frameAncestors) => `${CSP}; frame-ancestors ${frameAncestors}`;

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8" };

let widget; // serves dist/ like a static host: the CSP header, CORS for other origins' pages
let portal; // another origin: the example portal page, pointed at the widget's origin
let browser;
let tamper = false; // serve a changed module, to see Subresource Integrity refuse it
const requests = []; // every request either server saw

function listen(handler, host) {
  return new Promise((resolve) => {
    const server = http.createServer(handler);
    server.listen(0, "127.0.0.1", () => resolve({ server, origin: `http://${host}:${server.address().port}` }));
  });
}

function serveFile(res, file, headers) {
  let body;
  try {
    body = readFileSync(file);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
    return;
  }
  if (tamper && /security-matrix-[0-9a-f]{16}\.js$/.test(file)) body = Buffer.concat([body, Buffer.from("\n// changed\n")]);
  res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", ...headers });
  res.end(body);
}

before(async () => {
  widget = await listen((req, res) => {
    requests.push({ server: "widget", url: req.url, cookie: req.headers.cookie });
    let p = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (p.endsWith("/")) p += "index.html";
    serveFile(res, path.join(DIST, path.normalize(p)), {
      "content-security-policy": widgetCsp(`'self' ${portal.origin}`),
      "access-control-allow-origin": "*",
      "x-content-type-options": "nosniff",
    });
  }, "127.0.0.1");
  portal = await listen((req, res) => {
    requests.push({ server: "portal", url: req.url, cookie: req.headers.cookie });
    const url = new URL(req.url, "http://x");
    if (url.pathname === "/trusted-types/") {
      serveTrustedTypesHost(res, url);
      return;
    }
    if (url.pathname !== "/") {
      res.writeHead(404);
      res.end();
      return;
    }
    // The example page as a host would copy it: its relative URLs made absolute, pointing at
    // the widget's origin. `?clean` leaves out the hostile styles.
    let html = readFileSync(path.join(DIST, "example/index.html"), "utf8");
    html = html.replace(/\s(src|href)="(?!data:)([^"]+)"/g, (_, name, url) => ` ${name}="${new URL(url, `${widget.origin}/example/`).href}"`);
    if (url.searchParams.has("clean")) html = html.replace(/<link[^>]*data-hostile[^>]*>/, "");
    const w = widget.origin;
    res.writeHead(200, {
      "content-type": TYPES[".html"],
      // A strict host: the widget's origin for scripts, styles and the frame; no connections.
      "content-security-policy": `default-src 'none'; script-src ${w} 'wasm-unsafe-eval'; style-src ${w}; frame-src ${w}; img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'`,
    });
    res.end(html);
  }, "localhost");
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
  mkdirSync(SHOTS, { recursive: true });
});

// A host that enforces Trusted Types: `require-trusted-types-for 'script'` makes every
// string that reaches an HTML, script or script-URL sink (innerHTML, script.src, eval…) an
// error and a violation report. It mounts the widget directly, in the two ways README
// documents: `?via=loader`, the stable loader (which adds the hashed module and stylesheet
// through a Trusted Types policy of its own, "security-matrix", the one name this host's
// `trusted-types` allows), and `?via=tags`, the two tags copied from the built index.html
// (parsed from the HTML, so no sink at all).
function serveTrustedTypesHost(res, url) {
  const w = widget.origin;
  // `&presets`: a tender's presets on the mount (data-answers).
  const presets = url.searchParams.has("presets") ? ` data-answers="${TENDER_PRESETS.replaceAll("&", "&amp;")}"` : "";
  let head;
  if (url.searchParams.get("via") === "tags") {
    const index = readFileSync(path.join(DIST, "index.html"), "utf8");
    const tags = [...index.matchAll(/<script type="module"[^>]*><\/script>|<link[^>]*rel="?stylesheet[^>]*>/g)].map((m) => m[0]);
    assert.equal(tags.length, 2, "the module and the stylesheet in index.html");
    head = tags
      .map((t) => t.replace(/\s(src|href)=("?)\/([^"\s>]+)\2/, (_, name, _q, file) => ` ${name}="${w}/${file}"`))
      .map((t) => (t.includes("crossorigin") ? t : t.replace(/>$/, ' crossorigin="anonymous">')))
      .join("\n");
  } else {
    head = `<script src="${w}/security-matrix-loader.js" defer></script>`;
  }
  res.writeHead(200, {
    "content-type": TYPES[".html"],
    "content-security-policy":
      `default-src 'none'; script-src ${w} 'wasm-unsafe-eval'; style-src ${w}; img-src data:; connect-src 'none'; ` +
      "base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types security-matrix",
  });
  res.end(`<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Trusted Types host</title>
<link rel="icon" href="data:,">${head}</head>
<body><main><h1>A host that enforces Trusted Types</h1>
<div data-security-matrix data-heading-level="2"${presets}><p>Loading the security self-assessment…</p></div></main></body></html>`);
}

after(async () => {
  await browser?.close();
  widget?.server.close();
  portal?.server.close();
});

/**
 * A fresh page (own storage), recording console errors, CSP violations and messages.
 * Portal pages that are clicked in get a tall viewport: right after a scroll, headless
 * Chromium can route a click to the cross-origin frame that was under the point before the
 * scroll (stale hit-test data), which no person clicking would meet.
 */
async function open(url, { width = 1000, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  const log = { errors: [], requests: [], warnings: [] };
  page.on("console", (m) => m.type() === "error" && log.errors.push(m.text()));
  page.on("console", (m) => m.type() === "warning" && log.warnings.push(m.text()));
  page.on("pageerror", (e) => log.errors.push(`pageerror: ${e.message}`));
  page.on("request", (r) => log.requests.push(r.url()));
  await context.addInitScript(() => {
    window.__violations = [];
    window.__messages = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample ?? ""}`.trim()));
    window.addEventListener("message", (e) => window.__messages.push({ origin: e.origin, keys: Object.keys(e.data ?? {}).sort(), data: e.data }));
  });
  await page.goto(url);
  return { page, context, log };
}

const heading = (scope) => scope.locator('[data-testid="page-heading"]').first();

/** Only the widget's and the portal's own origins were asked for anything. */
function assertOnlyOwnOrigins(log) {
  for (const u of log.requests) {
    if (u.startsWith("data:")) continue;
    const o = new URL(u).origin;
    assert.ok(o === widget.origin || o === portal.origin, `request to ${u}`);
  }
}

async function settleFrameHeight(page) {
  const frame = page.locator("iframe[data-security-matrix-frame]");
  await page.waitForFunction(() => {
    const f = document.querySelector("iframe[data-security-matrix-frame]");
    return f && f.style.height && parseInt(f.style.height, 10) > 300;
  });
  return frame;
}

test("the widget's own page works under its CSP, sends nothing and sets no cookie", async () => {
  const { page, context, log } = await open(`${widget.origin}/`);
  await heading(page).waitFor();
  assert.equal(await heading(page).textContent(), "Work out your security level");
  assert.equal(await page.locator("[data-smx-placeholder]").count(), 0, "the loading message is gone");
  const before = log.requests.length;
  await page.click('[data-testid="start"]');
  await page.fill('[data-testid="answer"]', "3000");
  await page.click('[data-testid="continue"]');
  await page.waitForSelector('[data-testid="question-special"]');
  assert.equal(log.requests.length, before, `answering made requests: ${log.requests.slice(before)}`);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(log.errors, []);
  assertOnlyOwnOrigins(log);
  assert.deepEqual(await context.cookies(), []);
  assert.ok(requests.every((r) => !r.cookie), "no request carried a cookie");
  assert.equal(await page.evaluate(() => window.__messages.length), 0, "not framed: no message");
  // The calendar file is made in the page: a download, and no request to a server but the
  // take-aways module that writes it, once, from the widget's own origin (a script).
  await page.goto(`${widget.origin}/${RESULT_LINK}&view=plan`);
  await page.waitForSelector('[data-testid="result"][data-view="plan"]');
  const made = log.requests.length;
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="download-ics"]')]);
  assert.match(download.suggestedFilename(), /\.ics$/);
  const later = log.requests.slice(made).filter((u) => !u.startsWith("blob:"));
  assert.equal(later.length, 1, `${log.requests.slice(made)}`);
  assert.match(later[0], new RegExp(`^${widget.origin}/security-matrix-takeaways-[0-9a-f]{16}\\.js$`));
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await context.close();
});

test("the example portal page renders both embeds, and the iframe fits its content", async () => {
  const { page, context, log } = await open(`${widget.origin}/example/`);
  const frame = await settleFrameHeight(page);
  const inner = page.frameLocator("iframe[data-security-matrix-frame]");
  assert.equal(await heading(inner).textContent(), "Work out your security level");
  const direct = page.locator("[data-security-matrix]");
  await heading(direct).waitFor();
  // data-heading-level="3", data-schedule-choice="false", data-schedule="sm2017"
  assert.equal(await heading(direct).evaluate((h) => h.tagName), "H3");
  assert.equal(await direct.locator('[data-testid="schedule-df"]').count(), 0);
  assert.equal(await page.title(), "Example tender portal: the Security Matrix widget embedded two ways", "the host keeps its title");
  const contentHeight = await page.frames()[1].evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  assert.equal(await frame.evaluate((f) => f.style.height), `${contentHeight}px`);
  await page.screenshot({ path: path.join(SHOTS, "portal-same-origin.png"), fullPage: true });
  await direct.locator('[data-testid="start"]').click();
  await direct.locator('[data-testid="question-effective"]').waitFor(); // the 2017 schedule's first question
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(log.errors, []);
  assertOnlyOwnOrigins(log);
  await context.close();
});

test("a portal on another origin, with a strict CSP of its own, gets both embeds; the frame's messages are only its height", async () => {
  const { page, context, log } = await open(`${portal.origin}/`);
  const frame = await settleFrameHeight(page);
  const direct = page.locator("[data-security-matrix]");
  await heading(direct).waitFor();
  const messages = await page.evaluate(() => window.__messages);
  assert.ok(messages.length >= 1);
  for (const m of messages) {
    assert.equal(m.origin, widget.origin);
    assert.deepEqual(m.keys, ["height", "type"]);
    assert.equal(m.data.type, TYPE);
    assert.ok(Number.isInteger(m.data.height) && m.data.height > 0, JSON.stringify(m.data));
  }
  assert.equal(await frame.evaluate((f) => f.style.height), `${messages.at(-1).data.height}px`);

  // The content grows: a new message, and the frame follows.
  const sent = messages.length;
  const inner = page.frameLocator("iframe[data-security-matrix-frame]");
  await inner.locator('[data-testid="start"]').click();
  await inner.locator('[data-testid="continue"]').click(); // empty: the error summary appears
  await inner.locator('[data-testid="error-summary"]').waitFor();
  await page.waitForFunction((n) => window.__messages.length > n, sent);
  const last = await page.evaluate(() => window.__messages.at(-1).data.height);
  await page.waitForFunction((h) => document.querySelector("iframe").style.height === `${h}px`, last);

  // A message from anywhere but that frame is ignored.
  await page.evaluate((type) => window.postMessage({ type, height: 7 }, "*"), TYPE);
  await page.waitForTimeout(100);
  assert.equal(await frame.evaluate((f) => f.style.height), `${last}px`);

  await page.screenshot({ path: path.join(SHOTS, "portal-cross-origin.png"), fullPage: true });
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(log.errors, []);
  assertOnlyOwnOrigins(log);
  assert.deepEqual(await context.cookies(), []);
  await context.close();
});

/** Every element of the direct mount: box relative to the widget, and the styles that show. */
function layout(page) {
  return page.evaluate(() => {
    const root = document.querySelector("[data-security-matrix] > .smx");
    const r0 = root.getBoundingClientRect();
    const props = ["font-family", "font-size", "font-weight", "font-style", "line-height", "color", "background-color", "text-transform", "letter-spacing", "text-indent", "text-decoration-line", "margin-top", "margin-left", "padding-top", "padding-left", "border-top-width", "display", "float", "width", "list-style-type", "opacity", "appearance"];
    const round = (x) => Math.round(x * 2) / 2;
    return [root, ...root.querySelectorAll("*")].map((el) => {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      return {
        el: el.tagName.toLowerCase() + (el.getAttribute("data-testid") ? `[${el.getAttribute("data-testid")}]` : el.className ? `.${String(el.className).split(" ")[0]}` : ""),
        box: [round(r.left - r0.left), round(r.top - r0.top), round(r.width), round(r.height)].join(","),
        style: props.map((p) => cs.getPropertyValue(p)).join("|"),
      };
    });
  });
}

function assertSameLayout(clean, hostile, where) {
  assert.equal(hostile.length, clean.length, `${where}: element count`);
  const diffs = clean
    .map((c, i) => [c, hostile[i]])
    .filter(([c, h]) => c.el !== h.el || c.box !== h.box || c.style !== h.style)
    .map(([c, h]) => `${c.el}: ${c.box} ${c.style}\n   hostile ${h.el}: ${h.box} ${h.style}`);
  assert.deepEqual(diffs, [], `${where}: the host's styles changed the widget`);
}

test("hostile host styles do not change the widget's layout (start, question, error and result pages)", async () => {
  const pages = {};
  for (const variant of ["clean", "hostile"]) {
    const url = `${portal.origin}/${variant === "clean" ? "?clean" : ""}`;
    const { page, context } = await open(url, { height: 3000 });
    const direct = page.locator("[data-security-matrix]");
    const shots = {};
    await heading(direct).waitFor();
    await settleFrameHeight(page); // the frame above grows: let the layout settle first
    shots.start = await layout(page);
    // The 2017 schedule: a date question (with an error), then a radio question.
    await direct.locator('[data-testid="start"]').click();
    await direct.locator('[data-testid="date-day"]').fill("40");
    await direct.locator('[data-testid="date-month"]').fill("1");
    await direct.locator('[data-testid="date-year"]').fill("2027");
    await direct.locator('[data-testid="continue"]').click();
    await direct.locator('[data-testid="error-summary"]').waitFor();
    shots.error = await layout(page);
    await direct.locator('[data-testid="date-day"]').fill("14");
    await direct.locator('[data-testid="date-month"]').fill("12");
    await direct.locator('[data-testid="date-year"]').fill("2026");
    await direct.locator('[data-testid="continue"]').click();
    await direct.locator('[data-testid="option-yes"]').waitFor();
    shots.radios = await layout(page);
    await page.goto(`${url}${RESULT_LINK}`);
    await direct.locator('[data-testid="level"]').waitFor();
    shots.result = await layout(page);
    await direct.screenshot({ path: path.join(SHOTS, `direct-result-${variant}.png`) });
    pages[variant] = shots;
    await context.close();
  }
  for (const where of ["start", "error", "radios", "result"]) {
    assert.ok(pages.clean[where].length > 8, `${where}: ${pages.clean[where].length} elements`);
    assertSameLayout(pages.clean[where], pages.hostile[where], where);
  }
});

test("Subresource Integrity: a changed module is refused, and the page says so instead of going blank", async () => {
  tamper = true;
  try {
    const own = await open(`${widget.origin}/`);
    // The boot script (web/boot.js) sees the module refused: the pre-rendered start
    // page, whose Start could not work, gives way to the message.
    await own.page.locator('[data-smx-placeholder] [role="alert"]').waitFor();
    assert.equal(await own.page.locator('[data-testid="page-heading"]').isVisible(), false);
    assert.match(await own.page.locator("[data-smx-placeholder]").textContent(), /could not start/);
    assert.ok(own.log.errors.some((e) => /integrity/i.test(e)), own.log.errors.join("\n"));
    await own.context.close();
    const host = await open(`${portal.origin}/`);
    const direct = host.page.locator("[data-security-matrix]");
    await direct.locator('[role="alert"]').waitFor();
    assert.match(await direct.textContent(), /could not be loaded/);
    await host.context.close();
  } finally {
    tamper = false;
  }
});

test("a panic shows a readable message with Start again, which forgets the answers", async () => {
  for (const [where, url, scope] of [
    ["own page", `${widget.origin}/${RESULT_LINK}`, "body"],
    ["direct mount", `${portal.origin}/${RESULT_LINK}`, "[data-security-matrix]"],
  ]) {
    const { page, context, log } = await open(url, { height: 3000 });
    const mount = page.locator(scope).first();
    await mount.locator('[data-testid="level"]').waitFor();
    if (scope !== "body") await settleFrameHeight(page);
    assert.ok(await page.evaluate((k) => sessionStorage.getItem(k), STORAGE_KEY), `${where}: answers stored`);
    // A host script (or a browser extension) removes a node the widget manages; the next
    // page change then fails inside Yew and panics.
    await page.evaluate((s) => document.querySelector(`${s} [data-testid="footer"]`).remove(), scope);
    // By keyboard: the button is far down the page (see open() on clicks after a scroll).
    await mount.locator('[data-testid="change-answers"]').press("Enter");
    const fallback = mount.locator('[data-testid="fallback"]');
    await fallback.waitFor();
    assert.equal(await fallback.getAttribute("role"), "alert");
    assert.equal(await fallback.getAttribute("data-smx-fallback"), "panic", "the panic hook's (web/fallback.js, called by src/embed.rs)");
    assert.match(await fallback.textContent(), /stopped.*Sorry, something went wrong.*Nothing you entered has been sent anywhere/s);
    assert.ok(log.errors.some((e) => /panicked/.test(e)), `${where}: the panic is in the console`);
    if (scope !== "body") {
      assert.equal(await page.locator("h1").textContent(), "Tender MOJ-2027-014: managed print services", "the host page is intact");
    }
    await mount.screenshot({ path: path.join(SHOTS, `fallback-${where.replace(" ", "-")}.png`) });
    await Promise.all([page.waitForEvent("load"), mount.locator('[data-testid="fallback-start-again"]').click()]);
    await heading(page.locator(scope).first()).waitFor();
    assert.equal(await page.evaluate((k) => sessionStorage.getItem(k), STORAGE_KEY), null, `${where}: answers forgotten`);
    assert.equal(await page.locator('[data-testid="start"]').count() > 0, true, `${where}: back at the start`);
    await context.close();
  }
});

test("the example tender page sets the Customer's answers both ways: only the bidder's side is asked", async () => {
  const { page, context, log } = await open(`${widget.origin}/example/tender.html`, { height: 3000 });
  await settleFrameHeight(page);
  const inner = page.frameLocator("iframe[data-security-matrix-frame]");
  const direct = page.locator("[data-security-matrix]");
  for (const [where, scope] of [["iframe", inner], ["direct mount", direct]]) {
    // Straight to "Do you have other Call-Off Contracts?"
    await scope.locator('[data-testid="question-other"]').waitFor();
    await scope.locator('[data-testid="option-no"]').check();
    await scope.locator('[data-testid="continue"]').click();
    await scope.locator('[data-testid="question-commencement"]').waitFor();
    await scope.locator('[data-testid="skip"]').click();
    await scope.locator('[data-testid="option-a"]').check();
    await scope.locator('[data-testid="continue"]').click();
    await scope.locator('[data-testid="option-unsure"]').check();
    await scope.locator('[data-testid="continue"]').click();
    await scope.locator('[data-testid="check-answers"]').waitFor();
    for (const key of FIXED) {
      assert.equal(await scope.locator(`[data-testid="fixed-${key}"]`).textContent(), "Set by the Customer for this tender", `${where}: ${key}`);
      assert.equal(await scope.locator(`[data-testid="change-${key}"]`).count(), 0, `${where}: no Change for ${key}`);
    }
    assert.equal(await scope.locator('[data-testid="change-route"]').count(), 1, `${where}: the bidder's own answers can change`);
    await scope.locator('[data-testid="show-result"]').click();
    await scope.locator('[data-testid="level"]').waitFor();
    assert.equal(await scope.locator('[data-testid="level"]').textContent(), "S6");
    assert.equal(await scope.locator('[data-testid="tender-name"]').first().textContent(), "Prison education services (MOJ-2027-041)", where);
  }
  // (Chromium warns of itself about the frame's sandbox; the widget says nothing.)
  assert.deepEqual(log.warnings.filter((w) => w.startsWith("Security Matrix widget:")), [], "good presets: nothing in the console");
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(log.errors, []);
  assertOnlyOwnOrigins(log);
  await context.close();
});

test("a bad preset: its question is asked with a notice, and the console gets one message naming the key", async () => {
  const bad = TENDER_PRESETS.replace("value=450000", "value=lots").replace("fixed=", "fixed=colour,");
  const { page, context, log } = await open(`${widget.origin}/`);
  await page.locator("[data-smx-ready]").waitFor();
  const warned = page.waitForEvent("console", { predicate: (m) => m.text().startsWith("Security Matrix widget:") });
  await page.goto(`${widget.origin}/#${bad}`); // (the same page: a link opened while it shows)
  await page.locator('[data-testid="question-value"]').waitFor();
  assert.match(await page.locator('[data-testid="preset-notice"]').textContent(), /could not be used/);
  await warned;
  const ours = log.warnings.filter((w) => w.startsWith("Security Matrix widget:"));
  assert.equal(ours.length, 1, ours.join("\n"));
  assert.match(ours[0], /"fixed=value"/);
  assert.match(ours[0], /"fixed=colour"/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

/** Waits for `locator`; on a timeout, fails with the page's CSP violations and console errors. */
async function waitOrExplain(page, log, locator, step) {
  try {
    await locator.waitFor();
  } catch (e) {
    const violations = await page.evaluate(() => window.__violations);
    assert.fail(`${step}: ${e.message.split("\n")[0]}\nviolations: ${JSON.stringify(violations)}\nconsole: ${JSON.stringify(log.errors)}`);
  }
}

for (const via of ["loader", "tags"]) {
  test(`a host enforcing Trusted Types mounts the widget directly (${via}) with a tender's presets: the fixed rows, no violation`, async () => {
    const { page, context, log } = await open(`${portal.origin}/trusted-types/?via=${via}&presets`, { height: 3000 });
    const mount = page.locator("[data-security-matrix]");
    const step = (what) => waitOrExplain(page, log, mount.locator(what).first(), what);
    await step('[data-testid="question-other"]');
    await mount.locator('[data-testid="option-no"]').check();
    await mount.locator('[data-testid="continue"]').click();
    await step('[data-testid="question-commencement"]');
    await mount.locator('[data-testid="skip"]').click();
    await mount.locator('[data-testid="skip"]').click(); // route: not decided
    await mount.locator('[data-testid="skip"]').click(); // hosting: not decided
    await step('[data-testid="fixed-value"]');
    assert.equal(await mount.locator('[data-testid="change-value"]').count(), 0);
    await mount.locator('[data-testid="show-result"]').click();
    await step('[data-testid="tender-name"]');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test(`a host enforcing Trusted Types mounts the widget directly (${via}): a result, a subject and the all view, no violation`, async () => {
    const { page, context, log } = await open(`${portal.origin}/trusted-types/?via=${via}${RESULT_LINK}`, { height: 3000 });
    const mount = page.locator("[data-security-matrix]");
    const step = (what) => waitOrExplain(page, log, mount.locator(what).first(), what);
    assert.ok(await page.evaluate(() => window.trustedTypes !== undefined), "this Chromium has Trusted Types");
    // The complete link opens the result on its summary.
    await step('[data-testid="result"][data-view="summary"]');
    assert.equal(await mount.locator('[data-testid="level"]').textContent(), "S6");
    assert.equal(await heading(mount).evaluate((h) => h.tagName), "H2");
    // A subject: its duties with their controls; a status, an owner and a note.
    const key = await mount.locator('[data-testid="task"][data-view^="subject-"]').first().getAttribute("data-view");
    await mount.locator(`[data-testid="task"][data-view="${key}"] [data-testid="task-link"]`).click();
    await step(`[data-testid="result"][data-view="${key}"]`);
    await step('[data-testid="obligation"] [data-testid="status-in-progress"]');
    const duty = mount.locator('[data-testid="obligation"]').first();
    await duty.locator('[data-testid="status-in-progress"]').check();
    await duty.locator('details[data-testid="track-details"] > summary').click(); // "Owner and evidence"
    await duty.locator('[data-testid="owner"]').fill("<img src=x onerror=alert(1)>");
    await duty.locator('[data-testid="note"]').fill("Booked.");
    // The all view: the summary, the plan (its folded dates in <details>), every duty.
    await mount.locator('[data-testid="back"]').click();
    await mount.locator('[data-testid="task"][data-view="all"] [data-testid="task-link"]').click();
    await step('[data-testid="result"][data-view="all"]');
    await step('[data-testid="plan-entry"]');
    assert.ok((await mount.locator('[data-testid="obligation"]').count()) > 60, "every duty");
    await mount.locator('[data-testid="print-words"]').check();
    await step('[data-testid="words-text"]');
    assert.equal(await mount.locator("img").count(), 0, "the owner is text");
    assert.deepEqual(await page.evaluate(() => window.__violations), [], "Trusted Types (or other CSP) violations");
    assert.deepEqual(log.errors, []);
    assertOnlyOwnOrigins(log);
    await page.screenshot({ path: path.join(SHOTS, `trusted-types-${via}.png`), fullPage: false });
    await context.close();
  });
}

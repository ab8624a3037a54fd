// Checks of a built dist/ (no browser): the CSP, Subresource Integrity, no inline script,
// the stylesheet's scope, the embedded WebAssembly, no way out for data in the code, and the
// precompressed .br and .gz copies of every text file.
// Run by `scripts/test embed` (which builds first); alone: SMX_DIST=dist node --test scripts/check-dist.test.mjs
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import zlib from "node:zlib";
import { attr, LOADER, sri } from "./postbuild.mjs";
import { brotli, precompress } from "./precompress.mjs";
import { runPrerender } from "./prerender.mjs";
import { byteMapping, bytesLiteral, CHARS_BY_COST, decodeBytes, inverseTable } from "./wasm-in-js.mjs";
import { minifyJs } from "./web.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIST = path.resolve(ROOT, process.env.SMX_DIST ?? "dist");

/** The policy in index.html's meta tag (the header adds frame-ancestors): the configuration's. */
const CSP = runPrerender().config.csp;

export function parseCsp(text) {
  const out = {};
  for (const part of text.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = values;
  }
  return out;
}

// ---------------------------------------------------------------- a tiny CSS reader

/** Removes comments, keeping strings intact. */
export function stripComments(css) {
  let out = "";
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < css.length && css[j] !== c) j += css[j] === "\\" ? 2 : 1;
      out += css.slice(i, j + 1);
      i = j;
    } else if (c === "/" && css[i + 1] === "*") {
      const end = css.indexOf("*/", i + 2);
      i = end < 0 ? css.length : end + 1;
      out += " ";
    } else out += c;
  }
  return out;
}

/** Index just past the block or statement that starts at `i` (at its `{`, or `;`). */
function skipTo(css, i, stops) {
  let depth = 0;
  for (; i < css.length; i++) {
    const c = css[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < css.length && css[j] !== c) j += css[j] === "\\" ? 2 : 1;
      i = j;
    } else if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (depth === 0 && stops.includes(c)) return i;
  }
  return css.length;
}

function blockEnd(css, open) {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    const c = css[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < css.length && css[j] !== c) j += css[j] === "\\" ? 2 : 1;
      i = j;
    } else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  throw new Error("unbalanced braces");
}

const GROUPING = new Set(["media", "supports", "layer", "container", "scope", "starting-style"]);

/**
 * Every style rule's selector list, with the at-rules around it, and every other at-rule.
 * Rules nested inside a style rule (CSS nesting) are relative to it and not listed.
 */
export function readCss(css, context = []) {
  css = context.length ? css : stripComments(css);
  const rules = [];
  const atRules = [];
  let i = 0;
  while (i < css.length) {
    while (i < css.length && /\s/.test(css[i])) i++;
    if (i >= css.length) break;
    const end = skipTo(css, i, "{;}");
    const prelude = css.slice(i, end).trim();
    if (css[end] !== "{") {
      if (prelude.startsWith("@")) atRules.push({ name: prelude.match(/^@([\w-]+)/)[1], prelude, context });
      else if (prelude) throw new Error(`unexpected CSS: ${prelude.slice(0, 60)}`);
      i = end + 1;
      continue;
    }
    const close = blockEnd(css, end);
    const body = css.slice(end + 1, close);
    if (prelude.startsWith("@")) {
      const name = prelude.match(/^@([\w-]+)/)[1].toLowerCase();
      if (GROUPING.has(name)) {
        const inner = readCss(body, [...context, prelude]);
        rules.push(...inner.rules);
        atRules.push(...inner.atRules);
      } else atRules.push({ name, prelude, context });
    } else {
      rules.push({ selectors: splitSelectors(prelude), context });
    }
    i = close + 1;
  }
  return { rules, atRules };
}

/** A selector list split on its top-level commas (not those inside :is(), [..] or strings). */
export function splitSelectors(list) {
  const out = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < list.length && list[j] !== c) j += list[j] === "\\" ? 2 : 1;
      i = j;
    } else if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (c === "," && depth === 0) {
      out.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(list.slice(start).trim());
  return out.filter(Boolean);
}

/**
 * Whether a selector can only match the widget's root or what is inside it: its first
 * compound selector has the class .smx, and what follows it (if anything) is a descendant
 * or child combinator (a sibling combinator, `.smx ~ p`, would reach the host's elements).
 */
export function isScoped(selector) {
  const s = selector.trim();
  if (!/^\.smx(?![\w-])/.test(s)) return false;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (depth === 0 && /[\s>+~]/.test(c)) {
      const next = s.slice(i).trimStart()[0];
      return next !== "+" && next !== "~";
    }
  }
  return true;
}

/** Every problem with a stylesheet's isolation from its host page. */
export function scopeProblems(cssText) {
  const problems = [];
  const css = stripComments(cssText);
  const { rules, atRules } = readCss(css);
  if (rules.length === 0) problems.push("no rules at all");
  for (const rule of rules) {
    for (const sel of rule.selectors) {
      if (!isScoped(sel)) problems.push(`selector not under .smx: ${sel}${rule.context.length ? ` (in ${rule.context.join(" ")})` : ""}`);
    }
  }
  for (const at of atRules) {
    if (at.name === "keyframes" && !/^@keyframes\s+smx-/.test(at.prelude)) problems.push(`keyframes not named smx-*: ${at.prelude}`);
    else if (at.name === "property" && !/^@property\s+--smx-/.test(at.prelude)) problems.push(`@property not named --smx-*: ${at.prelude}`);
    else if (!["keyframes", "property", "charset"].includes(at.name)) problems.push(`global at-rule: ${at.prelude}`);
  }
  if (/\d\s*rem\b/.test(css)) problems.push("uses rem, which follows the host's root font size");
  for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/g)) {
    if (!m[2].startsWith("data:")) problems.push(`loads ${m[2]}`);
  }
  const root = rules.find((r) => r.context.length === 0 && r.selectors.length === 1 && r.selectors[0] === ".smx");
  const rootBody = root && css.match(/(?:^|})\s*\.smx\s*\{([^}]*)\}/)?.[1];
  for (const prop of ["font-family", "font-size", "line-height", "color"]) {
    if (!rootBody || !new RegExp(`(^|[;{\\s])${prop}\\s*:`).test(rootBody)) problems.push(`.smx does not set ${prop} (it would inherit the host's)`);
  }
  return problems;
}

// ---------------------------------------------------------------- helpers for dist/

const read = (f) => readFileSync(path.join(DIST, f));
const text = (f) => readFileSync(path.join(DIST, f), "utf8");

function files(dir = DIST) {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [path.relative(DIST, p)];
  });
}

const htmlPages = () => files().filter((f) => f.endsWith(".html"));
const tags = (html, name) => [...html.matchAll(new RegExp(`<${name}\\b[^>]*>`, "gi"))].map((m) => m[0]);
const bundleName = () => files().find((f) => /^security-matrix-[0-9a-f]{16}\.js$/.test(f));
const wordsName = () => files().find((f) => /^security-matrix-words-[0-9a-f]{16}\.js$/.test(f));
const takeawaysName = () => files().find((f) => /^security-matrix-takeaways-[0-9a-f]{16}\.js$/.test(f));
const pagesName = () => files().find((f) => /^security-matrix-pages-[0-9a-f]{16}\.js$/.test(f));
/** The WebAssembly embedded in a built module (`__smx_table`, `__smx_wasm`). */
const embeddedWasm = (f) => Buffer.from(decodeBytes(bundleLiteral(text(f), "__smx_table"), bundleLiteral(text(f), "__smx_wasm")));

/** The value of a string literal `const name = "…"` at the top of the bundle. */
function bundleLiteral(js, name) {
  const start = js.indexOf(`const ${name} = `) + `const ${name} = `.length;
  assert.equal(js[start], '"', `${name} is a string literal`);
  let end = start + 1;
  while (js[end] !== '"') end += js[end] === "\\" ? 2 : 1;
  return vm.runInNewContext(js.slice(start, end + 1));
}

/** The words module's strings (`export default [...]`). */
function wordsOf(source) {
  const m = source.match(/^export default (\[.*\]);\n$/s);
  assert.ok(m, "the words module is `export default [...]`");
  return JSON.parse(m[1]);
}
const stylesheet = () => files().find((f) => /^styles-[0-9a-f]+\.css$/.test(f));

/** The file a page's `src`/`href` points to, relative to DIST. */
function target(page, url) {
  const clean = url.split(/[?#]/)[0];
  return clean.startsWith("/") ? clean.slice(1) : path.join(path.dirname(page), clean);
}

// ---------------------------------------------------------------- the tests

test("the reader of CSS splits selector lists and @media blocks, and spots escapes from .smx", () => {
  const css = `/* a { } */ .smx a, .smx :where(h1, h2) { color: red }
    @media (max-width: 640px) { .smx .x::before { content: "}{,"; } p { margin: 0 } }
    @media print { @supports (display: grid) { .smx-panel { x: y } } }
    .smx + p {} .smx ~ div {} .smx > .a + .b {} .smx.smx-fallback {} .smx[data-x="a,b"] .c {}
    @font-face { font-family: x; src: url(x.woff) } @keyframes spin { from { x: y } }
    * {} .smxy .a {} :root .smx {}`;
  const { rules } = readCss(css);
  const all = rules.flatMap((r) => r.selectors);
  assert.deepEqual(all, [
    ".smx a", ".smx :where(h1, h2)", ".smx .x::before", "p", ".smx-panel", ".smx + p", ".smx ~ div",
    ".smx > .a + .b", ".smx.smx-fallback", '.smx[data-x="a,b"] .c', "*", ".smxy .a", ":root .smx",
  ]);
  assert.deepEqual(all.filter(isScoped), [
    ".smx a", ".smx :where(h1, h2)", ".smx .x::before", ".smx > .a + .b", ".smx.smx-fallback", '.smx[data-x="a,b"] .c',
  ]);
  const problems = scopeProblems(css);
  for (const bad of ["p (in @media (max-width: 640px))", "*", ".smx + p", "global at-rule: @font-face", "keyframes not named smx-*", "loads x.woff"]) {
    assert.ok(problems.some((p) => p.includes(bad)), `${bad} in ${problems.join("; ")}`);
  }
  assert.ok(scopeProblems(".smx { font-size: 1rem }").some((p) => p.includes("rem")));
});

test("the source stylesheet and the built one are scoped under .smx", () => {
  for (const [name, css] of [["static/styles.css", readFileSync(path.join(ROOT, "static/styles.css"), "utf8")], [stylesheet(), text(stylesheet())]]) {
    assert.deepEqual(scopeProblems(css), [], name);
    const count = readCss(css).rules.reduce((n, r) => n + r.selectors.length, 0);
    assert.ok(count > 100, `${name}: only ${count} selectors read`);
  }
});

test("index.html carries the CSP, first in <head>, with nothing unsafe", () => {
  const html = text("index.html");
  const metas = tags(html, "meta").filter((t) => /content-security-policy/i.test(attr(t, "http-equiv") ?? ""));
  assert.equal(metas.length, 1);
  assert.equal(attr(metas[0], "content"), CSP, "the policy of prerender/src/config.rs");
  const csp = parseCsp(CSP);
  assert.deepEqual(csp["connect-src"], ["'none'"]);
  assert.deepEqual(csp["script-src"], ["'self'", "'wasm-unsafe-eval'"]);
  for (const d of ["default-src", "style-src"]) assert.deepEqual(csp[d], ["'self'"], d);
  for (const d of ["object-src", "base-uri", "form-action"]) assert.deepEqual(csp[d], ["'none'"], d);
  assert.doesNotMatch(html, /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'/);
  const first = html.search(/<(script|link)\b/i);
  assert.ok(html.indexOf(metas[0]) < first, "the policy comes before any script or stylesheet");
});

test("every built page has no inline script, style or event handler the CSP would block", () => {
  for (const page of htmlPages()) {
    const html = text(page);
    for (const t of tags(html, "script")) assert.ok(attr(t, "src"), `${page}: inline ${t}`);
    assert.doesNotMatch(html, /<style\b/i, page);
    assert.doesNotMatch(html, /<[a-z][^>]*\s(style|on[a-z]+)\s*=/i, page);
    assert.doesNotMatch(html, /javascript:/i, page);
  }
});

test("every script and stylesheet of every page has integrity matching the file, and is local", () => {
  let checked = 0;
  for (const page of htmlPages()) {
    const html = text(page);
    for (const t of [...tags(html, "script"), ...tags(html, "link")]) {
      const rel = attr(t, "rel");
      const url = attr(t, "src") ?? attr(t, "href");
      if (t.startsWith("<link") && rel === "icon") {
        assert.ok(url.startsWith("data:"), `${page}: ${t}`);
        continue;
      }
      assert.doesNotMatch(url, /^([a-z]+:|\/\/)/i, `${page}: remote ${url}`);
      const file = target(page, url);
      assert.ok(existsSync(path.join(DIST, file)), `${page}: ${url} missing`);
      assert.equal(attr(t, "integrity"), sri(read(file)), `${page}: ${url}`);
      checked++;
    }
  }
  assert.ok(checked >= 6, `only ${checked} assets checked`);
});

test("index.html starts one module that holds the WebAssembly: no .wasm to fetch", () => {
  const html = text("index.html");
  const scripts = tags(html, "script");
  // The module, then the boot script (web/boot.js), a classic one, last in <head>.
  assert.equal(scripts.length, 2);
  assert.equal(attr(scripts[0], "type"), "module");
  assert.equal(target("index.html", attr(scripts[0], "src")), bundleName());
  assert.equal(attr(scripts[1], "type"), undefined);
  assert.match(target("index.html", attr(scripts[1], "src")), /^security-matrix-boot-[0-9a-f]{16}\.js$/);
  assert.deepEqual(files().filter((f) => f.endsWith(".wasm")), []);
  assert.doesNotMatch(html, /modulepreload|rel=["']?preload/);
  const js = text(bundleName());
  const literal = (name) => bundleLiteral(js, name);
  const table = literal("__smx_table");
  assert.equal(table.length, 256);
  assert.deepEqual([...table].map((c) => c.charCodeAt(0)).sort((a, b) => a - b), Array.from({ length: 256 }, (_, i) => i), "the table is a permutation");
  const bytes = decodeBytes(table, literal("__smx_wasm"));
  assert.ok(WebAssembly.validate(bytes), "the embedded module is valid WebAssembly");
  assert.ok(!js.includes("\0"), "the file is text (NUL escaped)");
  // After the two literals, the code: minified by terser (no comments, no indentation).
  const code = js.slice(js.indexOf("\n", js.indexOf("const __smx_wasm = ")) + 1);
  assert.match(code, /__smx_table\s*,\s*__smx_wasm/, "the start decodes the literals");
  assert.doesNotMatch(code, /\/\/ ----|\n[ \t]+\S/, "the code is minified");
  assert.match(code, /export\s*\{[^}]*\bas default\b[^}]*\}/, "wasm-bindgen's exports stay");
});

/**
 * The bundle's text, checked to name the module `name` loads when first needed (`what`: which
 * module, and its file) with the integrity of the file as built.
 */
function bundleLoading(name, what) {
  assert.ok(name, `${what} is built`);
  const js = text(bundleName());
  assert.ok(js.includes(JSON.stringify(name)), `the bundle names ${what}`);
  assert.ok(js.includes(JSON.stringify(sri(read(name)))), "the bundle carries its integrity");
  return js;
}

/** Each of `marks` is in `wasm` (the WebAssembly of `what`) and not in the app's own. */
function onlyIn(wasm, what, marks) {
  const app = embeddedWasm(bundleName());
  for (const mark of marks) {
    assert.ok(wasm.includes(Buffer.from(mark)), `${what} has "${mark}"`);
    assert.ok(!app.includes(Buffer.from(mark)), `the app's WebAssembly has not "${mark}"`);
  }
}

test("the clauses' words are a module of their own, named in the bundle with its integrity, and not in the WebAssembly", () => {
  const name = wordsName();
  // The start loads it beside itself, with the integrity of the file as built.
  const js = bundleLoading(name, "the words module (security-matrix-words-<hash>.js)");
  const words = wordsOf(text(name));
  assert.ok(words.length > 150 && words.every((w) => typeof w === "string" && w.split(" ").length >= 3), `${words.length} texts`);
  assert.match(js, /modulepreload/);
  assert.match(js, /import\.meta\.url/, "found beside the bundle, wherever it is served");
  // The production build leaves them out of the WebAssembly (the core's lazy-words feature).
  const wasm = embeddedWasm(bundleName());
  const missing = words.filter((w) => !wasm.includes(Buffer.from(w)));
  assert.equal(missing.length, words.length, "no clause's words are in the WebAssembly");
  // A sample of what stays: the titles (a clause's paragraph references are built in), in
  // the app's WebAssembly or the part of it split off for the pages.
  const built = Buffer.concat([wasm, embeddedWasm(pagesName())]);
  assert.ok(built.includes(Buffer.from("Cyber Essentials")), "the titles stay built in");
  // Nothing but the words, as data: the file is exactly their JSON, exported.
  assert.ok(text(name) === `export default ${JSON.stringify(words)};\n`, "the module is only the words' JSON");
});

test("the take-away files' writers are a module of their own, its WebAssembly inside, named in the bundle with its integrity; the app's WebAssembly has them not", () => {
  const name = takeawaysName();
  bundleLoading(name, "the take-aways module (security-matrix-takeaways-<hash>.js)");
  // Its own WebAssembly, embedded as the bundle's is, started by the module itself, and
  // wasm-bindgen's export the app calls.
  const own = text(name);
  const wasm = embeddedWasm(name);
  assert.ok(WebAssembly.validate(wasm), "the embedded module is valid WebAssembly");
  assert.ok(WebAssembly.Module.exports(new WebAssembly.Module(wasm)).some((e) => e.name === "takeaway"), "it exports takeaway");
  const code = own.slice(own.indexOf("\n", own.indexOf("const __smx_wasm = ")) + 1);
  assert.match(code, /__smx_table\s*,\s*__smx_wasm/, "the module decodes the literals");
  assert.match(code, /export\s*(function\s+takeaway\b|\{[^}]*\btakeaway\b)/, "wasm-bindgen's takeaway export stays");
  assert.doesNotMatch(code, /\/\/ ----|\n[ \t]+\S/, "the code is minified");
  // The writers left the app: a column of the compliance matrix's header ("Due dates": the
  // others are the app's words too) and the calendar's lines are in the take-aways module only.
  onlyIn(wasm, "the take-aways module", ["Due dates", "VCALENDAR", "RRULE"]);
});

test("the code of every page but the start page is split off the app's WebAssembly into a module of its own, named in the bundle with its integrity, that runs on the app's memory and table", () => {
  const name = pagesName();
  const js = bundleLoading(name, "the pages' module (security-matrix-pages-<hash>.js)");
  // The split tool's loader is in the bundle, rewritten to take the bytes from that module
  // (the CSP's connect-src 'none' forbids fetch()), not imported from a file of its own.
  assert.doesNotMatch(js, /\bfrom\s*["']\.\/__wasm_split\.js["']/, "the bundle imports no loader file");
  assert.doesNotMatch(js, /fetch\(new URL\(["'][^"']*\.wasm/, "the split loader fetches no .wasm");
  assert.match(js, /\.__wasm_split_load_pages\s*=/, "the bundle defines the split module's loader");
  const results = new WebAssembly.Module(embeddedWasm(name));
  const app = new WebAssembly.Module(embeddedWasm(bundleName()));
  // The split module brings functions only: everything else is the app's, imported.
  const imports = WebAssembly.Module.imports(results);
  for (const kind of ["memory", "table"]) assert.ok(imports.some((i) => i.kind === kind), `it imports the app's ${kind}`);
  assert.ok(imports.every((i) => i.module === "__wasm_split"), "it imports from the app only");
  const appExports = new Set(WebAssembly.Module.exports(app).map((e) => e.name));
  for (const i of imports) assert.ok(appExports.has(i.name), `the app exports what it imports: ${i.name}`);
  assert.ok(WebAssembly.Module.imports(app).some((i) => /^__wasm_split_load_/.test(i.name)), "the app imports the loader of its split module");
  // A real share of the code: over a fifth of the app's (bytes of the modules).
  assert.ok(embeddedWasm(name).length > embeddedWasm(bundleName()).length / 5, "the split module holds a real share of the code");
  // Its JS is only its bytes.
  assert.match(text(name).slice(text(name).lastIndexOf("const __smx_wasm = ")), /export\s*(let\s+\w+|\{[^}]*\})/);
  // What only the other pages and their actions need is there, not in the start page's
  // module: a question's words, and the messages of the link's and the save file's readers.
  onlyIn(embeddedWasm(name), "the pages' module", [
    "How many people's personal data will you process under this Call-Off Contract?",
    "The file is not a JSON file",
    "which is not an answer the Customer can set for this schedule",
  ]);
});

test("no embedded WebAssembly keeps the linker's sections (the split reads them; dist/ has no use for them)", () => {
  for (const f of [bundleName(), takeawaysName(), pagesName()]) {
    const module = new WebAssembly.Module(embeddedWasm(f));
    for (const section of ["linking", "reloc.CODE", "reloc.DATA"]) {
      assert.equal(WebAssembly.Module.customSections(module, section).length, 0, `${f} has a ${section} section`);
    }
  }
});

test("minifyJs shortens the code and keeps the names of the embedded literals", async () => {
  const out = await minifyJs(`function decode_the_module(table, s) { return table.length + s.length; }
const started = decode_the_module(__smx_table, __smx_wasm);
export { decode_the_module as default, started };`, { keep: ["__smx_table", "__smx_wasm"] });
  assert.match(out, /__smx_table/);
  assert.match(out, /__smx_wasm/);
  assert.doesNotMatch(out, /decode_the_module\s*\(/, "local names are mangled");
  assert.match(out, /as default/);
});

test("the byte encoding round-trips every byte value, with or without a mapping", () => {
  const bytes = Uint8Array.from({ length: 1024 }, (_, i) => (i * 37 + (i >> 8)) & 0xff);
  bytes.set([0, 0x31, 0, 0x22, 0x5c, 0x0a, 0x0d, 0], 500);
  const s = vm.runInNewContext(bytesLiteral(bytes));
  assert.deepEqual(Uint8Array.from(s, (c) => c.charCodeAt(0)), bytes);
  // Skewed, like a wasm module: byte 7 most often, 0xff never; the rarest values become the
  // escaped characters and NUL (before a digit too).
  const skewed = Uint8Array.from({ length: 4096 }, (_, i) => (i % 3 === 0 ? 7 : (i * 31) % 255));
  skewed.set(bytes.subarray(0, 300), 1000);
  for (const sample of [bytes, skewed, new Uint8Array(0), Uint8Array.of(0xff)]) {
    const charOf = byteMapping(sample);
    assert.deepEqual([...charOf].sort((a, b) => a - b), Array.from({ length: 256 }, (_, i) => i), "a bijection");
    const table = vm.runInNewContext(bytesLiteral(inverseTable(charOf)));
    assert.deepEqual(decodeBytes(table, vm.runInNewContext(bytesLiteral(sample, charOf))), sample);
  }
  const charOf = byteMapping(skewed);
  assert.equal(charOf[7], CHARS_BY_COST[0], "the most frequent byte gets the first cheap character");
  assert.ok(charOf[7] < 0x80 && ![0x0a, 0x0d, 0x22, 0x5c, 0].includes(charOf[7]));
  for (const c of [0x0a, 0x0d, 0x22, 0x5c, 0]) assert.ok(CHARS_BY_COST.indexOf(c) >= 251, `${c} is among the costliest`);
  // A mapped NUL before a mapped digit is written \x00, not the octal-looking \0 1.
  const nulFirst = Uint8Array.of(...Array(300).fill(1), 2, 2, 3, 4, 5, 6, 7, 8, 9);
  const m = byteMapping(nulFirst);
  const rarest = [...m].indexOf(0), digit = [...m].indexOf(0x31);
  const tricky = Uint8Array.of(rarest, digit, rarest);
  assert.deepEqual(decodeBytes(vm.runInNewContext(bytesLiteral(inverseTable(m))), vm.runInNewContext(bytesLiteral(tricky, m))), tricky);
});

/**
 * What the loader adds to a host page served from `src` (run in a stand-in page): each
 * element's kind, URL, integrity and crossOrigin.
 */
function loaderAssets(src = "https://widget.example.org/sub/security-matrix-loader.js") {
  const added = [];
  const element = (tag) => ({ tag, addEventListener() {}, setAttribute() {} });
  const document = {
    currentScript: { src },
    createElement: element,
    querySelector: () => null,
    addEventListener() {},
    head: { appendChild: (el) => added.push(el) },
  };
  vm.runInNewContext(text(LOADER), { document, window: {}, URL, console });
  return added.map((el) => ({ file: el.tag === "link" ? el.href : el.src, integrity: el.integrity, crossOrigin: el.crossOrigin, kind: el.tag }));
}

test("the loader adds the built files with their integrity, relative to itself", () => {
  const assets = loaderAssets();
  assert.deepEqual(
    assets.map((a) => [a.kind, a.file]),
    [
      ["link", `https://widget.example.org/sub/${stylesheet()}`],
      ["script", `https://widget.example.org/sub/${bundleName()}`],
    ],
  );
  for (const a of assets) {
    assert.equal(a.integrity, sri(read(path.basename(a.file))));
    assert.equal(a.crossOrigin, "anonymous");
  }
});

test("the code has no way to send data, and only the app can keep it on the device (opt-in): no cookies, beacons, sockets", () => {
  for (const f of [bundleName(), wordsName(), takeawaysName(), pagesName(), LOADER, "embed.js"]) {
    const js = text(f);
    for (const word of ["document.cookie", "cookieStore", "sendBeacon", "XMLHttpRequest", "WebSocket", "EventSource", "indexedDB", "RTCPeerConnection"]) {
      assert.ok(!js.includes(word), `${f} mentions ${word}`);
    }
  }
  // localStorage: only the app's bundle reaches it ("Keep on this device", off by default;
  // end2end/tests/device.test.mjs shows it stays empty without the opt-in and holds only
  // its one key with it). The scripts around the app never touch it.
  for (const f of [wordsName(), takeawaysName(), pagesName(), LOADER, "embed.js"]) {
    assert.ok(!text(f).includes("localStorage"), `${f} mentions localStorage`);
  }
  // embed.js, on the host page, only listens: it never posts a message back.
  assert.doesNotMatch(text("embed.js"), /postMessage\s*\(/);
});

test("the code writes no HTML from strings and runs no string as code: nothing for Trusted Types to refuse", () => {
  // The sinks `require-trusted-types-for 'script'` guards (besides a script's src, which the
  // loader sets through its own policy): a direct mount on such a host works only without them.
  const sinks = ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "srcdoc", "createContextualFragment", "DOMParser", "new Function", "eval("];
  for (const f of [bundleName(), wordsName(), takeawaysName(), pagesName(), LOADER, "embed.js"]) {
    let js = text(f);
    // Yew's reconciler handles raw HTML nodes too, so wasm-bindgen always emits this one
    // import; it runs only for `Html::from_html_unchecked`, which the source never uses (below).
    if (f === bundleName()) js = js.replace(/__wbg_set_innerHTML_[0-9a-f]+:function\((\w),(\w),(\w)\)\{\1\.innerHTML=\w+\(\2,\3\)\}/, "");
    for (const word of sinks) assert.ok(!js.includes(word), `${f} mentions ${word}`);
  }
  const rust = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? rust(path.join(dir, e.name)) : e.name.endsWith(".rs") ? [path.join(dir, e.name)] : [],
    );
  for (const file of rust(path.join(ROOT, "src"))) {
    const code = readFileSync(file, "utf8");
    for (const word of ["from_html_unchecked", "set_inner_html", "set_outer_html", "insert_adjacent_html", "js_sys::eval", "Function::new"]) {
      assert.ok(!code.includes(word), `${path.relative(ROOT, file)} uses ${word}`);
    }
  }
});

// ---------------------------------------------------------------- precompressed copies

// The text files a host may send compressed (issue 17), named here rather than taken from
// scripts/precompress.mjs, so a file type dropped there fails this test.
const TEXT = [".html", ".js", ".css", ".json", ".svg", ".mjs", ".txt", ".webmanifest"];
const isCopy = (f) => /\.(br|gz)$/.test(f) && existsSync(path.join(DIST, f.slice(0, -3)));

test("every text file in dist/ has a .br (brotli 11) and a .gz (gzip -9) beside it that decode to it byte for byte", () => {
  const text = files().filter((f) => TEXT.includes(path.extname(f)));
  for (const must of ["index.html", "example/index.html", LOADER, "embed.js", bundleName(), wordsName(), takeawaysName(), pagesName(), stylesheet()]) {
    assert.ok(text.includes(must), `${must} is among the text files`);
  }
  for (const f of text) {
    const bytes = read(f);
    const br = read(f + ".br");
    const gz = read(f + ".gz");
    assert.ok(zlib.brotliDecompressSync(br).equals(bytes), `${f}.br decodes to ${f}`);
    assert.ok(zlib.gunzipSync(gz).equals(bytes), `${f}.gz decodes to ${f}`);
    // Quality 11: compressing again with the build's settings gives the same bytes.
    assert.ok(br.equals(brotli(bytes)), `${f}.br is brotli at quality 11`);
    // gzip's header says how hard it tried: XFL 2 is "maximum compression" (level 9).
    assert.equal(gz[8], 2, `${f}.gz is gzip -9`);
  }
  const bundle = bundleName();
  assert.ok(read(bundle + ".br").length < read(bundle + ".gz").length, "brotli beats gzip on the bundle");
});

test("no .br or .gz for anything but a text file: not for binary or already-compressed files", () => {
  const copies = files().filter(isCopy);
  assert.ok(copies.length >= 12, `only ${copies.length} compressed copies`);
  for (const c of copies) assert.ok(TEXT.includes(path.extname(c.slice(0, -3))), `${c} is beside a file that is not text`);
  // Every other .br or .gz in dist/ would be a file of its own; there are none.
  assert.deepEqual(files().filter((f) => /\.(br|gz)$/.test(f) && !isCopy(f)), []);
});

test("integrity is that of the uncompressed files, which is what the .br and .gz decode to", () => {
  let checked = 0;
  const refs = [
    ...htmlPages().flatMap((page) =>
      [...tags(text(page), "script"), ...tags(text(page), "link")]
        .filter((t) => attr(t, "integrity"))
        .map((t) => ({ file: target(page, attr(t, "src") ?? attr(t, "href")), integrity: attr(t, "integrity") })),
    ),
    ...loaderAssets().map((a) => ({ file: path.basename(a.file), integrity: a.integrity })),
    // The words, take-aways and pages' modules, with the integrity the bundle's start gives them.
    ...[wordsName(), takeawaysName(), pagesName()].map((file) => ({
      file,
      integrity: text(bundleName()).match(/"(sha384-[^"]+)"/g).map((q) => JSON.parse(q)).find((i) => i === sri(read(file))),
    })),
  ];
  for (const { file, integrity } of refs) {
    assert.equal(integrity, sri(read(file)), file);
    assert.equal(sri(zlib.brotliDecompressSync(read(file + ".br"))), integrity, `${file}.br`);
    assert.equal(sri(zlib.gunzipSync(read(file + ".gz"))), integrity, `${file}.gz`);
    assert.notEqual(sri(read(file + ".br")), integrity);
    checked++;
  }
  assert.ok(checked >= 6, `only ${checked} references checked`);
});

test("precompress() compresses the text files in every folder and leaves the rest alone", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "smx-precompress-"));
  try {
    const put = (f, bytes) => {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      writeFileSync(path.join(dir, f), bytes);
    };
    const texts = ["index.html", "a.js", "b.mjs", "c.css", "d.json", "e.svg", "f.txt", "site.webmanifest", "sub/deeper/page.html"];
    for (const f of texts) put(f, `${f}: ` + "some text, ".repeat(50));
    const binary = ["logo.png", "photo.jpg", "font.woff2", "app.wasm", "old.js.gz", "archive.zip", "favicon.ico", "sub/doc.pdf"];
    for (const f of binary) put(f, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
    put(".stage/hidden.js", "a staging folder: not part of the build");
    const done = precompress(dir);
    assert.deepEqual(done.map((d) => d.file).sort(), [...texts].sort());
    const all = (d, rel = "") =>
      readdirSync(path.join(d, rel)).flatMap((n) => (statSync(path.join(d, rel, n)).isDirectory() ? all(d, path.join(rel, n)) : [path.join(rel, n)]));
    const expected = [...texts, ...texts.map((f) => f + ".br"), ...texts.map((f) => f + ".gz"), ...binary, ".stage/hidden.js"];
    assert.deepEqual(all(dir).sort(), expected.sort());
    for (const f of texts) {
      const bytes = readFileSync(path.join(dir, f));
      assert.ok(zlib.brotliDecompressSync(readFileSync(path.join(dir, f + ".br"))).equals(bytes), f);
      assert.ok(zlib.gunzipSync(readFileSync(path.join(dir, f + ".gz"))).equals(bytes), f);
    }
    // Run again on a changed file: its copies follow it.
    put("a.js", "changed");
    precompress(dir);
    assert.equal(zlib.brotliDecompressSync(readFileSync(path.join(dir, "a.js.br"))).toString(), "changed");
    assert.equal(zlib.gunzipSync(readFileSync(path.join(dir, "a.js.gz"))).toString(), "changed");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

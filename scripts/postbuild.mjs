#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml [[hooks]]; runs for `trunk build` and `trunk serve`).
// Makes the built pages fit the strict Content-Security-Policy and puts Subresource
// Integrity on every asset:
//
// 1. Trunk's inline <script type="module"> (blocked by `script-src 'self'`) is removed with
//    the preload links that went with it.
// 2. The wasm-bindgen JS and the WebAssembly module become ONE file,
//    security-matrix-<hash>.js: the module's bytes are embedded in it (a Latin-1 string, its
//    most frequent byte values as one-byte ASCII characters, so gzip stays within a few per
//    cent of the .wasm's), because `connect-src 'none'` forbids the fetch() that would load
//    a separate .wasm. The page loads it with
//    <script type="module" src=… integrity=…>, which the browser checks before running it.
//    The code (wasm-bindgen's JS and the start) is minified with terser from tools/, except
//    in debug builds; the module's string literals go in front of it, not through it.
// 2b. Before the bundle: the clauses' own words, security-matrix-words-<hash>.js, which the
//    bundle's start loads with their integrity when a result first shows (postbuild-words.mjs).
// 3. The start page, pre-rendered by the app's own components (Yew's server renderer, run
//    natively), goes into index.html's body, with a boot script in its <head>
//    (scripts/prerender.mjs says how the app takes it over). Then
//    security-matrix-loader.js, a stable-named classic script for host pages (direct mount),
//    adds the stylesheet and that module with their integrity, from wherever it is served.
// 4. Every <script src> and <link rel=stylesheet|modulepreload> in every built HTML page
//    (index.html, example/index.html) gets integrity="sha384-…"; any reference to another
//    host, and any inline script or style left in a page, fails the build.
// 5. Last, when every file is final: X.br (brotli 11) and X.gz (gzip -9) beside every text
//    file X, for hosts that serve precompressed files (scripts/precompress.mjs); not in
//    debug builds. Integrity stays that of the uncompressed bytes, which is what a browser
//    checks after decoding.
//
// Usage: node scripts/postbuild.mjs [dir]   (dir defaults to $TRUNK_STAGING_DIR)
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { precompress } from "./precompress.mjs";
import { wordsLoader, writeWords } from "./postbuild-words.mjs";
import {
  BOOT_PREFIX,
  PRERENDER_ATTRIBUTE,
  bootScript,
  hashedName,
  runPrerender,
  withPrerender,
} from "./prerender.mjs";
import { loader } from "./loader.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const BUNDLE_PREFIX = "security-matrix-";
export const LOADER = "security-matrix-loader.js";
export const STORAGE_KEY = "security-matrix-widget";

export const sri = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");

// An attribute's value in a tag as Trunk writes it (quoted, or unquoted when minified).
export function attr(tag, name) {
  const m = tag.match(new RegExp(`\\s${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+)))?(?=[\\s/>])`, "i"));
  if (!m) return undefined;
  return m[1] ?? m[2] ?? m[3] ?? "";
}

// A JS string literal holding bytes as the characters U+0000–U+00FF: byte b as the character
// with code charOf[b] (without charOf, code b). In the UTF-8 file a character takes one or two
// bytes, and equal byte runs stay equal, so gzip keeps finding them (base64 would cost about
// 30% more gzipped). NUL is escaped so the file stays text to every tool.
export function bytesLiteral(bytes, charOf) {
  const code = charOf ? (b) => charOf[b] : (b) => b;
  let out = '"';
  let run = "";
  for (let i = 0; i < bytes.length; i++) {
    const ch = code(bytes[i]);
    let c;
    if (ch === 0x22) c = '\\"';
    else if (ch === 0x5c) c = "\\\\";
    else if (ch === 0x0a) c = "\\n";
    else if (ch === 0x0d) c = "\\r";
    else if (ch === 0x00) {
      const next = i + 1 < bytes.length ? code(bytes[i + 1]) : -1;
      c = next >= 0x30 && next <= 0x39 ? "\\x00" : "\\0";
    } else c = String.fromCharCode(ch);
    run += c;
    if (run.length > 65536) {
      out += run;
      run = "";
    }
  }
  return out + run + '"';
}

// The characters a byte can become, cheapest first in the UTF-8 file: the 123 ASCII ones a
// string literal holds as they are (one byte), then U+0080–U+00FF (two bytes), then the
// escaped ones, NUL last (it can take four: \x00 before a digit). All 256 of U+0000–U+00FF,
// so the decoded string stays one byte a character in the JS engine.
const ESCAPED = [0x0a, 0x0d, 0x22, 0x5c];
export const CHARS_BY_COST = [
  ...Array.from({ length: 0x7f }, (_, i) => i + 1).filter((c) => !ESCAPED.includes(c)),
  ...Array.from({ length: 0x80 }, (_, i) => i + 0x80),
  ...ESCAPED,
  0x00,
];

// The byte → character mapping for `bytes`: the most frequent byte values get the cheapest
// characters (in a wasm module about 95% of the bytes are of its 123 most frequent values),
// so the embedded module gzips nearly as well as the .wasm itself. A bijection: charOf is a
// permutation of 0–255. Ties go to the lower byte value, so a build is reproducible.
export function byteMapping(bytes) {
  const count = new Float64Array(256);
  for (let i = 0; i < bytes.length; i++) count[bytes[i]]++;
  const order = Array.from({ length: 256 }, (_, b) => b).sort((a, b) => count[b] - count[a] || a - b);
  const charOf = new Uint8Array(256);
  order.forEach((b, rank) => (charOf[b] = CHARS_BY_COST[rank]));
  return charOf;
}

// The inverse of charOf as 256 characters: the one at position c has the code of the byte
// that character c stands for (what the starter's __smx_bytes reads).
export function inverseTable(charOf) {
  const byteOf = new Uint8Array(256);
  for (let b = 0; b < 256; b++) byteOf[charOf[b]] = b;
  return byteOf;
}

// What the starter does: the bytes back from the literal's string and the inverse table.
// The starter gets this very function's source, as __smx_bytes.
export function decodeBytes(table, s) {
  const t = new Uint8Array(256);
  for (let c = 0; c < 256; c++) t[c] = table.charCodeAt(c);
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = t[s.charCodeAt(i)];
  return b;
}

// Appended to the wasm-bindgen JS: wait for the page, instantiate the embedded module, and
// if it cannot start (or traps outside a Rust panic, which has its own hook) show a readable
// message with "Start again" where the widget would be. Plain DOM, no inline anything.
// __smx_table and __smx_wasm are declared in front of the code (see embedded()).
function starter(initName, words) {
  return `
// ---- Added by scripts/postbuild.mjs: the start. ----
// For the boot script (scripts/prerender.mjs): this module ran (before DOMContentLoaded).
globalThis.__smxStarted = true;
${wordsLoader(words)}
${decodeBytes.toString().replace(/^function decodeBytes\b/, "function __smx_bytes")}

function __smx_fallback(title) {
  const mount = document.querySelector("[data-security-matrix]") || document.body;
  if (!mount || mount.querySelector('[data-testid="fallback"]')) return;
  const level = Number(mount.getAttribute("data-heading-level")) || (mount === document.body ? 1 : 2);
  const root = document.createElement("div");
  root.className = "smx smx-fallback";
  root.setAttribute("role", "alert");
  root.setAttribute("data-testid", "fallback");
  root.setAttribute("data-smx-fallback", "error");
  const h = document.createElement("h" + Math.min(6, Math.max(1, level)));
  h.className = "smx-heading-m smx-fallback__title";
  h.textContent = title;
  const p = document.createElement("p");
  p.className = "smx-body";
  p.textContent = "Nothing you entered has been sent anywhere. Start again to clear your answers from this browser tab and try again.";
  const b = document.createElement("button");
  b.type = "button";
  b.className = "smx-button";
  b.setAttribute("data-testid", "fallback-start-again");
  b.textContent = "Start again";
  b.addEventListener("click", () => {
    try { sessionStorage.removeItem(${JSON.stringify(STORAGE_KEY)}); } catch (_) { /* storage blocked */ }
    location.reload();
  });
  root.append(h, p, b);
  mount.replaceChildren(root);
}

// A trap that did not come through the Rust panic hook (which shows its own message).
const __smx_trap = (e) => e instanceof WebAssembly.RuntimeError && __smx_fallback("The security self-assessment stopped");
addEventListener("error", (event) => __smx_trap(event.error));
addEventListener("unhandledrejection", (event) => __smx_trap(event.reason));

if (document.readyState === "loading") {
  await new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve, { once: true }));
}
try {
  await ${initName}({ module_or_path: __smx_bytes(__smx_table, __smx_wasm) });
} catch (error) {
  console.error("Security Matrix widget could not start:", error);
  __smx_fallback("The security self-assessment could not start in this browser");
}
`;
}

// The module's bytes, each as a character of U+0000–U+00FF, and the inverse table: the
// character at position c of __smx_table has the code of the byte that character c stands
// for. Declared first in the file, so the start can use them; never through terser.
function embedded(wasm) {
  const charOf = byteMapping(wasm);
  return `const __smx_table = ${bytesLiteral(inverseTable(charOf))};
const __smx_wasm = ${bytesLiteral(wasm, charOf)};
`;
}

// Terser from tools/ (scripts/lib.sh installs it with the build tools, by npm ci there).
function terser() {
  try {
    return createRequire(path.join(ROOT, "tools/package.json"))("terser");
  } catch (e) {
    throw new Error(`terser is not installed in tools/ (scripts/build installs it, or run npm ci in tools/): ${e.message}`);
  }
}

// wasm-bindgen's JS and the start, minified (Trunk's own minifier gives up on the JS at its
// `export … as default` and leaves it as it is). The embedded module's names are free in
// this code, so they keep their names.
export async function minifyJs(code) {
  // Terser's defaults: more passes or a newer ecma gzip no smaller here.
  const out = (await terser().minify(code, { module: true })).code;
  for (const name of ["__smx_table", "__smx_wasm"]) {
    if (code.includes(name) && !out.includes(name)) throw new Error(`terser dropped ${name}`);
  }
  return out;
}

const stripBase = (url, base) => {
  const clean = url.split(/[?#]/)[0];
  if (base && clean.startsWith(base)) return clean.slice(base.length);
  return clean.replace(/^\.?\//, "");
};

function htmlFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...htmlFiles(p));
    else if (name.endsWith(".html")) out.push(p);
  }
  return out;
}

// Step 1–2: replace Trunk's inline start with one integrity-checked module.
async function bundle(dir, base, minify, words) {
  const indexPath = path.join(dir, "index.html");
  let html = readFileSync(indexPath, "utf8");
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)].filter(
    (m) => attr(m[0].slice(0, m[0].indexOf(">") + 1), "src") === undefined,
  );
  const trunk = inline.filter((m) => /\bimport\s+init\b/.test(m[2]));
  if (trunk.length !== 1) {
    if (trunk.length === 0 && html.includes(`src="${base}${BUNDLE_PREFIX}`)) return null; // already done
    throw new Error(`expected Trunk's one inline start script in index.html, found ${trunk.length}`);
  }
  const code = trunk[0][2];
  const jsUrl = code.match(/\bfrom\s*['"]([^'"]+\.js)['"]/)?.[1];
  const wasmUrl = code.match(/module_or_path\s*:\s*['"]([^'"]+\.wasm)['"]/)?.[1];
  if (!jsUrl || !wasmUrl) throw new Error("cannot read the JS and wasm names from Trunk's start script");
  const jsFile = path.join(dir, stripBase(jsUrl, base));
  const wasmFile = path.join(dir, stripBase(wasmUrl, base));
  const glue = readFileSync(jsFile, "utf8");
  const exported = glue.match(/export\s*\{([^}]*)\}\s*;?\s*$/);
  const initName = exported?.[1]
    .split(",")
    .map((s) => s.trim().match(/^([\w$]+)\s+as\s+default$/)?.[1])
    .find(Boolean);
  if (!initName) throw new Error(`cannot find the default export of ${jsFile}`);

  const js = glue + starter(initName, words);
  const source = embedded(readFileSync(wasmFile)) + (minify ? await minifyJs(js) : js);
  const hash = createHash("sha256").update(source).digest("hex").slice(0, 16);
  const bundleName = `${BUNDLE_PREFIX}${hash}.js`;
  writeFileSync(path.join(dir, bundleName), source);
  rmSync(jsFile);
  rmSync(wasmFile);

  const tag = `<script type="module" src="${base}${bundleName}" integrity="${sri(source)}" crossorigin="anonymous"></script>`;
  html = html.replace(trunk[0][0], tag);
  // Trunk's preloads of the two files that no longer exist (its wasm preload's integrity is
  // ignored by browsers anyway, and `connect-src 'none'` blocks a fetch preload).
  html = html.replace(/<link\b[^>]*>/gi, (t) => {
    const href = attr(t, "href");
    return href === jsUrl || href === wasmUrl ? "" : t;
  });
  writeFileSync(indexPath, html);
  return bundleName;
}

// Step 4: integrity on every local script and stylesheet of every page; nothing remote.
function addIntegrity(dir, file) {
  let html = readFileSync(file, "utf8");
  const problems = [];
  html = html.replace(/<(script|link)\b[^>]*>/gi, (tag, kind) => {
    const isScript = kind.toLowerCase() === "script";
    const rel = (attr(tag, "rel") ?? "").toLowerCase();
    const url = isScript ? attr(tag, "src") : attr(tag, "href");
    if (url === undefined) return tag; // inline scripts are reported below
    if (!isScript && !["stylesheet", "modulepreload", "preload", "icon"].includes(rel)) return tag;
    if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url) && !url.startsWith("data:")) {
      problems.push(`${path.relative(dir, file)}: remote resource ${url}`);
      return tag;
    }
    if (attr(tag, "integrity") !== undefined || url.startsWith("data:")) return tag;
    if (!isScript && rel !== "stylesheet" && rel !== "modulepreload") return tag;
    const target = url.startsWith("/")
      ? path.join(dir, url.split(/[?#]/)[0])
      : path.join(path.dirname(file), url.split(/[?#]/)[0]);
    if (!existsSync(target)) {
      problems.push(`${path.relative(dir, file)}: ${url} is not in the build`);
      return tag;
    }
    // crossorigin: a browser checks integrity on another origin's file only in CORS mode,
    // so the tag keeps working when a host copies it, pointing at the widget's origin.
    const cors = attr(tag, "crossorigin") === undefined ? ' crossorigin="anonymous"' : "";
    return tag.replace(/\s*\/?>$/, (end) => ` integrity="${sri(readFileSync(target))}"${cors}${end}`);
  });
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
    if (attr(m[0], "src") === undefined && !/type\s*=\s*["']?importmap/i.test(m[0])) {
      problems.push(`${path.relative(dir, file)}: inline <script> (the CSP blocks it)`);
    }
  }
  if (/<style\b/i.test(html)) problems.push(`${path.relative(dir, file)}: inline <style> (the CSP blocks it)`);
  if (/<[a-z][^>]*\sstyle\s*=/i.test(html)) problems.push(`${path.relative(dir, file)}: style="" attribute (the CSP blocks it)`);
  writeFileSync(file, html);
  return problems;
}

// Step 3: the start page pre-rendered into index.html, and the boot script in its <head>
// (scripts/prerender.mjs). Not done twice.
function prerenderIndex(dir, base, pre) {
  const indexPath = path.join(dir, "index.html");
  const html = readFileSync(indexPath, "utf8");
  if (html.includes(PRERENDER_ATTRIBUTE)) return;
  const boot = bootScript(pre.linkKeys, STORAGE_KEY);
  const bootName = hashedName(BOOT_PREFIX, boot);
  writeFileSync(path.join(dir, bootName), boot);
  writeFileSync(indexPath, withPrerender(html, pre.page, `${base}${bootName}`));
}

async function main() {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error("usage: postbuild.mjs DIR (or run as a Trunk hook)");
  const base = process.env.TRUNK_PUBLIC_URL ?? "/";
  // Minified like Trunk's `minify = "on_release"`: not in debug builds (trunk serve).
  // The native pre-render first (the start page, the link keys and the clauses' words).
  const pre = runPrerender();
  const words = writeWords(dir, pre.words);
  const built = await bundle(dir, base, process.env.TRUNK_PROFILE !== "debug", words);
  const names = readdirSync(dir);
  const bundleName = built ?? names.find((n) => /^security-matrix-[0-9a-f]{16}\.js$/.test(n));
  const css = names.filter((n) => /^styles-.*\.css$/.test(n));
  if (!bundleName || css.length !== 1) throw new Error(`expected one bundle and one stylesheet in ${dir}`);
  const assets = [
    { kind: "style", file: css[0], integrity: sri(readFileSync(path.join(dir, css[0]))) },
    { kind: "module", file: bundleName, integrity: sri(readFileSync(path.join(dir, bundleName))) },
  ];
  prerenderIndex(dir, base, pre);
  writeFileSync(path.join(dir, LOADER), loader(assets, pre, STORAGE_KEY));
  const problems = htmlFiles(dir).flatMap((f) => addIntegrity(dir, f));
  if (problems.length) throw new Error("the build does not fit the CSP:\n  " + problems.join("\n  "));
  // Not in debug builds (trunk serve, which never sends them): brotli 11 takes seconds on
  // the unoptimised bundle.
  const compressed = process.env.TRUNK_PROFILE === "debug" ? null : precompress(dir);
  const copies = compressed ? `, .br and .gz beside ${compressed.length} text files` : "";
  console.log(`postbuild: ${bundleName} (JS + WebAssembly, ${readFileSync(path.join(dir, bundleName)).length} bytes), ${words.file} (${words.bytes} bytes), ${LOADER}, integrity on every page's assets${copies}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await main();
  } catch (e) {
    console.error(`postbuild: ${e.message}`);
    process.exit(1);
  }
}

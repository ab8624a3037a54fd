#!/usr/bin/env node
// The build after Trunk: Trunk's post_build hook (Trunk.toml [[hooks]]; runs for `trunk build`
// and `trunk serve`), in the staging folder Trunk then moves to dist/. Trunk has built the
// app's WebAssembly and its wasm-bindgen JS, the stylesheet (hashed names) and copied the
// files for hosts; these steps make the rest, in order (README "The build, step by step"):
//
// 1. prerender   the app's start page, rendered natively by its own components, the
//                configuration of the page's scripts (prerender/src/config.rs) and the words
// 2. words       security-matrix-words-<hash>.js: the clauses' words, a module of their own
// 3. takeaways   security-matrix-takeaways-<hash>.js: the writers only downloads need (the
//                takeaways/ crate: cargo build for wasm32, wasm-bindgen, wasm-opt), the
//                WebAssembly inside, a module the app loads when a file is first asked for
// 4. split       the app's WebAssembly (cargo's, with its relocations) split by wasm-split-cli:
//                the module the start page waits for, and security-matrix-pages-<hash>.js,
//                the code of every other page (src/components/pages.rs), loaded as soon as
//                the app is ready; wasm-bindgen's JS for the first, wasm-opt on each
//    bundle      security-matrix-<hash>.js: wasm-bindgen's JS, the WebAssembly inside it (the
//                CSP's connect-src 'none' forbids fetching a .wasm), the split modules' loader
//                and the start (web/start.js and its parts); Trunk's .js and .wasm go
// 5. boot        security-matrix-boot-<hash>.js (web/boot.js)
// 6. loader      security-matrix-loader.js, the stable name host pages include (web/loader.js)
// 7. pages       index.html, example/index.html and example/tender.html, filled from their
//                templates (the root index.html, static/example/) over Trunk's copies
// 8. check       every page: integrity that matches each file, nothing remote, nothing inline
// 9. precompress X.br and X.gz beside every text file X (release builds)
//
// The scripts come from web/ (scripts/web.mjs): parts assembled with the configuration, then
// minified by terser in release builds (not in debug builds, like Trunk's `minify =
// "on_release"`).
//
// Usage: node scripts/postbuild.mjs [dir]   (dir defaults to $TRUNK_STAGING_DIR)
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { precompress } from "./precompress.mjs";
import { htmlToTree, runPrerender } from "./prerender.mjs";
import { embedded } from "./wasm-in-js.mjs";
import { customSectionNames, withoutCustomSections } from "./wasm-sections.mjs";
import { assemble, fill, minifyJs } from "./web.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const LOADER = "security-matrix-loader.js";

export const sri = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");

/** A file name for `source`: `prefix`, 16 hex digits of its SHA-256, `.js`. */
export const hashedName = (prefix, source) => `${prefix}${createHash("sha256").update(source).digest("hex").slice(0, 16)}.js`;

// An attribute's value in a tag (quoted or not); undefined when the tag has none.
export function attr(tag, name) {
  const m = tag.match(new RegExp(`\\s${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+)))?(?=[\\s/>])`, "i"));
  if (!m) return undefined;
  return m[1] ?? m[2] ?? m[3] ?? "";
}

/** `source` written to `dir` as `file`: its name and integrity, as the pages and scripts cite it. */
function write(dir, file, source) {
  writeFileSync(path.join(dir, file), source);
  return { file, integrity: sri(source) };
}

/** What Trunk built in `dir`: the wasm-bindgen JS and its .wasm, and the stylesheet. */
function trunkOutput(dir) {
  const names = readdirSync(dir);
  const wasm = names.filter((n) => /^security-matrix-[0-9a-f]+_bg\.wasm$/.test(n));
  const css = names.filter((n) => /^styles-[0-9a-f]+\.css$/.test(n));
  if (wasm.length !== 1 || css.length !== 1) {
    throw new Error(`expected Trunk's one .wasm and one stylesheet in ${dir} (run as Trunk's post_build hook)`);
  }
  const glue = wasm[0].replace(/_bg\.wasm$/, ".js");
  if (!names.includes(glue)) throw new Error(`no ${glue} beside ${wasm[0]}`);
  return { glue, wasm: wasm[0], stylesheet: { file: css[0], integrity: sri(readFileSync(path.join(dir, css[0]))) } };
}

// Step 2: the clauses' words as a module of their own, `export default [...]` (one string
// per obligation, in catalogue order, as the core's `catalogue::words::install` takes them).
// The production build (index.html's data-cargo-features="lazy-words") leaves them out of
// the WebAssembly; the app asks for them (src/edge.rs, web/lazy-modules.js) when a result view first
// shows.
function writeWords(dir, words) {
  if (!Array.isArray(words) || words.length === 0 || !words.every((w) => typeof w === "string" && w.length > 0)) {
    throw new Error("the pre-render did not print the words as a JSON array of strings");
  }
  const source = `export default ${JSON.stringify(words)};\n`;
  return write(dir, hashedName("security-matrix-words-", source), source);
}

/** The name wasm-bindgen's JS (`--target web`) gives its default export, the init function. */
function defaultExport(glue, file) {
  const exported = glue.match(/export\s*\{([^}]*)\}\s*;?\s*$/);
  const init = exported?.[1]
    .split(",")
    .map((s) => s.trim().match(/^([\w$]+)\s+as\s+default$/)?.[1])
    .find(Boolean);
  if (!init) throw new Error(`cannot find the default export of ${file}`);
  return init;
}

/**
 * wasm-bindgen's JS (`glue`: its file and source; or, without a file, a module's own
 * declarations) and a start from `parts` as one module, the WebAssembly's bytes in front
 * (without the linker's sections: scripts/wasm-sections.mjs).
 */
async function moduleWithWasm({ glue, wasm, parts, config, values = {}, release }) {
  const init = glue.file ? { init: { expression: defaultExport(glue.source, glue.file) } } : {};
  const code = glue.source + assemble({ module: true, config, values: { ...values, ...init }, parts });
  return embedded(withoutCustomSections(wasm)) + (release ? await minifyJs(code, { keep: ["__smx_table", "__smx_wasm"] }) : code);
}

// Step 3: the take-aways module. The takeaways/ crate built for wasm32 with the profile of
// this build (cargo honours CARGO_TARGET_DIR; Trunk's release build gets the release profile,
// `trunk serve` a debug build), wasm-bindgen's JS for it (`--target web`), wasm-opt with the
// app's own options (index.html's data-smx-wasm-opt and data-wasm-opt-params, release builds),
// then the same embedding as the bundle's, with web/takeaways-start.js: a module that
// resolves once its WebAssembly has started. The app loads it when a take-away file is
// first asked for (src/edge.rs, web/lazy-modules.js).
export const TAKEAWAYS_CRATE = "security-matrix-takeaways";

const run = (command, args) => execFileSync(command, args, { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });

/** index.html's rust link (Trunk's): the app's features and wasm-opt options. */
const rustLink = () => {
  const tag = readFileSync(path.join(ROOT, "index.html"), "utf8").match(/<link\b[^>]*\brel="rust"[^>]*>/)?.[0];
  if (!tag) throw new Error("index.html has no rust link");
  return tag;
};

/** A .wasm cargo built for wasm32 with this build's profile (cargo honours CARGO_TARGET_DIR). */
const cargoWasm = (release, name) =>
  path.join(path.resolve(ROOT, process.env.CARGO_TARGET_DIR ?? "target"), "wasm32-unknown-unknown", release ? "release" : "debug", `${name}.wasm`);

/**
 * wasm-opt on `wasm`, in place, with the app's own options (index.html's data-smx-wasm-opt and
 * data-wasm-opt-params). The build's step, not Trunk's (its data-wasm-opt is off): Trunk's
 * module is split or replaced after it, and would carry the linker's sections into wasm-opt.
 */
function wasmOpt(wasm) {
  const rust = rustLink();
  const level = attr(rust, "data-smx-wasm-opt");
  if (!level) throw new Error("index.html's rust link has no data-smx-wasm-opt");
  const params = (attr(rust, "data-wasm-opt-params") ?? "").split(/\s+/).filter(Boolean);
  // (Without the linker's sections, which binaryen does not read as such: a module built
  // with the app's flags, the take-aways', still has them.)
  writeFileSync(wasm, withoutCustomSections(readFileSync(wasm)));
  run("wasm-opt", [`-O${level}`, ...params, wasm, "-o", wasm]);
}

async function writeTakeaways(dir, config, release) {
  run("cargo", ["build", ...(release ? ["--release"] : []), "--locked", "--target", "wasm32-unknown-unknown", "-p", TAKEAWAYS_CRATE]);
  const built = cargoWasm(release, TAKEAWAYS_CRATE.replaceAll("-", "_"));
  const out = mkdtempSync(path.join(os.tmpdir(), "smx-takeaways-"));
  try {
    run("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", out, "--out-name", TAKEAWAYS_CRATE, built]);
    const wasm = path.join(out, `${TAKEAWAYS_CRATE}_bg.wasm`);
    if (release) wasmOpt(wasm);
    const glueFile = path.join(out, `${TAKEAWAYS_CRATE}.js`);
    const source = await moduleWithWasm({
      glue: { file: glueFile, source: readFileSync(glueFile, "utf8") },
      wasm: readFileSync(wasm),
      parts: ["decode-bytes.js", "takeaways-start.js"],
      config,
      release,
    });
    return write(dir, hashedName(`${TAKEAWAYS_CRATE}-`, source), source);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// Step 4, split: with the `lazy-pages` feature (index.html's data-cargo-features), the app's
// WebAssembly as cargo linked it (Trunk's build, through scripts/lib.sh's trunk_app, which
// keeps the linker's relocations) goes through wasm-split-cli, which follows every call and
// reference from the split point (src/components/pages.rs) and moves what only it reaches
// into a module of its own: the code of every page but the start page. The rest, the module
// the start page waits for, gets wasm-bindgen's JS (Trunk's is for the unsplit module, and
// goes); each gets wasm-opt (release builds). Each split module becomes
// security-matrix-<name>-<hash>.js (its bytes: web/split-bytes.js); the
// tool's loader (its JS, which fetch()es a .wasm) is rewritten to take the bytes from that
// module through the bundle's lazy-module loader (`splitBytes`, web/lazy-modules.js), so
// integrity and `connect-src 'none'` hold, and goes into the bundle with wasm-bindgen's JS.
export const SPLIT_TOOL = "wasm-split-cli";
const APP = "security-matrix";

async function splitApp(dir, config, release) {
  const out = mkdtempSync(path.join(os.tmpdir(), "smx-split-"));
  try {
    const built = cargoWasm(release, APP);
    if (!customSectionNames(readFileSync(built)).includes("linking")) {
      throw new Error(`${built} has no relocations for ${SPLIT_TOOL}: build with scripts/build or scripts/serve (they pass --emit-relocs to the link; Trunk alone does not)`);
    }
    run(SPLIT_TOOL, [built, out, "--out-name", APP]);
    run("wasm-bindgen", ["--target", "web", "--no-typescript", "--keep-lld-exports", "--out-dir", path.join(out, "bindgen"), "--out-name", APP, path.join(out, `${APP}.wasm`)]);
    const main = path.join(out, "bindgen", `${APP}_bg.wasm`);
    const stems = readdirSync(out).filter((n) => n.endsWith(".wasm") && n !== `${APP}.wasm`).map((n) => n.slice(0, -".wasm".length));
    if (stems.length === 0) throw new Error(`${SPLIT_TOOL} split nothing off (is the split point in the build?)`);
    for (const wasm of [main, ...stems.map((stem) => path.join(out, `${stem}.wasm`))]) if (release) wasmOpt(wasm);
    const splits = {};
    for (const stem of stems) {
      const glue = { source: "export let bytes;\n" };
      const source = await moduleWithWasm({ glue, wasm: readFileSync(path.join(out, `${stem}.wasm`)), parts: ["decode-bytes.js", "split-bytes.js"], config, release });
      splits[stem] = write(dir, hashedName(`${APP}-${stem.replace(/^split_/, "").replaceAll("_", "-")}-`, source), source);
    }
    const { glue, loader } = linkSplits(readFileSync(path.join(out, "bindgen", `${APP}.js`), "utf8"), readFileSync(path.join(out, "__wasm_split.js"), "utf8"));
    return { glue: { file: `${APP}.js`, source: glue }, wasm: readFileSync(main), loader, splits };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * wasm-bindgen's JS and the split tool's loader, linked in one module: the JS imports the
 * loader's functions from "./__wasm_split.js" (the split module's imports) and now gets them
 * from an object the loader, a part of the bundle's start, fills; the loader takes each split
 * module's bytes from `splitBytes` instead of fetch(), and the main module's exports from the
 * same module's `initSync`. Each rewrite must find what it rewrites, or the build fails.
 */
export function linkSplits(glue, loader) {
  const must = (ok, what) => {
    if (!ok) throw new Error(`${SPLIT_TOOL}'s output is not as this build expects: ${what}`);
  };
  const imported = glue.match(/^import \* as (\w+) from ["']\.\/__wasm_split\.js["'];?$/m);
  must(imported, "wasm-bindgen's JS does not import ./__wasm_split.js");
  const linked = glue.replace(imported[0], `const ${imported[1]} = {};`);
  let code = loader;
  const rewrite = (pattern, to, what) => {
    must(pattern.test(code), what);
    code = code.replace(pattern, to);
  };
  rewrite(/^import \{ initSync \} from "[^"]+";\n/m, "", "the loader does not import initSync");
  rewrite(/^export const (\w+) = /gm, `${imported[1]}.$1 = `, "the loader exports no load function");
  rewrite(/fetch\(new URL\("\.\/([\w.-]+)\.wasm", import\.meta\.url\)\)/g, 'splitBytes("$1")', "the loader fetches no module");
  rewrite(/WebAssembly\.instantiateStreaming\(src, imports\)/g, "WebAssembly.instantiate(await src, imports)", "the loader does not instantiate what it fetched");
  must(!/\bfetch\(|\bexport\b|\bimport\b/.test(code), "the loader still fetches, imports or exports");
  return { glue: linked, loader: { name: `${SPLIT_TOOL}'s loader (generated)`, source: code } };
}

/** Trunk's module, through wasm-opt in release builds (a build without the split). */
function optimised(wasm, release) {
  if (release) wasmOpt(wasm);
  return readFileSync(wasm);
}

// Step 4, bundle: wasm-bindgen's JS and the start as ONE module, the WebAssembly's bytes in
// front of them as string literals (scripts/wasm-in-js.mjs, never through terser): the page
// loads it with <script type="module" src integrity>, which the browser checks before running
// it.
async function writeBundle(dir, trunk, config, lazy, release) {
  const split = attr(rustLink(), "data-cargo-features")?.split(",").includes("lazy-pages") ? await splitApp(dir, config, release) : null;
  const source = await moduleWithWasm({
    glue: split ? split.glue : { file: trunk.glue, source: readFileSync(path.join(dir, trunk.glue), "utf8") },
    wasm: split ? split.wasm : optimised(path.join(dir, trunk.wasm), release),
    parts: ["decode-bytes.js", "lazy-modules.js", ...(split ? [split.loader] : []), "mount-options.js", "fallback.js", "start.js"],
    config,
    values: { ...lazy, SPLITS: split ? split.splits : {} },
    release,
  });
  rmSync(path.join(dir, trunk.glue));
  rmSync(path.join(dir, trunk.wasm));
  return write(dir, hashedName("security-matrix-", source), source);
}

// Step 5: the boot script, last in index.html's <head>.
async function writeBoot(dir, config, release) {
  const code = assemble({ config, parts: ["first-screen.js", "boot.js"] });
  const source = release ? await minifyJs(code, { module: false }) : code;
  return write(dir, hashedName("security-matrix-boot-", source), source);
}

// Step 6: the loader, with the stylesheet and the module it adds, and the start page a direct
// mount shows until the app starts.
async function writeLoader(dir, config, directPage, assets, release) {
  const code = assemble({
    config,
    values: { ASSETS: assets, START_PAGE: htmlToTree(directPage) },
    parts: ["first-screen.js", "mount-options.js", "loader.js"],
  });
  const banner = "/*! Security Matrix widget loader (web/loader.js): https://<widget origin>/security-matrix-loader.js, next to <div data-security-matrix> */\n";
  return write(dir, LOADER, banner + (release ? await minifyJs(code, { module: false }) : code));
}

// Step 7: the pages, from their templates, over Trunk's copies. In a template, `{{sri FILE}}`
// is the integrity of FILE (relative to the page) as built.
function writePages(dir, values) {
  const page = (template, out, options) => {
    const sriOf = (file) => sri(readFileSync(path.join(dir, path.dirname(out), file)));
    writeFileSync(path.join(dir, out), fill(readFileSync(path.join(ROOT, template), "utf8"), { ...values, sri: sriOf }, options));
  };
  page("index.html", "index.html", { compact: true });
  page("static/example/index.html", "example/index.html");
  page("static/example/tender.html", "example/tender.html");
}

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? htmlFiles(p) : name.endsWith(".html") ? [p] : [];
  });
}

// Step 8: every local script and stylesheet of every page has the integrity of its file;
// nothing remote; no inline script or style (the CSP would block it).
function check(dir) {
  const problems = [];
  for (const file of htmlFiles(dir)) {
    const html = readFileSync(file, "utf8");
    const page = path.relative(dir, file);
    for (const [tag, kind] of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
      const isScript = kind.toLowerCase() === "script";
      const rel = (attr(tag, "rel") ?? "").toLowerCase();
      const url = isScript ? attr(tag, "src") : attr(tag, "href");
      if (url === undefined) {
        if (isScript) problems.push(`${page}: inline <script> (the CSP blocks it)`);
        continue;
      }
      if (url.startsWith("data:") || (!isScript && !["stylesheet", "modulepreload"].includes(rel))) continue;
      if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) {
        problems.push(`${page}: remote resource ${url}`);
        continue;
      }
      const target = path.join(url.startsWith("/") ? dir : path.dirname(file), url.split(/[?#]/)[0]);
      if (!existsSync(target)) problems.push(`${page}: ${url} is not in the build`);
      else if (attr(tag, "integrity") !== sri(readFileSync(target))) problems.push(`${page}: ${url} has no integrity, or not its file's`);
    }
    if (/<style\b/i.test(html)) problems.push(`${page}: inline <style> (the CSP blocks it)`);
    if (/<[a-z][^>]*\sstyle\s*=/i.test(html)) problems.push(`${page}: style="" attribute (the CSP blocks it)`);
  }
  if (problems.length) throw new Error("the build does not fit the CSP:\n  " + problems.join("\n  "));
}

async function main() {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error("usage: postbuild.mjs DIR (or run as a Trunk hook)");
  const base = process.env.TRUNK_PUBLIC_URL ?? "/";
  const release = process.env.TRUNK_PROFILE !== "debug";
  const trunk = trunkOutput(dir);
  const pre = runPrerender(); // 1
  const words = writeWords(dir, pre.words); // 2
  const takeaways = await writeTakeaways(dir, pre.config, release); // 3
  const bundle = await writeBundle(dir, trunk, pre.config, { WORDS: words, TAKEAWAYS: takeaways }, release); // 4
  const boot = await writeBoot(dir, pre.config, release); // 5
  const assets = [
    { kind: "style", ...trunk.stylesheet },
    { kind: "module", ...bundle },
  ];
  await writeLoader(dir, pre.config, pre.directPage, assets, release); // 6
  writePages(dir, { SMX: pre.config, base, page: pre.page, stylesheet: trunk.stylesheet, bundle, boot }); // 7
  check(dir); // 8
  // 9. Not in debug builds (trunk serve, which never sends them): brotli 11 takes seconds on
  // the unoptimised bundle.
  const compressed = release ? precompress(dir) : null;
  const copies = compressed ? `, .br and .gz beside ${compressed.length} text files` : "";
  const size = (f) => statSync(path.join(dir, f.file)).size;
  console.log(`postbuild: ${bundle.file} (JS + WebAssembly, ${size(bundle)} bytes), ${words.file} (${size(words)} bytes), ${takeaways.file} (${size(takeaways)} bytes), ${boot.file}, ${LOADER}, the pages${copies}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await main();
  } catch (e) {
    console.error(`postbuild: ${e.message}`);
    process.exit(1);
  }
}

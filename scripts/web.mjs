// The browser's files from web/ (scripts/postbuild.mjs): the scripts, each assembled from
// parts with the values the build hands them, then minified; and the pages, filled from
// their templates.
//
// A part (web/*.js) is a plain script: declarations, and for the last part of a script the
// statements that run. It names what it expects in scope in its header (`SMX`, the
// configuration prerender/src/config.rs writes; other parts' functions; what the build made),
// and spells none of the configuration's values (scripts/check-web.test.mjs checks both).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const WEB = path.join(ROOT, "web");

/** A part's source. */
export const part = (name) => readFileSync(path.join(WEB, name), "utf8");

/** A part's code without its comments (`//` after a colon is a URL's, and stays). */
export const withoutComments = (source) => source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:\\])\/\/.*$/gm, "$1");

/** Every `SMX.a.b` path in a part's code, as ["a", "b"]; a bare `SMX` (passed on whole) throws. */
export function configPaths(source, name = "a part") {
  const paths = [];
  for (const m of withoutComments(source).matchAll(/\bSMX\b((?:\s*\.\s*[A-Za-z_$][\w$]*)*)/g)) {
    if (!m[1]) throw new Error(`${name} uses SMX whole: read its values by their paths (SMX.a.b)`);
    paths.push(m[1].split(".").map((k) => k.trim()).filter(Boolean));
  }
  return paths;
}

/**
 * The part of `config` that `sources` read (by their `SMX.a.b` paths): each script carries
 * only what it uses. A path the configuration does not have fails the build.
 */
export function configFor(config, sources) {
  const out = {};
  for (const [name, source] of Object.entries(sources)) {
    for (const keys of configPaths(source, name)) {
      let from = config;
      let to = out;
      keys.forEach((k, i) => {
        if (from === null || typeof from !== "object" || !(k in from)) {
          throw new Error(`${name} reads SMX.${keys.join(".")}, which the configuration (prerender/src/config.rs) does not have`);
        }
        from = from[k];
        if (i === keys.length - 1 || from === null || typeof from !== "object" || Array.isArray(from)) to[k] = from;
        else to = to[k] ??= {};
      });
    }
  }
  return out;
}

/**
 * A script's code: `SMX` (the part of `config` its parts read) and `values` declared first
 * (name → value, written as JSON, or `{ expression }` for code the build gives), then `parts`
 * in order (a file of web/ by its name, or `{ name, source }` the build generated), all in a
 * scope of their own. `module: false`, a classic script: a function scope,
 * so nothing reaches the host page's globals. `module: true`, the start that follows
 * wasm-bindgen's JS in the same module: a block, so no name meets one of wasm-bindgen's.
 */
export function assemble({ parts, config, values = {}, module = false }) {
  const declare = module ? "const" : "var";
  // A part is a file of web/, or code the build generated ({ name, source }).
  const named = parts.map((p) => (typeof p === "string" ? { name: `web/${p}`, source: part(p) } : p));
  const SMX = configFor(config, Object.fromEntries(named.map(({ name, source }) => [name, source])));
  const head = Object.entries({ SMX, ...values }).map(
    ([name, v]) => `${declare} ${name} = ${v && typeof v === "object" && "expression" in v ? v.expression : JSON.stringify(v)};`,
  );
  const body = [...head, ...named.map(({ name, source }) => `// ---- ${name}\n${source}`)].join("\n");
  return module ? `{\n${body}\n}\n` : `(function () {\n"use strict";\n${body}\n})();\n`;
}

/** One function of a part, in this Node process (its checks and benchmarks run it). */
export function webFunction(name, fn) {
  return vm.runInThisContext(`(function () {\n${part(name)}\nreturn ${fn};\n})()`, { filename: path.join(WEB, name) });
}

// Terser from tools/ (scripts/lib.sh installs it with the build tools, by npm ci there).
function terser() {
  try {
    return createRequire(path.join(ROOT, "tools/package.json"))("terser");
  } catch (e) {
    throw new Error(`terser is not installed in tools/ (scripts/build installs it, or run npm ci in tools/): ${e.message}`);
  }
}

/**
 * `code` minified by terser, a module's (`module: true`, its top-level names mangled) or a
 * classic script's. Trunk's own minifier gives up on wasm-bindgen's JS at its
 * `export … as default` and leaves it as it is. Names in `keep` (free in the code: the
 * embedded module's literals, declared in front of it) must come out as they went in.
 */
export async function minifyJs(code, { module = true, keep = [] } = {}) {
  // Terser's defaults: more passes or a newer ecma gzip no smaller here.
  const out = (await terser().minify(code, { module })).code;
  for (const name of keep) {
    if (code.includes(name) && !out.includes(name)) throw new Error(`terser dropped ${name}`);
  }
  return out;
}

/**
 * A page from its template: every `{{path}}` replaced by the value at that dotted path of
 * `values` (put in as it is: markup, or an attribute's value), every `{{name argument}}` by
 * what the function `values[name]` returns for the argument, every `{{# … }}` (the
 * template's comments, and in index.html the tags only Trunk reads) left out, and the
 * template's white space between tags (and around it) dropped when `compact`. A path with
 * no value fails the build.
 */
export function fill(template, values, { compact = false } = {}) {
  let page = template.replace(/\{\{#[\s\S]*?\}\}\n?/g, "");
  if (compact) page = page.replace(/>\s+(?=<|\{\{)/g, ">").replace(/\}\}\s+</g, "}}<").trim();
  // The values last: their own white space stays as it is.
  return (
    page.replace(/\{\{\s*([\w.-]+)(?:\s+([^\s{}]+))?\s*\}\}/g, (slot, key, arg) => {
      if (arg !== undefined) {
        if (typeof values[key] !== "function") throw new Error(`the template has ${slot}, which the build does not give`);
        return values[key](arg);
      }
      const v = key.split(".").reduce((o, k) => (o == null ? undefined : o[k]), values);
      if (v === undefined || v === null || typeof v === "object") throw new Error(`the template has ${slot}, which the build does not give`);
      return String(v);
    })
  );
}

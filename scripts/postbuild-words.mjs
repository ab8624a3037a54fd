// Step 2b of scripts/postbuild.mjs: the clauses' own words in a module of their own,
// security-matrix-words-<hash>.js, and the start's function that loads it. The production
// build (index.html's data-cargo-features="lazy-words") leaves the words out of the
// WebAssembly; the app asks for them (src/edge.rs) when a result view first shows.
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";

export const WORDS_PREFIX = "security-matrix-words-";

// The clauses' words as a module of their own, `export default [...]` (one string
// per obligation, in catalogue order, as the core's `catalogue::words::install` takes them),
// `words` as the native pre-render prints them (scripts/prerender.mjs: `words`, from
// `catalogue::words::builtin()`). Returns its name and integrity, which the bundle's start
// carries.
export function writeWords(dir, words) {
  if (!Array.isArray(words) || words.length === 0 || !words.every((w) => typeof w === "string" && w.length > 0)) {
    throw new Error("the pre-render did not print the words as a JSON array of strings");
  }
  const source = `export default ${JSON.stringify(words)};\n`;
  const file = `${WORDS_PREFIX}${createHash("sha256").update(source).digest("hex").slice(0, 16)}.js`;
  writeFileSync(path.join(dir, file), source);
  return { file, integrity: `sha384-${createHash("sha384").update(source).digest("base64")}`, bytes: Buffer.byteLength(source) };
}

// In the start: globalThis.__smxWords(), which the app's edge calls (src/edge.rs), resolves
// to the words' strings. The file is found beside this bundle (import.meta.url: the
// widget's origin, also when a host page mounts it directly) and loaded once, with
// <link rel="modulepreload" integrity crossorigin>: the browser fetches it, checks its
// integrity and fires "error" (the promise rejects) when it does not match or the file is
// missing; on "load" the import() takes the module from the module map, without a second
// request (an import() alone cannot carry integrity, and an import map would be an inline
// script). A link's href is no Trusted Types sink, so hosts enforcing them need no policy.
// A browser without modulepreload gets <script type="module" integrity>, checked the same.
export function wordsLoader(words) {
  return `let __smx_words_promise;
globalThis.__smxWords = () => (__smx_words_promise ??= new Promise((resolve, reject) => {
  const url = new URL(${JSON.stringify(words.file)}, import.meta.url).href;
  const link = document.createElement("link");
  const preload = !!(link.relList && link.relList.supports && link.relList.supports("modulepreload"));
  const el = preload ? link : document.createElement("script");
  if (preload) {
    el.rel = "modulepreload";
    el.href = url;
  } else {
    el.type = "module";
    el.src = url;
  }
  el.integrity = ${JSON.stringify(words.integrity)};
  el.crossOrigin = "anonymous";
  el.addEventListener("load", () => import(url).then((m) => resolve(m.default), reject), { once: true });
  el.addEventListener("error", () => reject(new Error("the schedule's words were refused (integrity) or are missing: " + url)), { once: true });
  document.head.append(el);
}));
`;
}

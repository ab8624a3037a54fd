// The clauses' own words, security-matrix-words-<hash>.js, loaded when the app first asks
// (src/edge.rs `load_words`, through `globalThis[SMX.globals.words]`): a promise of their
// strings, made once.
//
// The file is found beside the bundle (import.meta.url: the widget's origin, also when a host
// page mounts it directly) and loaded once, with <link rel="modulepreload" integrity
// crossorigin>: the browser fetches it, checks its integrity and fires "error" (the promise
// rejects) when it does not match or the file is missing; on "load" the import() takes the
// module from the module map, without a second request (an import() alone cannot carry
// integrity, and an import map would be an inline script). A link's href is no Trusted Types
// sink, so hosts enforcing them need no policy. A browser without modulepreload gets
// <script type="module" integrity>, checked the same.
//
// A part of the bundle's start: the build (scripts/web.mjs) puts it there, in the module's
// scope, after `SMX` (prerender/src/config.rs) and `WORDS` (the words file's name and
// integrity, which the build wrote just before).
/* global SMX, WORDS */

let wordsPromise;
globalThis[SMX.globals.words] = () =>
  (wordsPromise ??= new Promise((resolve, reject) => {
    const url = new URL(WORDS.file, import.meta.url).href;
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
    el.integrity = WORDS.integrity;
    el.crossOrigin = "anonymous";
    el.addEventListener("load", () => import(url).then((m) => resolve(m.default), reject), { once: true });
    el.addEventListener(
      "error",
      () => reject(new Error("the schedule's words were refused (integrity) or are missing: " + url)),
      { once: true },
    );
    document.head.append(el);
  }));

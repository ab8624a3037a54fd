// The widget's modules loaded only when the app first asks for them (src/edge.rs), each
// through a global the app calls (`globalThis[SMX.globals.…]`) that returns a promise made
// once:
//
// - the clauses' own words, security-matrix-words-<hash>.js (`load_words`): their strings;
// - the take-aways module, security-matrix-takeaways-<hash>.js (`make_takeaway`): the
//   module's exports, its WebAssembly instantiated (the writers of the files only downloads
//   need: takeaways/, scripts/postbuild.mjs step "takeaways");
// - the modules split off the app's WebAssembly, security-matrix-pages-<hash>.js (the code of
//   every page but the start page: scripts/postbuild.mjs step "split"), through `splitBytes`,
//   which the split loader the build generates calls (no global): their WebAssembly's bytes.
//
// A file is found beside the bundle (import.meta.url: the widget's origin, also when a host
// page mounts it directly) and loaded once, with <link rel="modulepreload" integrity
// crossorigin>: the browser fetches it, checks its integrity and fires "error" (the promise
// rejects) when it does not match or the file is missing; on "load" the import() takes the
// module from the module map, without a second request (an import() alone cannot carry
// integrity, and an import map would be an inline script). A link's href is no Trusted Types
// sink, so hosts enforcing them need no policy. A browser without modulepreload gets
// <script type="module" integrity>, checked the same.
//
// A part of the bundle's start: the build (scripts/web.mjs) puts it there, in the module's
// scope, after `SMX` (prerender/src/config.rs), `WORDS`, `TAKEAWAYS` (each file's name and
// integrity, which the build wrote just before) and `SPLITS` (the same, by split module name).
/* global SMX, WORDS, TAKEAWAYS, SPLITS */
/* exported splitBytes */

/**
 * A function that loads `file` ({ file, integrity }) the first time it is called and
 * resolves to `pick(module)`; later calls get the same promise. `what` names it in the error.
 */
function lazyModule(what, file, pick) {
  let promise;
  return () =>
    (promise ??= new Promise((resolve, reject) => {
      const url = new URL(file.file, import.meta.url).href;
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
      el.integrity = file.integrity;
      el.crossOrigin = "anonymous";
      el.addEventListener("load", () => import(url).then((m) => resolve(pick(m)), reject), { once: true });
      el.addEventListener("error", () => reject(new Error(what + " were refused (integrity) or are missing: " + url)), { once: true });
      document.head.append(el);
    }));
}

globalThis[SMX.globals.words] = lazyModule("the schedule's words", WORDS, (m) => m.default);
globalThis[SMX.globals.takeaways] = lazyModule("the take-away files' writers", TAKEAWAYS, (m) => m);

const splitModules = Object.fromEntries(
  Object.entries(SPLITS).map(([name, file]) => [name, lazyModule("the pages' modules", file, (m) => m.bytes)]),
);
/** The bytes of the split module `name` (loaded once). */
const splitBytes = (name) => splitModules[name]();

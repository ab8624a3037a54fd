// The start of security-matrix-takeaways-<hash>.js, after wasm-bindgen's JS (takeaways/,
// `--target web`) in the same module: it instantiates the WebAssembly the build embedded in
// the file (scripts/wasm-in-js.mjs; the CSP's connect-src 'none' forbids fetching a .wasm).
// The module's evaluation waits for it (top-level await), so the import() that loads it
// (web/lazy-modules.js) resolves only once its exports can be called, and rejects if the
// WebAssembly cannot start.
//
// The last part of the take-aways module: the build (scripts/web.mjs) puts it there, in the
// module's scope, after `init` (wasm-bindgen's default export) and decodeBytes
// (web/decode-bytes.js). The embedded module's bytes, `__smx_table` and `__smx_wasm`, are
// declared in front of the code.
/* global init, decodeBytes, __smx_table, __smx_wasm */

await init({ module_or_path: decodeBytes(__smx_table, __smx_wasm) });

// The whole of a module the build split off the app's WebAssembly (wasm-split-cli: the code
// of every page but the start page, scripts/postbuild.mjs step "split"), after decodeBytes
// (web/decode-bytes.js): its WebAssembly's bytes, which the bundle's split loader
// (web/lazy-modules.js) instantiates against the app's own module (its memory and table).
//
// The last part of security-matrix-pages-<hash>.js: the build (scripts/web.mjs) puts it
// there, in the module's scope, after the module's one export, `bytes` (declared by the build,
// as parts cannot export from their block). The embedded module's bytes, `__smx_table` and
// `__smx_wasm`, are declared in front of the code.
/* global bytes:writable, decodeBytes, __smx_table, __smx_wasm */

bytes = decodeBytes(__smx_table, __smx_wasm);

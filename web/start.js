// The start of security-matrix-<hash>.js, after wasm-bindgen's JS in the same module: it
// marks the page (the boot script looks), waits for the page, and instantiates the
// WebAssembly the build embedded in the file; if it cannot start, or traps outside a Rust
// panic (which has its own hook), it shows the fallback (fallback.js) where the widget
// would be.
//
// A part of the bundle: the build (scripts/web.mjs) puts it last, in the module's scope,
// after `SMX` (prerender/src/config.rs), `init` (wasm-bindgen's default export),
// decodeBytes (scripts/wasm-in-js.mjs), lazy-modules.js, mount-options.js and fallback.js. The
// embedded module's bytes, `__smx_table` and `__smx_wasm`, are declared in front of the code.
/* global SMX, init, decodeBytes, showFallback, __smx_table, __smx_wasm */

// For the boot script (boot.js): this module ran (before DOMContentLoaded).
globalThis[SMX.globals.started] = true;
// For the app's panic hook (src/embed.rs).
globalThis[SMX.globals.fallback] = showFallback;

// A trap that did not come through the Rust panic hook (which shows its own message).
const trapped = (e) => e instanceof WebAssembly.RuntimeError && showFallback("trap");
addEventListener("error", (event) => trapped(event.error));
addEventListener("unhandledrejection", (event) => trapped(event.reason));

if (document.readyState === "loading") {
  await new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve, { once: true }));
}
try {
  await init({ module_or_path: decodeBytes(__smx_table, __smx_wasm) });
} catch (error) {
  console.error("Security Matrix widget could not start:", error);
  showFallback("init");
}

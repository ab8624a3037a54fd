// The embedded WebAssembly's bytes, back from the string literal the build wrote
// (scripts/wasm-in-js.mjs): `s` holds one character per byte, and the character at position c
// of `table` has the code of the byte that character c stands for.
//
// A part of the bundle's start (start.js calls it); the build's own checks and benchmarks
// run this same function in Node (scripts/wasm-in-js.mjs).
/* exported decodeBytes */

function decodeBytes(table, s) {
  var t = new Uint8Array(256);
  for (var c = 0; c < 256; c++) t[c] = table.charCodeAt(c);
  var b = new Uint8Array(s.length);
  for (var i = 0; i < s.length; i++) b[i] = t[s.charCodeAt(i)];
  return b;
}

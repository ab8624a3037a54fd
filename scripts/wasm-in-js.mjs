// The WebAssembly inside the JS (scripts/postbuild.mjs, step "bundle"): `connect-src 'none'`
// forbids the fetch() that would load a separate .wasm, so the module's bytes go into the
// bundle as a Latin-1 string literal, its most frequent byte values as one-byte ASCII
// characters (gzip stays within a few per cent of the .wasm's; base64 would cost about 30%
// more), decoded in the browser by web/decode-bytes.js.
import { webFunction } from "./web.mjs";

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
// that character c stands for (what decodeBytes reads).
export function inverseTable(charOf) {
  const byteOf = new Uint8Array(256);
  for (let b = 0; b < 256; b++) byteOf[charOf[b]] = b;
  return byteOf;
}

// The decoder the bundle's start runs (web/decode-bytes.js), for the build's checks and
// benchmarks: the same function, in Node.
export const decodeBytes = webFunction("decode-bytes.js", "decodeBytes");

// The module's bytes, each as a character of U+0000–U+00FF, and the inverse table: the
// character at position c of __smx_table has the code of the byte that character c stands
// for. Declared first in the file, so the start can use them; never through terser.
export function embedded(wasm) {
  const charOf = byteMapping(wasm);
  return `const __smx_table = ${bytesLiteral(inverseTable(charOf))};
const __smx_wasm = ${bytesLiteral(wasm, charOf)};
`;
}


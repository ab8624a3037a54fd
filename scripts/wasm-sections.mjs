// The custom sections of a WebAssembly module, by name: which it has, and the module without
// the linker's ("linking", "reloc.*"). The app's build has the linker keep its relocations
// (--emit-relocs, scripts/lib.sh `trunk_app`) for the split of the app's module
// (scripts/postbuild.mjs step "split", which reads them); the take-aways module, built with the
// same flags, would carry them through wasm-bindgen and wasm-opt to dist/ as they are.
const LINKER = (name) => name === "linking" || name.startsWith("reloc.");

function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  let b;
  do {
    b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return { value, at };
}

/** Each section of `bytes` (a module): its bytes, and a custom section's name. */
function* sections(bytes) {
  let at = 8;
  while (at < bytes.length) {
    const start = at;
    const size = leb(bytes, at + 1);
    const end = size.at + size.value;
    if (end > bytes.length) throw new Error("not a WebAssembly module: a section runs past the end");
    let name;
    if (bytes[start] === 0) {
      const len = leb(bytes, size.at);
      name = Buffer.from(bytes.subarray(len.at, len.at + len.value)).toString("utf8");
    }
    yield { bytes: bytes.subarray(start, end), name };
    at = end;
  }
}

/** The names of the custom sections of `bytes` (a module), in order. */
export const customSectionNames = (bytes) => [...sections(bytes)].flatMap((s) => (s.name === undefined ? [] : [s.name]));

/** `bytes` (a module) without its custom sections that `drop(name)` picks (the linker's by default). */
export function withoutCustomSections(bytes, drop = LINKER) {
  const kept = [...sections(bytes)].filter((s) => s.name === undefined || !drop(s.name));
  return Buffer.concat([bytes.subarray(0, 8), ...kept.map((s) => s.bytes)]);
}

// A WebAssembly module without the linker's custom sections ("linking", "reloc.*"):
// .cargo/config.toml has the linker keep its relocations (--emit-relocs) for the split of the
// app's module (scripts/postbuild.mjs step "split", which reads them); in a module that is not
// split (the take-aways), wasm-bindgen and wasm-opt would carry them to dist/ as they are.
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

/** `bytes` (a module) without its custom sections that `drop(name)` picks (the linker's by default). */
export function withoutCustomSections(bytes, drop = LINKER) {
  const kept = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at];
    const size = leb(bytes, at + 1);
    const end = size.at + size.value;
    if (end > bytes.length) throw new Error("not a WebAssembly module: a section runs past the end");
    let name;
    if (id === 0) {
      const len = leb(bytes, size.at);
      name = Buffer.from(bytes.subarray(len.at, len.at + len.value)).toString("utf8");
    }
    if (name === undefined || !drop(name)) kept.push(bytes.subarray(start, end));
    at = end;
  }
  return Buffer.concat(kept);
}

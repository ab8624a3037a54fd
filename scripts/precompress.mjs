#!/usr/bin/env node
// Precompressed copies of the built text files, for hosts that serve them as they are:
// beside every text asset X (.html, .js, .css, …, in every folder) the build writes X.br
// (brotli, quality 11) and X.gz (gzip, level 9). nginx serves them with `brotli_static on;`
// (the ngx_brotli module) and `gzip_static on;`, Caddy with `file_server { precompressed br
// gzip }`: to a browser that accepts the encoding, with Content-Encoding and the file's own
// Content-Type. Binary and already-compressed files (images, fonts, .wasm, .br, .gz, …) get
// none. The last step of scripts/postbuild.mjs, after every file is final: Subresource
// Integrity is of the uncompressed bytes (a browser checks it after decoding).
//
// Usage: node scripts/precompress.mjs DIR     (writes the .br and .gz files again)
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import zlib from "node:zlib";

/** The files that get a .br and a .gz: text, which compresses. */
export const TEXT_EXTENSIONS = [".html", ".js", ".mjs", ".css", ".json", ".map", ".svg", ".txt", ".xml", ".webmanifest"];

export const isTextAsset = (name) => TEXT_EXTENSIONS.includes(path.extname(name).toLowerCase());

export const brotli = (bytes) =>
  zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });

// Level 9 (zlib's; the gzip tool's -9 is about 1% smaller on the bundle); no name and no
// time in the header, so a build is reproducible.
export const gzip = (bytes) => zlib.gzipSync(bytes, { level: 9 });

/** Every file under dir (relative paths), hidden files and folders left out. */
function filesUnder(dir, rel = "") {
  return readdirSync(path.join(dir, rel)).flatMap((name) => {
    if (name.startsWith(".")) return [];
    const r = path.join(rel, name);
    return statSync(path.join(dir, r)).isDirectory() ? filesUnder(dir, r) : [r];
  });
}

/**
 * Writes X.br and X.gz beside every text asset X under dir (again, if they are there).
 * @returns {{file: string, bytes: number, br: number, gz: number}[]}
 */
export function precompress(dir) {
  return filesUnder(dir)
    .filter(isTextAsset)
    .map((file) => {
      const p = path.join(dir, file);
      const bytes = readFileSync(p);
      const br = brotli(bytes);
      const gz = gzip(bytes);
      writeFileSync(p + ".br", br);
      writeFileSync(p + ".gz", gz);
      return { file, bytes: bytes.length, br: br.length, gz: gz.length };
    });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: node scripts/precompress.mjs DIR");
    process.exit(2);
  }
  const done = precompress(dir);
  const sum = (k) => done.reduce((s, f) => s + f[k], 0);
  console.log(`precompress: ${done.length} text files, ${sum("bytes")} bytes → ${sum("br")} brotli, ${sum("gz")} gzip`);
}

// The throttled bench's section of reports/speed.md: end2end/bench-slow-line.mjs writes it
// between two markers, and end2end/bench.mjs, which writes the rest of the file, keeps it.

export const BLOCK_START = '<!-- slow-line:start -->';
export const BLOCK_END = '<!-- slow-line:end -->';

/** The block in a report, markers included ('' when there is none). */
export function readBlock(text) {
  const a = text.indexOf(BLOCK_START);
  const b = text.indexOf(BLOCK_END, a);
  return a >= 0 && b >= 0 ? text.slice(a, b + BLOCK_END.length) : '';
}

/** The report with its block replaced by `block` (markers included), or `block` appended. */
export function withBlock(text, block) {
  const old = readBlock(text);
  if (old) return text.replace(old, () => block);
  return text.replace(/\n*$/, '\n\n') + block + '\n';
}

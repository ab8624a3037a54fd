// Small figures helpers shared by the throttled bench and the encoding bench.

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Milliseconds as text, e.g. `1234.5 ms` (a dash when there is no figure). */
export const ms = (x) => (typeof x === 'number' ? `${x.toFixed(1)} ms` : '–');

/** Bytes as text, e.g. `262 144 B (256.0 KiB)`. */
export const bytes = (x) => `${x} B (${(x / 1024).toFixed(1)} KiB)`;

/** Fastest and slowest, as text. */
export const spread = (xs) => `${ms(Math.min(...xs))} / ${ms(Math.max(...xs))}`;

/** All figures, one decimal, comma-separated. */
export const all = (xs) => xs.map((x) => (typeof x === 'number' ? x.toFixed(1) : '–')).join(', ');

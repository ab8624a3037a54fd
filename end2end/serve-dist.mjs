// A tiny dependency-free static server for the production build (dist/), used by the
// end-to-end tests and the speed benchmark. It listens on 127.0.0.1 only, on a free port
// unless one is given, and serves files with their proper MIME types (`.wasm` as
// `application/wasm`, which WebAssembly.instantiateStreaming requires).
//
// Like a host with precompressed files (nginx `brotli_static`/`gzip_static`, Caddy
// `precompressed br gzip`), it sends X.br in place of X when the request's Accept-Encoding
// allows br and X.br is there, otherwise X.gz when gzip is allowed and X.gz is there,
// otherwise X: with `Content-Encoding`, X's own Content-Type and, for every file that has a
// compressed copy, `Vary: Accept-Encoding`. The request log records the encoding sent.
//
// The Content-Security-Policy header is sent only when asked (`csp: true`, or `--csp` on
// the command line).
//
//   node end2end/serve-dist.mjs [DIR] [--port N] [--csp]     (DIR defaults to dist/)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// E2E_DIST=/some/dir serves another build instead of the project's dist/.
export const DIST_DIR = path.resolve(
  process.env.E2E_DIST ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist'),
);

/** The policy the hosted widget is meant to run under. */
export const CSP =
  "default-src 'self'; connect-src 'none'; script-src 'self' 'wasm-unsafe-eval'; " +
  "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'self'";

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.pdf': 'application/pdf',
};

/** The encodings a server may use, in the order it prefers them, and their file suffixes. */
export const PRECOMPRESSED = [
  { coding: 'br', suffix: '.br' },
  { coding: 'gzip', suffix: '.gz' },
];

/**
 * Whether an Accept-Encoding header value allows `coding` (RFC 9110 12.5.3): named with a
 * q-value above 0, or not named and `*` is there with a q-value above 0. No header: only
 * identity.
 */
export function acceptsEncoding(header, coding) {
  if (!header) return false;
  let star;
  for (const part of String(header).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim().match(/^q\s*=\s*([0-9.]+)$/)).find(Boolean);
    const allowed = !q || Number(q[1]) > 0;
    if (name.trim() === coding) return allowed;
    if (name.trim() === '*') star = allowed;
  }
  return star ?? false;
}

/**
 * Serves `root` on 127.0.0.1.
 * @param {{root?: string, port?: number, csp?: boolean}} [options]
 * @returns {Promise<{url: string, port: number, root: string, log: {method: string, path: string, status: number, encoding: string|null}[], close: () => Promise<void>}>}
 */
export async function serveDist({ root = DIST_DIR, port = 0, csp = false } = {}) {
  root = path.resolve(root);
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: run ./scripts/build first`);
  }
  const log = [];
  const server = http.createServer((req, res) => {
    const entry = { method: req.method, path: req.url, status: 0, encoding: null };
    log.push(entry);
    const send = (status, headers, body) => {
      entry.status = status;
      res.writeHead(status, {
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ...(csp ? { 'Content-Security-Policy': CSP } : {}),
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }, 'method not allowed\n');
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      return send(400, { 'Content-Type': 'text/plain' }, 'bad request\n');
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.join(root, pathname);
    // Never serve anything outside root (`..`, encoded or not).
    if (pathname.includes('\0') || !file.startsWith(root + path.sep)) {
      return send(404, { 'Content-Type': 'text/plain' }, 'not found\n');
    }
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) return send(404, { 'Content-Type': 'text/plain' }, 'not found\n');
      const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      const copies = PRECOMPRESSED.filter(({ suffix }) => isFile(file + suffix));
      const chosen = copies.find(({ coding }) => acceptsEncoding(req.headers['accept-encoding'], coding));
      fs.readFile(chosen ? file + chosen.suffix : file, (err, body) => {
        if (err) return send(404, { 'Content-Type': 'text/plain' }, 'not found\n');
        entry.encoding = chosen?.coding ?? null;
        send(
          200,
          {
            'Content-Type': type,
            'Content-Length': body.length,
            ...(chosen ? { 'Content-Encoding': chosen.coding } : {}),
            ...(copies.length ? { Vary: 'Accept-Encoding' } : {}),
          },
          body,
        );
      });
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actualPort = server.address().port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    root,
    log,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function isFile(p) {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const csp = args.includes('--csp');
  const portAt = args.indexOf('--port');
  const port = portAt >= 0 ? Number(args[portAt + 1]) : 0;
  const root = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--port') ?? DIST_DIR;
  const server = await serveDist({ root, port, csp });
  console.log(`Serving ${server.root} on ${server.url}/${csp ? ' with the CSP header' : ''} (Ctrl-C stops)`);
  process.on('SIGINT', () => server.close().then(() => process.exit(0)));
  process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
}

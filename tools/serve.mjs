// A tiny static server for the claimlens page (www/), with no dependencies.
//
//   node tools/serve.mjs            # http://127.0.0.1:8080 (PORT=9000 to change)
//   import { startServer } from './tools/serve.mjs'   # in tests: port 0 = any free port
//
// It serves GET and HEAD only, from one folder, on the loopback address only, with a strict
// Content-Security-Policy. It logs one line when it starts, not one per request.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_ROOT = path.resolve(HERE, '..', 'www');

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

const COMMON_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
  'Referrer-Policy': 'no-referrer',
};

function send(res, status, body, extra = {}) {
  const buf = Buffer.from(body, 'utf8');
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': buf.length,
    ...extra,
  });
  res.end(res.req.method === 'HEAD' ? undefined : buf);
}

/** Maps a request path to a file under root, or null when it would leave root. */
async function resolveFile(root, rawPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  let candidate = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null;
  let info;
  try {
    info = await stat(candidate);
    if (info.isDirectory()) {
      candidate = path.join(candidate, 'index.html');
      info = await stat(candidate);
    }
  } catch {
    return { missing: true };
  }
  if (!info.isFile()) return { missing: true };
  // A symbolic link must not lead out of root either.
  const real = await realpath(candidate).catch(() => null);
  if (!real || (real !== root && !real.startsWith(root + path.sep))) return null;
  return { file: real, size: info.size };
}

/**
 * Starts the server. Resolves to { server, url, port, close }.
 * port 0 picks a free port; root defaults to www/ beside tools/.
 */
export async function startServer({ port = 8080, root = DEFAULT_ROOT, host = '127.0.0.1', quiet = false } = {}) {
  const realRoot = await realpath(path.resolve(root));
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
        return;
      }
      let pathname;
      try {
        pathname = new URL(req.url, 'http://localhost').pathname;
      } catch {
        send(res, 400, 'bad request\n');
        return;
      }
      const found = await resolveFile(realRoot, pathname);
      if (found === null) {
        send(res, 403, 'forbidden\n');
        return;
      }
      if (found.missing) {
        send(res, 404, 'not found\n');
        return;
      }
      const type = MIME[path.extname(found.file).toLowerCase()] || 'application/octet-stream';
      res.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': type, 'Content-Length': found.size });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream = createReadStream(found.file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch {
      if (!res.headersSent) send(res, 500, 'internal error\n');
      else res.destroy();
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  const url = `http://${host}:${actualPort}`;
  if (!quiet) console.log(`claimlens: serving ${path.relative(process.cwd(), realRoot) || '.'} at ${url}/`);
  const close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections?.();
    });
  return { server, url, port: actualPort, close };
}

// Standalone: node tools/serve.mjs
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const port = Number.parseInt(process.env.PORT || '8080', 10);
  const root = process.env.ROOT ? path.resolve(process.env.ROOT) : DEFAULT_ROOT;
  startServer({ port, root }).catch((err) => {
    console.error(`claimlens: cannot serve ${root} on port ${port}: ${err.message}`);
    process.exit(1);
  });
}

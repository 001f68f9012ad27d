import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.map']);

/**
 * Serves the built app from `root`: files by path, index.html for anything else (a single-page app).
 * Text files are gzipped once and kept in memory; hashed assets are cached by the browser for good.
 */
export function createStaticHandler(root: string, options: { readonly catalogOverlay?: string } = {}) {
  const gzCache = new Map<string, { mtimeMs: number; body: Buffer }>();
  const absRoot = path.resolve(root);
  const overlay = options.catalogOverlay ? path.resolve(options.catalogOverlay) : undefined;

  return async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end('Bad path');
      return;
    }
    // Tests only (WORKBENCH_CATALOG_OVERLAY): a file in the overlay replaces the built catalog's
    // file of the same path, read at every request and never cached, so a test can change the
    // catalog while the app runs (e.g. a newer version of an AWS managed policy).
    if (overlay && rel.startsWith('/catalog/')) {
      const file = path.resolve(overlay, '.' + rel.slice('/catalog'.length));
      const inside = file.startsWith(overlay + path.sep);
      const info = inside ? await stat(file).catch(() => null) : null;
      const body = info?.isFile()
        ? await readFile(file)
        : await readFile(path.resolve(absRoot, '.' + rel)).catch(() => null);
      if (body) {
        res.writeHead(200, {
          'content-type': TYPES[path.extname(rel).toLowerCase()] ?? 'application/octet-stream',
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
          'content-length': String(body.length),
        });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
    }
    let file = path.resolve(absRoot, '.' + rel);
    if (file !== absRoot && !file.startsWith(absRoot + path.sep)) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = path.join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info || !info.isFile()) {
      if (rel.startsWith('/catalog/') || rel.startsWith('/assets/') || path.extname(rel) !== '') {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      file = path.join(absRoot, 'index.html');
      info = await stat(file).catch(() => null);
      if (!info) {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('The app is not built: run npm run build');
        return;
      }
    }
    const ext = path.extname(file).toLowerCase();
    const headers: Record<string, string> = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'cache-control': rel.startsWith('/assets/')
        ? 'public, max-age=31536000, immutable'
        : ext === '.html'
          ? 'no-cache'
          : 'public, max-age=300',
    };
    if (ext === '.html') {
      headers['content-security-policy'] =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
      headers['x-frame-options'] = 'DENY';
      headers['referrer-policy'] = 'no-referrer';
    }
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (acceptsGzip && COMPRESSIBLE.has(ext) && info.size > 1024) {
      let cached = gzCache.get(file);
      if (!cached || cached.mtimeMs !== info.mtimeMs) {
        cached = { mtimeMs: info.mtimeMs, body: gzipSync(await readFile(file), { level: 6 }) };
        gzCache.set(file, cached);
      }
      headers['content-encoding'] = 'gzip';
      headers['vary'] = 'accept-encoding';
      headers['content-length'] = String(cached.body.length);
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : cached.body);
      return;
    }
    headers['content-length'] = String(info.size);
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  };
}

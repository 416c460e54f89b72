/**
 * A tiny static file server for tests: serves a built site on 127.0.0.1 at a
 * free port, optionally under a path prefix (as GitHub Pages serves a project
 * site under /REPOSITORY/). No dependency: node:http only.
 *
 * - `/prefix/dir/` serves `dir/index.html`; `/prefix/dir` (a folder without its
 *   slash) is redirected to `/prefix/dir/`, as static hosts do.
 * - A missing file gets status 404 and the nearest `404.html` (the one in the
 *   requested folder or the closest folder above it, up to the site's root
 *   `/404.html`), so `/en/missing/` shows the English 404 page.
 * - Content-Type comes from the extension, with `X-Content-Type-Options: nosniff`
 *   so that the browser does not paper over a wrong type.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** The site's address, with the prefix and a final slash: `http://127.0.0.1:PORT/etwinning/`. */
  url: string;
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** The path the site lives under, e.g. `/etwinning/`. Default `/`. */
  pathPrefix?: string;
}

function normalisePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

const isFile = (file: string) => existsSync(file) && statSync(file).isFile();
const isDirectory = (file: string) => existsSync(file) && statSync(file).isDirectory();

export async function serveStatic(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const rootDir = path.resolve(root);
  const prefix = normalisePrefix(options.pathPrefix ?? '/');

  /** The file for a site path (`/en/archive/`), or undefined; never outside the root. */
  const resolve = (sitePath: string): { file?: string; redirect?: boolean } => {
    const candidate = path.resolve(rootDir, `.${path.posix.normalize(sitePath)}`);
    if (candidate !== rootDir && !candidate.startsWith(rootDir + path.sep)) return {};
    if (sitePath.endsWith('/')) {
      const index = path.join(candidate, 'index.html');
      return isFile(index) ? { file: index } : {};
    }
    if (isFile(candidate)) return { file: candidate };
    if (isDirectory(candidate) && isFile(path.join(candidate, 'index.html'))) return { redirect: true };
    return {};
  };

  /** The 404 page closest to the requested path. */
  const notFoundPage = (sitePath: string): string | undefined => {
    let dir = path.posix.dirname(sitePath.endsWith('/') ? `${sitePath}x` : sitePath);
    for (;;) {
      const candidate = path.resolve(rootDir, `.${dir}`, '404.html');
      if (candidate.startsWith(rootDir + path.sep) && isFile(candidate)) return candidate;
      if (dir === '/' || dir === '.') return undefined;
      dir = path.posix.dirname(dir);
    }
  };

  const send = (req: IncomingMessage, res: ServerResponse, status: number, file: string) => {
    const { size } = statSync(file);
    res.writeHead(status, {
      'Content-Type': contentTypeFor(file),
      'Content-Length': size,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };

  const plain = (res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
    res.end(message);
  };

  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
    const requested = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(requested.pathname);
    } catch {
      return plain(res, 400, 'bad request');
    }
    if (pathname.includes('\0')) return plain(res, 400, 'bad request');

    if (`${pathname}/` === prefix) {
      return plain(res, 301, 'moved', { Location: prefix + requested.search });
    }
    const sitePath = pathname.startsWith(prefix) ? `/${pathname.slice(prefix.length)}` : undefined;
    if (sitePath !== undefined) {
      const { file, redirect } = resolve(sitePath);
      if (file) return send(req, res, 200, file);
      if (redirect) return plain(res, 301, 'moved', { Location: `${requested.pathname}/${requested.search}` });
    }
    const notFound = notFoundPage(sitePath ?? '/');
    if (notFound) return send(req, res, 404, notFound);
    return plain(res, 404, 'not found');
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + prefix,
    origin,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.close((error) => (error ? reject(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}

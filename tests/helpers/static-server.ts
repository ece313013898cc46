import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { headersFor, parseHeadersFile, type HeaderRule } from '../../src/lib/hosting/headers.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.opml': 'text/x-opml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export interface StaticServer {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** Origin plus base, e.g. `http://127.0.0.1:41234/commonroom/`. */
  root: string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Called with each request's path, e.g. to count what a page loaded (its web workers included). */
  onRequest?: (pathname: string) => void;
  /** A fixed port, for pages whose own URLs must name it (Lighthouse's canonical check); a free one otherwise. */
  port?: number;
}

/**
 * Serves a build output folder under `base` on 127.0.0.1 the way a static host does: `dir/` serves
 * `dir/index.html`, a directory without its slash redirects, unknown paths get `404.html` with status 404,
 * and every response carries the headers that the folder's `_headers` file gives its path.
 */
export async function serveStatic(dist: string, base = '/', options: StaticServerOptions = {}): Promise<StaticServer> {
  const headersFile = join(dist, '_headers');
  const rules: HeaderRule[] = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const pathname = decodeURIComponent(url.pathname);
    options.onRequest?.(pathname);
    const send = (status: number, file: string | undefined, extra: Record<string, string> = {}) => {
      response.writeHead(status, {
        ...headersFor(rules, pathname),
        ...(file ? { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' } : {}),
        ...extra,
      });
      response.end(file ? readFileSync(file) : undefined);
    };
    const notFound = () => {
      const page = join(dist, '404.html');
      send(404, existsSync(page) ? page : undefined);
    };
    if (!pathname.startsWith(base)) return notFound();
    const relative = normalize(pathname.slice(base.length)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dist, relative);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) return send(301, undefined, { Location: `${pathname}/${url.search}` });
      file = join(file, 'index.html');
    }
    if (!existsSync(file) || statSync(file).isDirectory()) return notFound();
    return send(200, file);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    root: `${origin}${base}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

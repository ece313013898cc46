import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.opml': 'text/x-opml; charset=utf-8',
};

export interface Served {
  url: string;
  port: number;
  close: () => Promise<void>;
}

export interface ServeOptions {
  /** Path prefix the site is built for, e.g. `/commonroom/`. */
  base?: string;
  /** Extra headers for every response (e.g. a CSP), or a function of the path. */
  headers?: Record<string, string> | ((path: string) => Record<string, string>);
  port?: number;
}

/** Serves a built site on 127.0.0.1 like a plain static host: directory index, 404.html, no rewrites. */
export async function serve(dir: string, options: ServeOptions = {}): Promise<Served> {
  const base = options.base ?? '/';
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const extra = typeof options.headers === 'function' ? options.headers(path) : (options.headers ?? {});
    let file: string | undefined;
    if (path.startsWith(base)) {
      const relative = normalize(path.slice(base.length)).replace(/^(\.\.[/\\])+/, '');
      const candidate = join(dir, relative);
      if (existsSync(candidate) && statSync(candidate).isFile()) file = candidate;
      else if (existsSync(join(candidate, 'index.html'))) {
        if (!path.endsWith('/')) {
          response.writeHead(301, { Location: `${path}/`, ...extra }).end();
          return;
        }
        file = join(candidate, 'index.html');
      }
    }
    const status = file ? 200 : 404;
    file ??= join(dir, '404.html');
    if (!existsSync(file)) {
      response.writeHead(404, extra).end('Not found');
      return;
    }
    response.writeHead(status, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', ...extra });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type OutgoingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

export interface StaticServerOptions {
  /** The built site's folder. */
  root: string;
  /** The path the site is served under, e.g. `/` or `/sub/path/` (like `COMMONROOM_BASE`). */
  base?: string;
  /** Headers added to every response, or computed per path (e.g. CORS for `/pagefind/*`). */
  headers?: OutgoingHttpHeaders | ((path: string) => OutgoingHttpHeaders);
  /** Port to listen on (0, the default, picks a free one). */
  port?: number;
  /** Also send the headers the site's own `_headers` file declares (Netlify and Cloudflare Pages syntax). */
  headersFile?: boolean;
}

export interface StaticServer {
  /** Origin plus base, ending in `/`, e.g. `http://127.0.0.1:41234/sub/`. */
  url: string;
  origin: string;
  port: number;
  /** Request paths seen, in order (for asserting what a page loaded). */
  requests: string[];
  close(): Promise<void>;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
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
};

type HeaderRule = { pattern: RegExp; headers: Record<string, string> };

/** Parses a `_headers` file: a path pattern (`*` matches anything) followed by indented `Name: value` lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: {} });
      continue;
    }
    const match = /^\s+([^:]+):\s*(.*)$/.exec(line);
    const rule = rules.at(-1);
    if (match && rule) rule.headers[match[1]!.trim().toLowerCase()] = match[2]!.trim();
  }
  return rules;
}

/**
 * A tiny static file server on 127.0.0.1 for built sites, as a static host serves them: `dir/` maps to
 * `dir/index.html`, a missing file gets `404.html`, and paths outside `base` are 404s.
 */
export async function serveStatic(options: StaticServerOptions): Promise<StaticServer> {
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const requests: string[] = [];
  let fileRules: HeaderRule[] = [];
  if (options.headersFile) {
    try {
      fileRules = parseHeadersFile(await readFile(join(options.root, '_headers'), 'utf8'));
    } catch {
      fileRules = [];
    }
  }
  const extraHeaders = (path: string): OutgoingHttpHeaders => {
    const sitePath = path.startsWith(base) ? path.slice(base.length - 1) : path;
    const fromFile = Object.assign(
      {},
      ...fileRules.filter((rule) => rule.pattern.test(sitePath)).map((rule) => rule.headers),
    ) as OutgoingHttpHeaders;
    const given = typeof options.headers === 'function' ? options.headers(path) : (options.headers ?? {});
    return { ...fromFile, ...given };
  };

  const resolveFile = async (path: string): Promise<string | undefined> => {
    const relative = normalize(decodeURIComponent(path)).replace(/^([/\\])+/, '');
    const file = join(options.root, relative);
    if (file !== options.root && !file.startsWith(options.root + sep)) return undefined;
    try {
      const info = await stat(file);
      if (info.isFile()) return file;
      if (info.isDirectory()) {
        const index = join(file, 'index.html');
        if ((await stat(index)).isFile()) return index;
      }
    } catch {
      return undefined;
    }
    return undefined;
  };

  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      requests.push(url.pathname + url.search);
      const headers = extraHeaders(url.pathname);
      if (request.method === 'OPTIONS') {
        response.writeHead(204, headers).end();
        return;
      }
      const inBase = url.pathname.startsWith(base) || `${url.pathname}/` === base;
      if (inBase && url.pathname.endsWith('/') === false && !extname(url.pathname)) {
        // A directory without its trailing slash redirects, as static hosts do.
        const dir = await resolveFile(url.pathname.slice(base.length - 1));
        if (dir?.endsWith('index.html')) {
          response.writeHead(301, { ...headers, location: `${url.pathname}/${url.search}` }).end();
          return;
        }
      }
      const file = inBase ? await resolveFile(url.pathname.slice(base.length - 1)) : undefined;
      const status = file ? 200 : 404;
      const body = file ?? (await resolveFile('/404.html'));
      if (!body) {
        response.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      const info = await stat(body);
      response.writeHead(status, {
        'content-type': types[extname(body)] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-cache',
        ...headers,
      });
      if (request.method === 'HEAD') response.end();
      else createReadStream(body).pipe(response);
    })().catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${base}`,
    origin,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

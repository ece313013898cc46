import { embedOrigins } from '../embeds.ts';

/** One rule of a `_headers` file: a path pattern (`*` matches anything) and the headers it adds. */
export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
}

export interface HeaderOptions {
  /** The `base` the site is served under, `/` or `/sub/path/`. */
  base: string;
  /** Roots of partner networks whose search indexes are fetched (federated search). */
  partners?: readonly string[];
  /** The browser editor at `<base>admin/`, when built: the origins it talks to (its forge). */
  admin?: AdminOrigins | undefined;
}

/** Origins the browser editor reaches: the forge's API and sign-in (`connect`) and its avatars (`images`). */
export interface AdminOrigins {
  connect: readonly string[];
  images: readonly string[];
}

/**
 * The Content-Security-Policy of every page. Pagefind needs `'wasm-unsafe-eval'` to compile its WebAssembly
 * and runs a worker from a blob; partner networks' indexes and result thumbnails come from their origins.
 * `style-src 'unsafe-inline'` is for the brand colours in `style` attributes; scripts are never inline.
 */
export function contentSecurityPolicy(partners: readonly string[] = []): string {
  const origins = [...new Set(partners.map((url) => new URL(url).origin))];
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", "'wasm-unsafe-eval'"],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', ...origins],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...origins],
    ['worker-src', "'self'", 'blob:'],
    // Only the embeds a post may hold (see src/lib/embeds.ts); `npm run check` refuses any other iframe.
    ['frame-src', ...embedOrigins.map((embed) => embed.origin)],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/**
 * The Content-Security-Policy of the browser editor at `/admin/`: its own files, the configured forge and
 * nothing else. Its interface injects styles; images being uploaded are previewed from `blob:` URLs and
 * converted to WebP by WebAssembly in a worker.
 */
export function adminContentSecurityPolicy({ connect, images }: AdminOrigins): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", "'wasm-unsafe-eval'"],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:', ...images],
    ['font-src', "'self'"],
    ['connect-src', "'self'", 'blob:', 'data:', ...connect],
    ['worker-src', "'self'", 'blob:'],
    ['frame-src', "'self'", 'blob:'],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/** Headers for every response. */
export function securityHeaders(partners: readonly string[] = []): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(partners),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'X-Frame-Options': 'DENY',
  };
}

/** Fingerprinted build assets never change under the same name. */
export const immutableCache = 'public, max-age=31536000, immutable';

/** The rules every host should apply, with paths under `base`. */
export function headerRules({ base, partners = [], admin }: HeaderOptions): HeaderRule[] {
  return [
    { path: `${base}*`, headers: securityHeaders(partners) },
    { path: `${base}_astro/*`, headers: { 'Cache-Control': immutableCache } },
    // Partner networks merge this index into their own search.
    {
      path: `${base}pagefind/*`,
      headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=3600' },
    },
    { path: `${base}feeds/*`, headers: { 'Access-Control-Allow-Origin': '*' } },
    ...(admin
      ? [
          {
            path: `${base}admin/*`,
            headers: {
              'Content-Security-Policy': adminContentSecurityPolicy(admin),
              'X-Robots-Tag': 'noindex, nofollow',
              // The configuration changes with every build under the same name.
              'Cache-Control': 'no-cache',
            },
          },
        ]
      : []),
  ];
}

/** A `_headers` file as Netlify and Cloudflare Pages read it. */
export function renderHeadersFile(rules: HeaderRule[]): string {
  return `${rules.map((rule) => [rule.path, ...Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n')).join('\n\n')}\n`;
}

/** Parses a `_headers` file into rules (comments and blank lines ignored). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
      continue;
    }
    const rule = rules.at(-1);
    const separator = line.indexOf(':');
    if (rule && separator > 0) rule.headers[line.slice(0, separator).trim()] = line.slice(separator + 1).trim();
  }
  return rules;
}

/** The headers a request path gets: every matching rule applies, later ones win. */
export function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    const pattern = new RegExp(
      `^${rule.path
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    if (pattern.test(pathname)) Object.assign(headers, rule.headers);
  }
  return headers;
}

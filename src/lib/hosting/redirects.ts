import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { redirectsSchema, type RedirectEntry } from '../../schemas/redirects.ts';
import type { FeedFormat } from '../feeds/formats.ts';
import type { Urls } from '../urls.ts';

/** One permanent redirect: an old path (with an optional query to match) and the href that replaces it. */
export interface Redirect {
  path: string;
  /** `name=value` that must be in the query, e.g. WordPress's `p=123`. */
  query?: { name: string; value: string };
  to: string;
}

/** The entries of `content/redirects.yaml`, or none when there is no such file. Invalid files are `npm run check`'s to report. */
export function readRedirects(contentRoot: string): RedirectEntry[] {
  const file = ['redirects.yaml', 'redirects.yml']
    .map((name) => join(contentRoot, name))
    .find((path) => existsSync(path));
  if (!file) return [];
  const parsed = redirectsSchema.safeParse(parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) ?? {});
  return parsed.success ? parsed.data.redirects : [];
}

const feedPath = /^\/feeds\/(schools|families)\/([a-z0-9-]+)\/(atom\.xml|rss\.xml|feed\.json)$/;
const formats: Record<string, FeedFormat> = { 'atom.xml': 'atom', 'rss.xml': 'rss', 'feed.json': 'json' };

/**
 * Resolves each entry's network path for this build (scope, base, a school's own site): posts and pages
 * through the same rule as links in posts, feeds through the feed rule.
 */
export function resolveRedirects(entries: readonly RedirectEntry[], urls: Urls): Redirect[] {
  return entries.map((entry) => {
    const feed = feedPath.exec(entry.to);
    const to = feed
      ? urls.feed({ type: feed[1] === 'schools' ? 'school' : 'family', id: feed[2]! }, formats[feed[3]!]!)
      : urls.contentLink(entry.to);
    const [path = '/', search = ''] = entry.from.split('?');
    const params = new URLSearchParams(search);
    const first = [...params][0];
    return first ? { path, query: { name: first[0], value: first[1] }, to } : { path, to };
  });
}

/** Query rules first: hosts take the first rule that matches a path. */
const ordered = (redirects: readonly Redirect[]) =>
  [...redirects].sort((a, b) => Number(Boolean(b.query)) - Number(Boolean(a.query)));

/** `_redirects` for Netlify and Cloudflare Pages (Cloudflare Pages skips the lines that match a query). */
export function renderRedirectsFile(redirects: readonly Redirect[]): string {
  const lines = ordered(redirects).map((r) =>
    r.query ? `${r.path}  ${r.query.name}=${r.query.value}  ${r.to}  301` : `${r.path}  ${r.to}  301`,
  );
  return lines.length ? `# Old addresses of imported blogs (content/redirects.yaml).\n${lines.join('\n')}\n` : '';
}

const byPath = (redirects: readonly Redirect[]) => {
  const groups = new Map<string, Redirect[]>();
  for (const r of ordered(redirects)) groups.set(r.path, [...(groups.get(r.path) ?? []), r]);
  return groups;
};

const nginxString = (value: string) => `"${value.replace(/["\\$]/g, '\\$&')}"`;

/**
 * nginx `location` blocks, for `include` inside the `server` of deploy/nginx.conf. A path matched only with a
 * query (`/?p=123`) still serves its page when the query does not match.
 */
export function renderNginx(redirects: readonly Redirect[]): string {
  const blocks: string[] = [
    '# Old addresses of imported blogs, from content/redirects.yaml (npm run redirects -- nginx).',
  ];
  for (const [path, rules] of byPath(redirects)) {
    const variants = path.length > 1 && path.endsWith('/') ? [path, path.slice(0, -1)] : [path];
    for (const variant of variants) {
      const body = rules.map((r) =>
        r.query
          ? `    if ($arg_${r.query.name.replace(/[^\w]/g, '_')} = ${nginxString(r.query.value)}) { return 301 ${nginxString(r.to)}; }`
          : `    return 301 ${nginxString(r.to)};`,
      );
      if (rules.every((r) => r.query)) {
        body.unshift('    include snippets/commonroom-headers.conf;');
        body.push('    try_files $uri $uri/ =404;');
      }
      blocks.push(`location = ${nginxString(variant)} {\n${body.join('\n')}\n}`);
    }
  }
  return `${blocks.join('\n')}\n`;
}

const regexEscape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** mod_rewrite rules for the `.htaccess` at the root of the output (relative to where it sits). */
export function renderApache(redirects: readonly Redirect[]): string {
  const lines = [
    '# Old addresses of imported blogs, from content/redirects.yaml (npm run redirects -- apache).',
    '<IfModule mod_rewrite.c>',
    'RewriteEngine On',
  ];
  for (const r of ordered(redirects)) {
    const pattern = `^${regexEscape(r.path.replace(/^\//, '').replace(/\/$/, ''))}${r.path.length > 1 && r.path.endsWith('/') ? '/?' : ''}$`;
    if (r.query)
      lines.push(`RewriteCond %{QUERY_STRING} (^|&)${regexEscape(r.query.name)}=${regexEscape(r.query.value)}(&|$)`);
    lines.push(`RewriteRule ${pattern} ${r.to.replace(/ /g, '%20')} [R=301,L,QSD]`);
  }
  lines.push('</IfModule>');
  return `${lines.join('\n')}\n`;
}

/** A CloudFront Function (viewer request, JavaScript runtime 2.0) answering each old address with a redirect. */
export function renderCloudFrontFunction(redirects: readonly Redirect[]): string {
  const map: Record<string, string> = {};
  for (const r of redirects) {
    const key = r.query ? `${r.path}?${r.query.name}=${r.query.value}` : r.path;
    map[key] = r.to;
  }
  return `// Old addresses of imported blogs, from content/redirects.yaml (npm run redirects -- cloudfront).
// Attach to the distribution as a viewer-request function.
var redirects = ${JSON.stringify(map, null, 2)};

function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var keys = [];
  for (var name in request.querystring) keys.push(uri + '?' + name + '=' + request.querystring[name].value);
  keys.push(uri, uri.endsWith('/') ? uri.slice(0, -1) : uri + '/');
  for (var i = 0; i < keys.length; i++) {
    var to = redirects[keys[i]];
    if (to) return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: to } } };
  }
  return request;
}
`;
}

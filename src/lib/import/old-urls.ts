/** Network routes an old address must never take over. */
const NETWORK_ROUTES = new Set([
  'schools',
  'families',
  'authors',
  'topics',
  'posts',
  'kinds',
  'archive',
  'search',
  'about',
  'accessibility',
  'feeds',
  'rulebook',
  'expertise',
  'cards',
  'pagefind',
  '_astro',
  'robots.txt',
  'sitemap-index.xml',
  '404.html',
]);

/** A host with `www.` and Blogger's country domains (`.blogspot.co.uk`) folded, so old links match however written. */
export const hostKey = (host: string) =>
  host
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.blogspot\.[a-z.]+$/, '.blogspot.com');

/**
 * The key of an old post address for matching links: path without a trailing slash or `index.html`, plus
 * WordPress's `?p=`/`?page_id=` (other queries, such as Blogger's `?m=1`, do not change the page).
 */
export function pathKey(url: URL): string {
  const path =
    decodeSafe(url.pathname)
      .replace(/\/index\.html?$/, '/')
      .replace(/\/+$/, '') || '/';
  const p = url.searchParams.get('p') ?? url.searchParams.get('page_id');
  return p ? `${path}?p=${p}` : path;
}

const decodeSafe = (text: string) => {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
};

/** Matches links in posts to the posts of this import, by host (when known) and path. */
export class OldAddresses {
  private byPath = new Map<string, string>();
  private hosts = new Set<string>();

  constructor(site?: string) {
    if (site) this.addHost(site);
  }

  addHost(url: string) {
    try {
      this.hosts.add(hostKey(new URL(url).host));
    } catch {
      // not an address
    }
  }

  /** Records that `old` (an absolute URL or a path) is now `to` (a network path). */
  add(old: string, to: string) {
    try {
      const url = new URL(old, 'https://old.invalid');
      if (url.host !== 'old.invalid') this.hosts.add(hostKey(url.host));
      this.byPath.set(pathKey(url), to);
    } catch {
      // not an address
    }
  }

  /** The network path a link now leads to, or undefined when it is not a post of this import. */
  find(href: string): string | undefined {
    let url: URL;
    try {
      url = new URL(href, 'https://old.invalid');
    } catch {
      return undefined;
    }
    if (url.host !== 'old.invalid' && this.hosts.size && !this.hosts.has(hostKey(url.host))) return undefined;
    const hash = url.hash && !/^#(?:comment|respond|more)/.test(url.hash) ? url.hash : '';
    const to = this.byPath.get(pathKey(url));
    return to ? `${to}${hash}` : undefined;
  }
}

/** The path (and query) a redirect is written for, or undefined when it would take over a network page. */
export function redirectFrom(old: string): string | undefined {
  let url: URL;
  try {
    url = new URL(old, 'https://old.invalid');
  } catch {
    return undefined;
  }
  const first = url.pathname.split('/').filter(Boolean)[0];
  if (!first) return url.search ? `/${url.search}` : undefined;
  if (NETWORK_ROUTES.has(first)) return undefined;
  return `${url.pathname}${url.search}`;
}

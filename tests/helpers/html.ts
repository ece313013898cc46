import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** Every file under a folder, as paths relative to it. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * The site's pages. The browser editor's page (`admin/index.html`) is an application for writers, not a
 * page of the site: tests/editor/ checks it (valid HTML, its own CSP, no foreign request) on its own terms.
 */
export const htmlFiles = (dir: string) =>
  listFiles(dir).filter((file) => file.endsWith('.html') && !file.startsWith('admin/'));

/** Parses a built page given its URL path (`/schools/oak/` → `schools/oak/index.html`). */
export function page(dir: string, urlPath: string): HTMLElement {
  const file = fileForPath(dir, urlPath);
  if (!file) throw new Error(`No page at ${urlPath}`);
  return parse(readFileSync(file, 'utf8'));
}

/** The file a static host would serve for a URL path, or undefined. */
export function fileForPath(dir: string, urlPath: string): string | undefined {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0]!).replace(/^\/+/, '');
  const candidates =
    clean === '' || clean.endsWith('/')
      ? [join(dir, clean, 'index.html')]
      : [join(dir, clean), join(dir, clean, 'index.html')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

export interface BrokenLink {
  from: string;
  href: string;
  reason: string;
}

/**
 * Checks every internal href/src in every built page: the target file exists and, for `#fragment`
 * links, the target page has an element with that id. `base` is stripped from root-relative links.
 */
export function findBrokenLinks(dir: string, base = '/'): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      const root = parse(readFileSync(file, 'utf8'));
      set = new Set(root.querySelectorAll('[id]').map((el) => el.getAttribute('id')!));
      ids.set(file, set);
    }
    return set;
  };
  for (const file of htmlFiles(dir)) {
    const root = parse(readFileSync(join(dir, file), 'utf8'));
    const pagePath = `/${file.replace(/index\.html$/, '')}`;
    for (const el of root.querySelectorAll('[href], [src], [srcset]')) {
      const values = [
        el.getAttribute('href'),
        el.getAttribute('src'),
        ...(el
          .getAttribute('srcset')
          ?.split(',')
          .map((s) => s.trim().split(/\s+/)[0]) ?? []),
      ];
      for (const raw of values) {
        if (!raw || /^(mailto:|tel:|data:|https?:|\/\/)/.test(raw)) continue;
        const [path, fragment] = raw.split('#') as [string, string | undefined];
        let target: string;
        if (path === '') target = join(dir, file);
        else {
          const absolute = new URL(path, `http://x${base}${pagePath.slice(1)}`).pathname;
          if (!absolute.startsWith(base)) {
            broken.push({ from: file, href: raw, reason: 'outside base' });
            continue;
          }
          const found = fileForPath(dir, absolute.slice(base.length - 1));
          if (!found) {
            broken.push({ from: file, href: raw, reason: 'no such file' });
            continue;
          }
          target = found;
        }
        if (fragment && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(fragment))) {
          broken.push({ from: file, href: raw, reason: `no #${fragment}` });
        }
      }
    }
  }
  return broken;
}

import { createHash } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * What a build covers: the whole network, one school's own site, or one family's member schools.
 * Set with `COMMONROOM_SCOPE=school:<id>` or `family:<id>`.
 */
export type Scope = { type: 'network' } | { type: 'school'; id: string } | { type: 'family'; id: string };

/** Parses `COMMONROOM_SCOPE`; throws a message naming the variable and the accepted forms. */
export function parseScope(value: string | undefined): Scope {
  if (!value || value === 'network') return { type: 'network' };
  const match = /^(school|family):([a-z0-9-]+)$/.exec(value);
  if (!match) {
    throw new Error(`COMMONROOM_SCOPE="${value}" is not a scope: use "network", "school:<id>" or "family:<id>".`);
  }
  return { type: match[1] as 'school' | 'family', id: match[2]! };
}

/** Parses `COMMONROOM_NOW` (an ISO date) so tests and previews can build "as of" a day. */
export function parseNow(value: string | undefined): Date {
  if (!value) return new Date();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`COMMONROOM_NOW="${value}" is not a date: use e.g. "2026-01-31".`);
  return date;
}

/** Normalises a base path to `/` or `/sub/path/`. */
export function normaliseBase(value: string | undefined): string {
  const trimmed = (value ?? '/').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

const contentPath = process.env.COMMONROOM_CONTENT ?? 'content';

/** The folder holding `network.yaml`, `schools/`, `posts/`… (`COMMONROOM_CONTENT`, default `content`). */
export const contentRoot = isAbsolute(contentPath) ? contentPath : resolve(process.cwd(), contentPath);
export const contentDir = pathToFileURL(contentRoot).href;
export const scope = parseScope(process.env.COMMONROOM_SCOPE);
export const buildNow = parseNow(process.env.COMMONROOM_NOW);
export const base = normaliseBase(process.env.COMMONROOM_BASE);

/**
 * Astro's cache (the content layer's data store and the incremental build's copies of pages) is kept per
 * content folder and scope, so builds of different networks, or of a school's site and the whole network,
 * never reuse each other's pages.
 */
export const astroCacheDir =
  process.env.COMMONROOM_CACHE_DIR ??
  resolve(
    process.cwd(),
    'node_modules/.astro',
    createHash('sha1')
      .update(JSON.stringify([contentRoot, scope, base, process.env.COMMONROOM_SITE ?? '']))
      .digest('hex')
      .slice(0, 10),
  );

/**
 * Every `COMMONROOM_*` build setting, read from the environment and validated here and nowhere else.
 * A bad value stops with one line naming the variable, the value and what is allowed.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'astro/zod';

/**
 * What a build covers: the whole network, one school's own site, or one family's member schools.
 * Set with `COMMONROOM_SCOPE=school:<id>` or `family:<id>`.
 */
export type Scope = { type: 'network' } | { type: 'school'; id: string } | { type: 'family'; id: string };

const onOff = (fallback: boolean) =>
  z
    .enum(['on', 'off', '1', '0', 'true', 'false'], { error: 'use "on" or "off"' })
    .optional()
    .transform((value) => (value === undefined ? fallback : ['on', '1', 'true'].includes(value)));

const scopeSetting = z
  .string()
  .optional()
  .transform((value, context): Scope => {
    if (!value || value === 'network') return { type: 'network' };
    const match = /^(school|family):([a-z0-9-]+)$/.exec(value);
    if (!match) {
      context.addIssue({ code: 'custom', message: 'use "network", "school:<id>" or "family:<id>"' });
      return z.NEVER;
    }
    return { type: match[1] as 'school' | 'family', id: match[2]! };
  });

const dateSetting = z
  .string()
  .optional()
  .transform((value, context) => {
    if (!value) return undefined;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
      context.addIssue({ code: 'custom', message: 'use a date such as "2026-01-31"' });
      return z.NEVER;
    }
    return date;
  });

const pathSetting = z.string().min(1, { error: 'give a folder path' }).optional();

/** The environment variables Commonroom reads, each with what it does. */
const environmentSchema = z.object({
  /** The folder holding `network.yaml`, `schools/`, `posts/`… (default `content`). */
  COMMONROOM_CONTENT: pathSetting,
  /** `network` (default), `school:<id>` (a school's own site) or `family:<id>`. */
  COMMONROOM_SCOPE: scopeSetting,
  /** Serve under a sub-path, e.g. `/commonroom/`. */
  COMMONROOM_BASE: z
    .string()
    .regex(/^[/A-Za-z0-9._~-]*$/, { error: 'use a path such as "/commonroom/"' })
    .optional(),
  /** Overrides the public URL of this build, e.g. `https://blog.example.sch.uk`. */
  COMMONROOM_SITE: z.url({ protocol: /^https?$/, error: 'use a full address starting with https://' }).optional(),
  /** The output folder (default `dist`). */
  COMMONROOM_OUT: pathSetting,
  /** Build "as of" a date, for scheduled posts and tests (default: now). */
  COMMONROOM_NOW: dateSetting,
  /** `off` skips drawing social cards, for link-only builds. */
  COMMONROOM_CARDS: onOff(true),
  /** Where cards are cached (default `.cache/cards`). */
  COMMONROOM_CARDS_CACHE: pathSetting,
  /** Where the last search index is kept for reuse (default `.cache/pagefind`). */
  COMMONROOM_SEARCH_CACHE: pathSetting,
  /** `off` renders every page; by default unchanged pages are reused from the last build. */
  COMMONROOM_INCREMENTAL: onOff(true),
  /** Astro's cache folder (default `node_modules/.astro/<hash of content, scope, base, site>`). */
  COMMONROOM_CACHE_DIR: pathSetting,
  /** `off` leaves the browser editor (`/admin/`) out of the build. */
  COMMONROOM_ADMIN: onOff(true),
  /** `satteri` builds with Astro's default Markdown processor, for benchmark comparisons only. */
  COMMONROOM_MARKDOWN: z
    .enum(['unified', 'satteri'], { error: 'use "unified" (default) or "satteri"' })
    .default('unified'),
});

export type Settings = ReturnType<typeof resolveSettings>;

/** Turns a validation failure into one line per bad variable: name, value, what is allowed. */
function settingsError(error: z.ZodError, env: Record<string, string | undefined>): Error {
  const lines = error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return `${name}="${env[name] ?? ''}" is not allowed: ${issue.message}.`;
  });
  const failure = new Error(lines.join('\n'));
  failure.name = 'SettingsError';
  return failure;
}

/** Normalises a base path to `/` or `/sub/path/`. */
export function normaliseBase(value: string | undefined): string {
  const trimmed = (value ?? '/').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Parses the environment into the build's settings; throws one readable line per bad variable. */
export function resolveSettings(env: Record<string, string | undefined> = process.env, cwd = process.cwd()) {
  const parsed = environmentSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([name, value]) => name.startsWith('COMMONROOM_') && value !== '')),
  );
  if (!parsed.success) throw settingsError(parsed.error, env);
  const raw = parsed.data;
  const contentPath = raw.COMMONROOM_CONTENT ?? 'content';
  const contentRoot = isAbsolute(contentPath) ? contentPath : resolve(cwd, contentPath);
  const base = normaliseBase(raw.COMMONROOM_BASE);
  const scope = raw.COMMONROOM_SCOPE;
  const site = raw.COMMONROOM_SITE;
  const astroCacheDir = raw.COMMONROOM_CACHE_DIR
    ? resolve(cwd, raw.COMMONROOM_CACHE_DIR)
    : resolve(
        cwd,
        'node_modules/.astro',
        createHash('sha1')
          .update(JSON.stringify([contentRoot, scope, base, site ?? '']))
          .digest('hex')
          .slice(0, 10),
      );
  return {
    contentRoot,
    contentDir: pathToFileURL(contentRoot).href,
    scope,
    base,
    site,
    outDir: resolve(cwd, raw.COMMONROOM_OUT ?? 'dist'),
    now: raw.COMMONROOM_NOW ?? new Date(),
    /** Whether `COMMONROOM_NOW` was given, so a check can say which day it judged by. */
    nowGiven: raw.COMMONROOM_NOW !== undefined,
    cards: raw.COMMONROOM_CARDS,
    cardsCache: resolve(cwd, raw.COMMONROOM_CARDS_CACHE ?? '.cache/cards'),
    searchCache: resolve(cwd, raw.COMMONROOM_SEARCH_CACHE ?? '.cache/pagefind'),
    incremental: raw.COMMONROOM_INCREMENTAL,
    markdown: raw.COMMONROOM_MARKDOWN,
    admin: raw.COMMONROOM_ADMIN,
    /** The browser editor's bundle, made once per version of Sveltia CMS. */
    adminCache: resolve(cwd, '.cache/admin'),
    /**
     * Astro's cache (the content layer's data store and the incremental build's copies of pages) is kept per
     * content folder and scope, so builds of different networks, or of a school's site and the whole
     * network, never reuse each other's pages.
     */
    astroCacheDir,
    /** What the content check learnt from each post, kept with Astro's cache so CI caches keep it too. */
    checkCache: join(astroCacheDir, 'commonroom-check'),
  };
}

let current: Settings | undefined;

/** This process's settings, parsed on first use. */
export function settings(): Settings {
  current ??= resolveSettings();
  return current;
}

/** For command-line scripts: the settings, or the bad variables' lines and exit code 1, with no stack trace. */
export function settingsOrExit(): Settings {
  try {
    return settings();
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'SettingsError') throw error;
    console.error(error.message);
    process.exit(1);
  }
}

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { copyFixture, root, tempDir } from '../helpers/build.ts';
import { listFiles } from '../helpers/html.ts';

/**
 * A fixture network built with `npm run build` (scripts/build.ts) into its own output folder and caches,
 * as a school's server builds into dist/. Its content switches between two versions, A and B, so that
 * every build after a switch has work in every step: pages, compiled MDX, cards and the search index.
 */
export interface Site {
  content: string;
  out: string;
  caches: { astro: string; cards: string; search: string };
  version: 'A' | 'B';
}

const EDITS: [file: string, a: string, b: string][] = [
  [
    'posts/oak-primary/reading-rules.md',
    'title: Seven rules for reading aloud',
    'title: Eight rules for reading aloud',
  ],
  ['posts/elm-academy/mentoring-ects.mdx', 'They stayed.', 'They stayed, and two now mentor others.'],
];

/**
 * Astro's own cache for the site: a folder inside the build's Astro cache named after the Markdown
 * pipeline's code (see `astro.config.mjs`), so a changed plugin renders every post again.
 */
export function astroStore(site: Site): string {
  const folders = readdirSync(site.caches.astro, { withFileTypes: true }).filter(
    (entry) => entry.isDirectory() && existsSync(join(site.caches.astro, entry.name, 'data-store.json')),
  );
  if (folders.length !== 1)
    throw new Error(`expected one Astro cache in ${site.caches.astro}, found ${folders.length}`);
  return join(site.caches.astro, folders[0]!.name);
}

export function newSite(): Site {
  const base = tempDir('faults');
  return {
    content: copyFixture('network'),
    out: join(base, 'dist'),
    caches: { astro: join(base, 'astro'), cards: join(base, 'cards'), search: join(base, 'search') },
    version: 'A',
  };
}

/** Switches the content to version A or B. */
export function setVersion(site: Site, version: Site['version']): void {
  for (const [file, a, b] of EDITS) {
    const path = join(site.content, file);
    const text = readFileSync(path, 'utf8');
    const [from, to] = version === 'B' ? [a, b] : [b, a];
    if (!text.includes(to)) writeFileSync(path, text.replace(from, to));
  }
  site.version = version;
}

/**
 * Changes the time of a content file but not its words: the next build has changed inputs, so it runs
 * and reads every cache instead of finding nothing to do (`src/lib/build-inputs.ts`), yet makes the same site.
 */
export function touchContent(site: Site): void {
  const file = join(site.content, 'network.yaml');
  const now = new Date();
  utimesSync(file, now, now);
}

/** The same content built into another folder from empty caches: what every build must equal. */
export function cleanTwin(site: Site): Site {
  const base = tempDir('faults-clean');
  return {
    ...site,
    out: join(base, 'dist'),
    caches: { astro: join(base, 'astro'), cards: join(base, 'cards'), search: join(base, 'search') },
  };
}

function environment(site: Site): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST') && name !== 'TEST',
    ),
  );
  return {
    ...env,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    COMMONROOM_NOW: '2026-11-23',
    COMMONROOM_CONTENT: site.content,
    COMMONROOM_OUT: site.out,
    COMMONROOM_CACHE_DIR: site.caches.astro,
    COMMONROOM_CARDS_CACHE: site.caches.cards,
    COMMONROOM_SEARCH_CACHE: site.caches.search,
    // The editor's 16 MB bundle is copied into every output; these tests are about pages, cards and search.
    COMMONROOM_ADMIN: 'off',
  };
}

export interface RunningBuild {
  /** The build script's process id; it leads a process group with Astro and its helpers. */
  pid: number;
  log(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; log: string }>;
}

/** Starts `npm run build` for a site, in a process group of its own so it can be killed whole. */
export function startBuild(site: Site, command = 'scripts/build.ts', args: string[] = []): RunningBuild {
  const child = spawn(process.execPath, [join(root, command), ...args], {
    cwd: root,
    env: environment(site),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; log: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, log })),
  );
  return { pid: child.pid!, log: () => log, exited };
}

/** Runs a build to the end and checks it succeeded. */
export async function build(site: Site): Promise<string> {
  const { code, log } = await startBuild(site).exited;
  expect(code, log).toBe(0);
  return log;
}

/** The Astro process of a running build, from the build lock it holds. */
export function astroProcess(): number | undefined {
  try {
    const holder = JSON.parse(readFileSync(join(root, '.cache/build.lock'), 'utf8')) as { pids: number[] };
    return holder.pids[1];
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until `ready` holds, checking every 5 ms, for at most `ms`. */
export async function waitFor(ready: () => boolean, ms = 120_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((resolve) => setTimeout(resolve, 5)))
    if (ready()) return true;
  return false;
}

/** Every file of a folder with its SHA-256. */
export function digest(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    listFiles(dir).map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(join(dir, file)))
        .digest('hex'),
    ]),
  );
}

/** Asserts two folders hold the same files with the same bytes, naming the files that differ. */
export function expectSameSite(actual: string, expected: string, label: string, ignore?: RegExp): void {
  const a = digest(actual);
  const b = digest(expected);
  expect(Object.keys(a).length, `${label}: ${actual} is empty`).toBeGreaterThan(0);
  const differing = [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((file) => !ignore?.test(file))
    .filter((file) => a[file] !== b[file]);
  expect(differing, `${label}: files that differ from a clean build`).toEqual([]);
}

/** Whether a file was written after a moment (ms since the epoch). */
export const writtenSince = (file: string, since: number): boolean =>
  (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) >= since;

/** The files of a cache folder, for picking one to damage. */
export const filesIn = (dir: string, pattern: RegExp): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => pattern.test(file))
    .map((file) => join(dir, file))
    .sort();

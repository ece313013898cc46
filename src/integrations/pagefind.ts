import { createHash, type Hash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { DamageReport, readCheckedJson, writeChecked } from '../lib/atomic-write.ts';
import { startedByBuildScript } from '../lib/build-gates.ts';
import { copyTreeChecked, copyTreeDescribed, type TreeFiles } from '../lib/link-files.ts';
import { integrationFolders } from '../lib/output-folder.ts';
import * as pagefind from 'pagefind';

/**
 * Files Pagefind writes that the search page never loads: its stock UIs and highlighter.
 * Commonroom's own UI runs on `pagefind.js`, so these are removed to keep deploys small.
 */
const unusedBundleFiles = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/**
 * Text inside the indexed article that is not the post's words: heading anchor links (`#`) and footnote
 * back-references (`↩`), which would otherwise show up in excerpts.
 */
const excludeSelectors = ['.anchor', '[data-footnote-backref]'];

/**
 * Pagefind joins the text of adjacent elements without a space when the HTML has none between them
 * (Astro compresses it away), so a table row read "day by dayPartners" in excerpts. A space after each
 * closing cell, item or block tag keeps words apart in the index; the published page is not changed.
 */
const blockEnd = /(<\/(?:td|th|tr|li|dd|dt|p|h[1-6]|figcaption|caption|blockquote|div|section)>)(?=<)/g;

/**
 * A case study's at-a-glance panel is a list of terms and values, which an excerpt would run together
 * ("day by day Partners Local English hub"): in the index each term ends with a colon and each value that
 * ends in a word with a full stop, so it reads "day by day. Partners: Local English hub".
 */
const termEnd = /([^:\s>])<\/dt>/g;
const valueEnd = /([\p{L}\p{N}])<\/dd>/gu;

/** A page's HTML as indexed: the same, with the spaces and stops described at `blockEnd` and `termEnd`. */
export const spacedForIndex = (html: string) =>
  html.replace(termEnd, '$1:</dt>').replace(valueEnd, '$1.</dd>').replace(blockEnd, '$1 ');

/**
 * The language every page is indexed in: the search page's own. Pagefind otherwise keeps one index per
 * language, and when a word is missing from one of them it matches a shortened form of the word there
 * ("absences" matched every "a", "enclosed" the "en" of a `lang` field), so a search that merged the
 * English, British English and Welsh indexes returned posts that do not contain the word. One index,
 * loaded by the search page without merging, finds only what is there.
 */
export function indexLanguage(searchPage: string | undefined): string | undefined {
  const lang = searchPage && /<html[^>]*\slang="([^"]+)"/.exec(searchPage)?.[1];
  return lang ? lang.toLowerCase() : undefined;
}

/** Where the index's lines go: Astro's logger inside `astro build`, the build script's own after it. */
export interface SearchLogger {
  info(message: string): void;
  warn(message: string): void;
}

/** Throws with every message Pagefind reported for one step, so a broken index fails the build. */
function check(step: string, response: { errors: string[] }) {
  if (response.errors.length) throw new Error(`Pagefind ${step} failed:\n${response.errors.join('\n')}`);
}

async function sizeOf(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const name of await readdir(path)) total += await sizeOf(join(path, name));
  return total;
}

export interface SearchIndexStats {
  /** HTML files read. */
  files: number;
  /** Pages indexed (those with `data-pagefind-body`), per language. */
  languages: Record<string, number>;
  /** Size of `pagefind/` on disk. */
  bytes: number;
}

/** `pagefind-entry.json`: each language's index, named by its hash. */
interface IndexEntry {
  languages: Record<string, { hash: string; page_count: number }>;
}

/** The folders of Pagefind's content-addressed files: each file is named by a hash of what it holds. */
const hashedFolders = ['fragment', 'index', 'filter'];

/**
 * Removes the content-addressed files no language's index refers to: those a folder seeded with the last
 * index (`seedFromCache`) kept from pages that changed or went. Each language's metadata file
 * (`pagefind.<hash>.pf_meta`, gzipped) names every fragment, word index and filter file of that index.
 */
async function removeUnreferenced(outputPath: string, entry: IndexEntry): Promise<void> {
  const metas = Object.values(entry.languages).map(({ hash }) => `pagefind.${hash}.pf_meta`);
  const referenced = Buffer.concat(
    await Promise.all(metas.map(async (meta) => gunzipSync(await readFile(join(outputPath, meta))))),
  );
  const unreferenced = [
    ...(await readdir(outputPath)).filter((name) => name.endsWith('.pf_meta') && !metas.includes(name)),
    ...(
      await Promise.all(
        hashedFolders.map(async (folder) =>
          (await readdir(join(outputPath, folder)).catch(() => [])).map((name) => join(folder, name)),
        ),
      )
    )
      .flat()
      .filter((file) => !referenced.includes(basename(file).replace(/\.pf_[a-z]+$/, ''))),
  ];
  await Promise.all(unreferenced.map((file) => rm(join(outputPath, file))));
}

/** Marks the element whose text Pagefind indexes; pages without it are left out of the index. */
const BODY_MARK = Buffer.from('data-pagefind-body');

/**
 * Builds the Pagefind index of one output directory into `<dir>/pagefind/` from the HTML files `files`
 * (sorted; every page when not given). Only pages that mark a body to index are sent to Pagefind, which
 * leaves out every page without one once any page has one; if none has, every page is sent. `visit` sees
 * each file's bytes as they are read, in order, so a caller can hash the pages in the same pass.
 */
export async function buildSearchIndex(
  dir: string,
  logger?: SearchLogger,
  files?: readonly string[],
  visit?: (file: string, bytes: Buffer) => void,
): Promise<SearchIndexStats> {
  const outputPath = join(dir, 'pagefind');
  try {
    const searchPage = await readFile(join(dir, 'search/index.html'), 'utf8').catch(() => undefined);
    const forceLanguage = indexLanguage(searchPage);
    const created = await pagefind.createIndex({ excludeSelectors, ...(forceLanguage ? { forceLanguage } : {}) });
    check('createIndex', created);
    const index = created.index!;
    const pages = files ?? (await htmlFiles(dir));
    // Pagefind's service takes requests in the order they are sent, one after another, so the same pages
    // always make the same index files (an incremental build must equal a full one). A batch is sent
    // without waiting for each reply: the next batch is read while Pagefind works through this one.
    let pending: Promise<void> = Promise.resolve();
    let marked = 0;
    const send = async (batch: readonly string[], wanted: (bytes: Buffer) => boolean, see?: typeof visit) => {
      const contents = await Promise.all(batch.map((file) => readFile(join(dir, file))));
      const chosen = batch.flatMap((sourcePath, i) => {
        see?.(sourcePath, contents[i]!);
        return wanted(contents[i]!) ? [{ sourcePath, content: spacedForIndex(contents[i]!.toString('utf8')) }] : [];
      });
      marked += chosen.length;
      await pending;
      pending = Promise.all(
        chosen.map((page) => index.addHTMLFile(page).then((response) => check(`adding ${page.sourcePath}`, response))),
      ).then(() => undefined);
    };
    for (let start = 0; start < pages.length; start += 64)
      await send(pages.slice(start, start + 64), (bytes) => bytes.includes(BODY_MARK), visit);
    if (marked === 0)
      for (let start = 0; start < pages.length; start += 64) await send(pages.slice(start, start + 64), () => true);
    await pending;
    check('writeFiles', await index.writeFiles({ outputPath }));
    await Promise.all(unusedBundleFiles.map((name) => rm(join(outputPath, name), { force: true })));
    const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as IndexEntry;
    await removeUnreferenced(outputPath, entry);
    const languages = Object.fromEntries(
      Object.entries(entry.languages).map(([lang, { page_count }]) => [lang, page_count]),
    );
    if (!Object.keys(languages).length) logger?.warn('No page has data-pagefind-body, so the search index is empty.');
    return { files: pages.length, languages, bytes: await sizeOf(outputPath) };
  } finally {
    await pagefind.close();
  }
}

/** Pagefind's version, from its package in the project (its `exports` hide `package.json` from `require`). */
export function pagefindVersion(root: string): string {
  const manifest = join(root, 'node_modules/pagefind/package.json');
  return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version : 'unknown';
}

/**
 * Every HTML page under a folder, sorted, as paths relative to it. The folders integrations fill (the editor,
 * cards, faces, the index itself) hold no pages to search, and are being written while the index is made.
 */
async function htmlFiles(dir: string, prefix = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = join(prefix, entry.name);
    if (!prefix && (integrationFolders as readonly string[]).includes(entry.name)) continue;
    if (entry.isDirectory()) found.push(...(await htmlFiles(dir, path)));
    else if (entry.name.endsWith('.html')) found.push(path);
  }
  return found.sort();
}

/**
 * The start of the hash of everything the index is made from: Pagefind's version, its settings and this
 * file's preparation of pages. Each page follows it, in order (`hashPage`).
 */
function keyHash(version: string): Hash {
  const hash = createHash('sha256').update(`${version}\n${JSON.stringify(excludeSelectors)}\n`);
  // How pages are prepared for Pagefind is part of the index too.
  return hash.update(`${spacedForIndex}\n${indexLanguage}\n${blockEnd.source}\n`);
}

const hashPage = (hash: Hash, file: string, bytes: Buffer) => hash.update(file).update('\0').update(bytes);

/** The hash of everything the index is made from (`keyHash`), and the pages that mark a body to index, in order. */
async function indexKey(
  dir: string,
  version: string,
  files: readonly string[],
): Promise<{ key: string; indexed: string[] }> {
  const hash = keyHash(version);
  const indexed: string[] = [];
  for (let start = 0; start < files.length; start += 64) {
    const batch = files.slice(start, start + 64);
    const contents = await Promise.all(batch.map((file) => readFile(join(dir, file))));
    for (const [i, file] of batch.entries()) {
      if (contents[i]!.includes(BODY_MARK)) indexed.push(file);
      hashPage(hash, file, contents[i]!);
    }
  }
  return { key: hash.digest('hex'), indexed };
}

/** Whether a page that marks a body to index was written at or after `since` (ms): this build rendered it. */
async function renderedIndexedPage(dir: string, files: readonly string[], since: number): Promise<boolean> {
  for (const file of files) {
    const path = join(dir, file);
    if ((await stat(path)).mtimeMs >= since && (await readFile(path)).includes(BODY_MARK)) return true;
  }
  return false;
}

/** What the search cache keeps beside the index: what it was made from, its figures and its files. */
interface SavedIndex {
  key: string;
  /** What the index was made with: Pagefind's version, its settings and how pages are prepared (`keyHash`). */
  setup?: string;
  stats: SearchIndexStats;
  /** Every file of the index, by path under `pagefind/`: its size and SHA-256. */
  files: TreeFiles;
}

/**
 * The index of an output folder, reusing the last one when no page changed: a rebuild with nothing new
 * (the common case) then skips Pagefind altogether. The cache lives beside the card cache, outside `dist/`.
 * Its files are copied, not linked, so the live site never shares a file with it, and are checked
 * against their saved hashes before they are used; `key.json` is written last, so an index a killed
 * build left half-saved is never reused.
 */
export async function cachedSearchIndex(
  dir: string,
  cacheRoot: string,
  version: string,
  logger?: SearchLogger,
  since?: number,
): Promise<SearchIndexStats & { reused: boolean }> {
  const cache = join(cacheRoot, createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 12));
  const files = await htmlFiles(dir);
  // A kept output folder still has the last index, whose fragment files would otherwise pile up.
  await rm(join(dir, 'pagefind'), { recursive: true, force: true });
  const damage = new DamageReport('search index cache');
  const keyFile = join(cache, 'key.json');
  const saved = readCheckedJson<SavedIndex>(keyFile);
  if (saved.status === 'damaged') damage.note(keyFile, saved.reason);
  const setup = keyHash(version).digest('hex');
  let cacheDamaged = false;
  /** Puts the kept index's files in the folder, if they are whole; says whether it did. */
  const copyKept = async (): Promise<boolean> => {
    if (saved.status !== 'ok' || cacheDamaged) return false;
    const damaged = copyTreeChecked(join(cache, 'pagefind'), join(dir, 'pagefind'), saved.value.files ?? {});
    if (!damaged) return true;
    await rm(join(dir, 'pagefind'), { recursive: true, force: true });
    damage.note(join(cache, 'pagefind'), damaged);
    cacheDamaged = true;
    return false;
  };
  // A new index is written over the last one when it was made the same way: Pagefind leaves a file whose
  // content-addressed name it finds already there, instead of compressing it again at gzip's best level (a
  // second of the step at 1,000 posts), and `removeUnreferenced` takes away what the new index no longer uses.
  const seedFromCache = async () => {
    if (saved.status === 'ok' && saved.value.setup === setup) await copyKept();
  };
  let made: { key: string; stats: SearchIndexStats };
  // A page with words to index that this build rendered means a new index: the pages are then read once,
  // hashed for the cache and sent to Pagefind in the same pass. Otherwise they are hashed first, and the
  // index kept from the last build is used if they are as they were.
  if (saved.status === 'ok' && !(since !== undefined && (await renderedIndexedPage(dir, files, since)))) {
    const { key, indexed } = await indexKey(dir, version, files);
    if (saved.value.key === key && (await copyKept())) return { ...saved.value.stats, reused: true };
    await seedFromCache();
    damage.flush((line) => logger?.warn(line));
    made = { key, stats: await buildSearchIndex(dir, logger, indexed.length ? indexed : files) };
  } else {
    await seedFromCache();
    damage.flush((line) => logger?.warn(line));
    const hash = keyHash(version);
    const stats = await buildSearchIndex(dir, logger, files, (file, bytes) => hashPage(hash, file, bytes));
    made = { key: hash.digest('hex'), stats };
  }
  const stats = { ...made.stats, files: files.length };
  await rm(cache, { recursive: true, force: true });
  const described = copyTreeDescribed(join(dir, 'pagefind'), join(cache, 'pagefind'));
  writeChecked(keyFile, JSON.stringify({ key: made.key, setup, stats, files: described } satisfies SavedIndex));
  return { ...stats, reused: false };
}

/** The line a build logs about its search index. */
function summary({ files, languages, bytes, reused }: SearchIndexStats & { reused: boolean }, ms: number): string {
  const pages = Object.values(languages).reduce((sum, n) => sum + n, 0);
  const perLanguage = Object.entries(languages)
    .map(([lang, n]) => `${lang} ${n}`)
    .join(', ');
  const done = reused ? 'Reused the index of' : 'Indexed';
  return `${done} ${pages} of ${files} pages (${perLanguage}) in ${Math.round(ms)} ms: ${(bytes / 1024).toFixed(0)} KB in pagefind/.`;
}

/**
 * Indexes a built site into `<dir>/pagefind/`, reusing the cached index when no indexed page changed, and logs
 * one line about it. `since` is when the build began rendering: pages written since then are its own.
 */
export async function indexBuiltSite(
  dir: string,
  { cacheRoot, version, logger, since }: { cacheRoot: string; version: string; logger: SearchLogger; since: number },
): Promise<void> {
  const started = performance.now();
  const stats = await cachedSearchIndex(dir, cacheRoot, version, logger, since);
  logger.info(summary(stats, performance.now() - started));
}

/** The two places the search index takes in the integrations list: see `pagefindIntegration`. */
export interface SearchIndexIntegrations {
  start: AstroIntegration;
  finish: AstroIntegration;
}

/**
 * Indexes the built site with Pagefind's Node API at the end of `astro build`, so search can never be
 * forgotten as a separate step. Only elements marked `data-pagefind-body` (post articles) are indexed.
 * Astro runs one integration's `astro:build:done` at a time, so `start` (placed before cards) sets
 * Pagefind to work and `finish` (placed after them) waits for it: Pagefind's own process then indexes
 * while the cards are drawn and copied, instead of after them. Under `npm run build` neither does
 * anything: the build script indexes the site once Astro has exited (`indexBuiltSite`), so Pagefind's
 * memory (2 GB at 10,000 posts) is never needed while Astro still holds its own.
 */
export default function pagefindIntegration({ cacheDir }: { cacheDir: string }): SearchIndexIntegrations {
  let cacheRoot = '';
  let version = 'unknown';
  let indexing: Promise<void> | undefined;
  /** When this build began: pages written since were rendered by it. */
  let buildStarted = 0;
  const start: AstroIntegration = {
    name: 'commonroom:pagefind',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const root = fileURLToPath(config.root);
        cacheRoot = resolve(root, cacheDir);
        version = pagefindVersion(root);
      },
      'astro:build:start': () => {
        buildStarted = Date.now();
      },
      'astro:build:done': ({ dir, logger }) => {
        if (startedByBuildScript()) return;
        indexing = indexBuiltSite(fileURLToPath(dir), { cacheRoot, version, logger, since: buildStarted });
        // A failure is reported by `finish`; until then it must not count as unhandled and end the process.
        indexing.catch(() => undefined);
      },
    },
  };
  const finish: AstroIntegration = {
    name: 'commonroom:pagefind-finish',
    hooks: {
      'astro:build:done': async () => {
        const done = indexing;
        indexing = undefined;
        await done;
      },
    },
  };
  return { start, finish };
}

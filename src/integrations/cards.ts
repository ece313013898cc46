import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { DamageReport, readCheckedPng, removeTemporaryFiles } from '../lib/atomic-write.ts';
import { forgetRenderedPages } from '../lib/build-state.ts';
import {
  cacheSalt,
  cachedPngFile,
  pruneCardCache,
  readBuildManifest,
  readDevManifest,
  writeBuildManifest,
} from '../lib/cards/cache.ts';
import type { CardJob } from '../lib/cards/input.ts';
import { closeChannel, devManifestFile, openChannel } from '../lib/cards/channel.ts';
import { createPool, renderInPool, type CardPool } from '../lib/cards/pool.ts';
import type { AheadResult, AheadTask } from '../lib/cards/ahead-worker.ts';

export interface CardsOptions {
  /** Folder for the card cache, outside the output directory so it survives builds. */
  cacheDir: string;
  /** Draw cards at all; off for builds that only check links. */
  enabled: boolean;
  /** The file pages record their cards in (`manifestFile` in `src/lib/cards/cache.ts`). */
  manifest: string;
}

/** Removes cards a kept output folder still has from pages this build no longer has. */
function removeStaleCards(out: string, files: Set<string>): void {
  const folder = join(out, 'cards');
  if (!existsSync(folder)) return;
  for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    const path = join(folder, file);
    if (!files.has(`cards/${file.split(sep).join('/')}`) && statSync(path).isFile()) rmSync(path);
  }
}

/**
 * Works out the post pages' cards from the content store in a worker thread and hands each to `draw`, so
 * they are drawn while Astro bundles; resolves with the cache files they go to. A store that cannot be
 * read hands over none: the pages then record every card as they render, as they always do.
 */
function drawAhead(storeFile: string, draw: (job: CardJob) => string): Promise<string[]> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('../lib/cards/ahead-worker.ts', import.meta.url), {
      workerData: { storeFile } satisfies AheadTask,
    });
    // A build that fails while this runs must still be able to exit.
    worker.unref();
    worker.once('message', (result: AheadResult) => {
      resolve(result.ok ? result.jobs.map(draw) : []);
      void worker.terminate();
    });
    worker.once('error', () => resolve([]));
    worker.once('exit', () => resolve([]));
  });
}

/** The HTML file a page path (base included) was written to. */
function pageFile(out: string, page: string, base: string): string {
  const path = page.startsWith(base) ? page.slice(base.length) : page.replace(/^\//, '');
  return join(out, path === '' || path.endsWith('/') ? `${path}index.html` : path);
}

/**
 * Writes a card into the output as a file of its own, never through a link: the staging folder's cards are
 * links to the live site's (`prepareStaging`), so a card is replaced, never rewritten in place.
 */
function place(bytes: Buffer, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  rmSync(to, { force: true });
  writeFileSync(to, bytes);
}

/**
 * Social cards: pages record their card's inputs while they render (`src/lib/cards/page.ts`), and each
 * card whose inputs have no PNG in the cache yet is drawn straight away on the cores page rendering
 * leaves idle. Once the build is done, the rest are drawn on every core and each page's card is
 * copied into the output, after checking the cached PNG is whole; a damaged one is drawn again.
 */
export default function cards(options: CardsOptions): AstroIntegration {
  const { enabled } = options;
  let cacheDir = '';
  const { manifest } = options;
  let previous: CardJob[] = [];
  /** This build's records, by card file. */
  const fresh = new Map<string, CardJob>();
  let base = '/';
  let pool: CardPool | undefined;
  let salt = '';
  let storeFile = '';
  let ahead: Promise<string[]> = Promise.resolve([]);
  /** Cached PNGs drawn or being drawn in this build: pages whose cards look the same share one drawing. */
  const queued = new Set<string>();
  /** The subset of `queued` that had no PNG in the cache: the cards this build draws. */
  const drawing = new Set<string>();
  const cachedPng = (job: CardJob) => cachedPngFile(cacheDir, job.input, salt);
  const draw = (job: CardJob) => {
    const cached = cachedPng(job);
    if (queued.has(cached)) return cached;
    queued.add(cached);
    if (!existsSync(cached)) {
      drawing.add(cached);
      pool!.submit({ input: job.input, out: cached, label: job.file });
    }
    return cached;
  };

  return {
    name: 'commonroom:cards',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        const root = fileURLToPath(config.root);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        cacheDir = resolve(root, options.cacheDir);
        storeFile = join(fileURLToPath(config.cacheDir), 'data-store.json');
        if (command !== 'build') return;
        // Pages an incremental build copies instead of rendering record no card, so their cards come from
        // the last build's records. Without whole records, every page must be rendered to record its card.
        const read = readBuildManifest(manifest);
        previous = read.status === 'ok' ? read.value : [];
        if (read.status === 'ok') return;
        forgetRenderedPages(fileURLToPath(config.cacheDir));
        if (read.status === 'damaged')
          logger.warn(`The card records ${manifest} were damaged (${read.reason}): every page is rendered again.`);
      },
      // In `astro dev`, a card is drawn when asked for, from the record its page wrote when it was last viewed.
      'astro:server:setup': ({ server }) => {
        const devManifest = devManifestFile(manifest);
        rmSync(devManifest, { force: true });
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
          if (!path.startsWith(`${base}cards/`) || !path.endsWith('.png')) return next();
          const job = readDevManifest(devManifest).find((entry) => entry.file === path.slice(base.length));
          if (!job) return next();
          const cached = cachedPngFile(cacheDir, job.input, cacheSalt());
          mkdirSync(dirname(cached), { recursive: true });
          (readCheckedPng(cached).status === 'ok'
            ? Promise.resolve()
            : renderInPool([{ input: job.input, out: cached, label: job.file }], 1)
          )
            .then(() => {
              const read = readCheckedPng(cached);
              if (read.status !== 'ok') throw new Error(`Could not draw ${job.file}`);
              res.setHeader('Content-Type', 'image/png');
              res.setHeader('Cache-Control', 'no-store');
              res.end(read.value);
            })
            .catch(next);
        });
      },
      'astro:build:start': () => {
        fresh.clear();
        if (!enabled) return;
        mkdirSync(join(cacheDir, 'png'), { recursive: true });
        // Drawings a killed build never finished; the lock makes sure no other build is writing them.
        removeTemporaryFiles(join(cacheDir, 'png'));
        salt = cacheSalt();
        queued.clear();
        drawing.clear();
        // Page rendering keeps one core busy; the pool starts on the others and widens when it is done.
        pool = createPool(Math.max(1, availableParallelism() - 1));
        openChannel({
          record: (job) => {
            fresh.set(job.file, job);
            draw(job);
          },
        });
        // Content is synced by now: the post pages' cards can be drawn before any page renders. After a
        // build into the same folder nearly every card is in the cache, and working them out would only
        // cost time, so this is for first builds.
        ahead = previous.length === 0 && existsSync(storeFile) ? drawAhead(storeFile, draw) : Promise.resolve([]);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const log = logger.fork('cards');
        const out = fileURLToPath(dir);
        // An incremental build copies unchanged pages from the last build without rendering them, so
        // their cards come from the last build's records, for as long as those pages are still built.
        const renderedPages = new Set([...fresh.values()].map((job) => job.page));
        const kept = previous.filter(
          (job) => job.page !== undefined && !renderedPages.has(job.page) && existsSync(pageFile(out, job.page, base)),
        );
        const jobs = [...fresh.values(), ...kept];
        writeBuildManifest(manifest, jobs);
        closeChannel();
        if (!enabled || !pool) {
          removeStaleCards(out, new Set());
          log.info(`skipped ${jobs.length} cards (COMMONROOM_CARDS=off)`);
          return;
        }
        const drawnAhead = await ahead;
        const files = jobs.map((job) => ({ job, cached: draw(job) }));
        const used = new Set(files.map((file) => file.cached));
        const unused = drawnAhead.filter((cached) => !used.has(cached)).length;
        pool.widen(availableParallelism());
        const stats = await pool.close();
        pool = undefined;
        const damage = new DamageReport('card cache');
        const redraw = new Map<string, CardJob>();
        // The staging folder holds the live site's cards (`prepareStaging`): one whose page asks for the same
        // drawing as in the last build is already in place. The size guards against a card cut short.
        const lastDrawing = new Map(previous.map((job) => [job.file, cachedPng(job)]));
        const inPlace = (job: CardJob, cached: string) =>
          lastDrawing.get(job.file) === cached &&
          statSync(join(out, job.file), { throwIfNoEntry: false })?.size ===
            statSync(cached, { throwIfNoEntry: false })?.size;
        let unchanged = 0;
        for (const { job, cached } of files) {
          if (inPlace(job, cached)) {
            unchanged++;
            continue;
          }
          const read = readCheckedPng(cached);
          if (read.status === 'ok') place(read.value, join(out, job.file));
          else if (!redraw.has(cached)) {
            if (read.status === 'damaged') damage.note(cached, read.reason);
            rmSync(cached, { force: true });
            redraw.set(cached, job);
          }
        }
        if (redraw.size) {
          const tasks = [...redraw].map(([cached, job]) => ({ input: job.input, out: cached, label: job.file }));
          stats.rendered += (await renderInPool(tasks)).rendered;
          for (const { job, cached } of files.filter((file) => redraw.has(file.cached))) {
            const read = readCheckedPng(cached);
            if (read.status !== 'ok') throw new Error(`Could not draw ${job.file}: ${cached} is ${read.status}`);
            place(read.value, join(out, job.file));
          }
        }
        damage.flush((line) => log.warn(line));
        removeStaleCards(out, new Set(jobs.map((job) => job.file)));
        const pruned = pruneCardCache(cacheDir, manifest, used, salt);
        const rendered = stats.rendered;
        const timing = rendered
          ? ` in ${Math.round(stats.wallMs)} ms on ${stats.threads} threads (satori ${(stats.satoriMs / rendered).toFixed(1)} ms, png ${(stats.pngMs / rendered).toFixed(1)} ms per card)`
          : '';
        const early = drawnAhead.length
          ? `; ${drawnAhead.length} post cards queued from the content before pages rendered${unused ? `, ${unused} of them not used by any page` : ''}`
          : '';
        const reused = files.filter((file) => !drawing.has(file.cached)).length;
        const gone = pruned ? `; deleted ${pruned} unused ${pruned === 1 ? 'drawing' : 'drawings'} from the cache` : '';
        const placed = unchanged ? ` (${unchanged} already in place from the last build)` : '';
        log.info(`${rendered} rendered, ${reused} reused${placed}${timing}${early}${gone}`);
      },
    },
  };
}

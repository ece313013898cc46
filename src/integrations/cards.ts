import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cacheSalt, cardKey } from '../lib/cards/cache.ts';
import type { CardJob } from '../lib/cards/input.ts';
import { closeChannel, openChannel } from '../lib/cards/channel.ts';
import { createPool, renderInPool, type CardPool } from '../lib/cards/pool.ts';
import { linkFile } from '../lib/link-files.ts';
import type { AheadResult, AheadTask } from '../lib/cards/ahead-worker.ts';

export interface CardsOptions {
  /** Folder for the card cache, outside the output directory so it survives builds. */
  cacheDir: string;
  /** Draw cards at all; off for builds that only check links. */
  enabled: boolean;
  /** The file pages record their cards in (`manifestFile` in `src/lib/cards/cache.ts`). */
  manifest: string;
}

/** Reads the manifest pages wrote while rendering; a page recorded twice keeps its last record. */
export function readManifest(file: string): CardJob[] {
  if (!existsSync(file)) return [];
  const jobs = new Map<string, CardJob>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const job = JSON.parse(line) as CardJob;
    jobs.set(job.file, job);
  }
  return [...jobs.values()];
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
 * Social cards: pages record their card's inputs while they render (`src/lib/cards/page.ts`), and each
 * card whose inputs have no PNG in the cache yet is drawn straight away on the cores page rendering
 * leaves idle. Once the build is done, the rest are drawn on every core and each page's card is
 * linked into the output.
 */
export default function cards(options: CardsOptions): AstroIntegration {
  const { enabled } = options;
  let cacheDir = '';
  const { manifest } = options;
  let previous: CardJob[] = [];
  let base = '/';
  let pool: CardPool | undefined;
  let salt = '';
  let storeFile = '';
  let ahead: Promise<string[]> = Promise.resolve([]);
  /** Cached PNGs drawn or being drawn in this build: pages whose cards look the same share one drawing. */
  const queued = new Set<string>();
  /** The subset of `queued` that had no PNG in the cache: the cards this build draws. */
  const drawing = new Set<string>();
  const cachedPng = (job: CardJob) => join(cacheDir, 'png', `${cardKey(job.input, salt)}.png`);
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
      'astro:config:setup': ({ config }) => {
        const root = fileURLToPath(config.root);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        cacheDir = resolve(root, options.cacheDir);
        storeFile = fileURLToPath(new URL('data-store.json', config.cacheDir));
      },
      // In `astro dev`, a card is drawn when asked for, from the record its page wrote when it was last viewed.
      'astro:server:setup': ({ server }) => {
        rmSync(manifest, { force: true });
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
          if (!path.startsWith(`${base}cards/`) || !path.endsWith('.png')) return next();
          const job = readManifest(manifest).find((entry) => entry.file === path.slice(base.length));
          if (!job) return next();
          const cached = join(cacheDir, 'png', `${cardKey(job.input, cacheSalt())}.png`);
          mkdirSync(dirname(cached), { recursive: true });
          (existsSync(cached)
            ? Promise.resolve()
            : renderInPool([{ input: job.input, out: cached, label: job.file }], 1)
          )
            .then(() => {
              res.setHeader('Content-Type', 'image/png');
              res.setHeader('Cache-Control', 'no-store');
              res.end(readFileSync(cached));
            })
            .catch(next);
        });
      },
      'astro:build:start': () => {
        previous = readManifest(manifest);
        rmSync(manifest, { force: true });
        if (!enabled) return;
        mkdirSync(join(cacheDir, 'png'), { recursive: true });
        salt = cacheSalt();
        queued.clear();
        drawing.clear();
        // Page rendering keeps one core busy; the pool starts on the others and widens when it is done.
        pool = createPool(Math.max(1, availableParallelism() - 1));
        openChannel({ record: draw });
        // Content is synced by now: the post pages' cards can be drawn before any page renders.
        ahead = existsSync(storeFile) ? drawAhead(storeFile, draw) : Promise.resolve([]);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const log = logger.fork('cards');
        const out = fileURLToPath(dir);
        // An incremental build copies unchanged pages from the last build without rendering them, so
        // their cards come from the last build's records, for as long as those pages are still built.
        const fresh = readManifest(manifest);
        const renderedPages = new Set(fresh.map((job) => job.page));
        const kept = previous.filter(
          (job) => job.page !== undefined && !renderedPages.has(job.page) && existsSync(pageFile(out, job.page, base)),
        );
        const jobs = [...fresh, ...kept];
        writeFileSync(manifest, jobs.map((job) => `${JSON.stringify(job)}\n`).join(''));
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
        for (const { job, cached } of files) linkFile(cached, join(out, job.file));
        removeStaleCards(out, new Set(jobs.map((job) => job.file)));
        const rendered = stats.rendered;
        const timing = rendered
          ? ` in ${Math.round(stats.wallMs)} ms on ${stats.threads} threads (satori ${(stats.satoriMs / rendered).toFixed(1)} ms, png ${(stats.pngMs / rendered).toFixed(1)} ms per card)`
          : '';
        const early = drawnAhead.length
          ? `; ${drawnAhead.length} post cards queued from the content before pages rendered${unused ? `, ${unused} of them not used by any page` : ''}`
          : '';
        const reused = files.filter((file) => !drawing.has(file.cached)).length;
        log.info(`${rendered} rendered, ${reused} reused${timing}${early}`);
      },
    },
  };
}

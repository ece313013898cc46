import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readCheckedPng, removeTemporaryFiles } from '../lib/atomic-write.ts';
import { announceContentStore, startedByBuildScript } from '../lib/build-gates.ts';
import { forgetRenderedPages } from '../lib/build-state.ts';
import {
  cacheSalt,
  cachedPngFile,
  readBuildManifest,
  readDevManifest,
  writeBuildManifest,
} from '../lib/cards/cache.ts';
import type { CardJob } from '../lib/cards/input.ts';
import { closeChannel, devManifestFile, openChannel } from '../lib/cards/channel.ts';
import { drawAhead } from '../lib/cards/ahead.ts';
import {
  cardsToFinishFile,
  drawingsFor,
  finishCards,
  removeStaleCards,
  writeCardsToFinish,
  type CardsToFinish,
} from '../lib/cards/finish.ts';
import { createPool, renderInPool, type CardPool } from '../lib/cards/pool.ts';

export interface CardsOptions {
  /** Folder for the card cache, outside the output directory so it survives builds. */
  cacheDir: string;
  /** Draw cards at all; off for builds that only check links. */
  enabled: boolean;
  /** The file pages record their cards in (`manifestFile` in `src/lib/cards/cache.ts`). */
  manifest: string;
}

/** The HTML file a page path (base included) was written to. */
function pageFile(out: string, page: string, base: string): string {
  const path = page.startsWith(base) ? page.slice(base.length) : page.replace(/^\//, '');
  return join(out, path === '' || path.endsWith('/') ? `${path}index.html` : path);
}

/**
 * Social cards: pages record their card's inputs while they render (`src/lib/cards/page.ts`), and each
 * card whose inputs have no PNG in the cache yet is drawn straight away on the cores page rendering
 * leaves idle. Once the pages are done, the rest are drawn on every core and each page's card is copied
 * into the output, after checking the cached PNG is whole; a damaged one is drawn again
 * (`src/lib/cards/finish.ts`). Under `npm run build`, the build script's own pool draws instead
 * (`src/lib/cards/apart.ts`): the post pages' cards from the content store while Astro bundles, and the
 * rest, with that last step, once Astro has exited; pages here only record their cards.
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
  const cachedPng = (job: CardJob) => cachedPngFile(cacheDir, job.input, salt);
  /** Gives a card's drawing in the cache, asking the pool for it when the cache lacks it. */
  let draw = (job: CardJob) => cachedPng(job);

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
        // Content is synced by now: the post pages' cards can be drawn before any page renders. After a
        // build into the same folder nearly every card is in the cache, and working them out would only
        // cost time, so this is for first builds.
        const first = previous.length === 0 && existsSync(storeFile);
        if (startedByBuildScript()) {
          // `npm run build` draws every card in its own process (`src/lib/cards/apart.ts`), so card workers
          // never add to Astro's memory: pages only record theirs here.
          draw = cachedPng;
          if (first) announceContentStore(storeFile);
        } else {
          // Page rendering keeps one core busy; the pool starts on the others and widens when it is done.
          pool = createPool(Math.max(1, availableParallelism() - 1));
          draw = drawingsFor(cacheDir, salt, pool);
          if (first) ahead = drawAhead(storeFile, draw);
        }
        openChannel({
          record: (job) => {
            fresh.set(job.file, job);
            draw(job);
          },
        });
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
        if (!enabled) {
          removeStaleCards(out, new Set());
          log.info(`skipped ${jobs.length} cards (COMMONROOM_CARDS=off)`);
          return;
        }
        const toFinish: CardsToFinish = {
          out,
          cacheDir,
          manifest,
          salt,
          files: jobs.map((job) => ({ job, cached: draw(job) })),
          lastDrawing: Object.fromEntries(previous.map((job) => [job.file, cachedPng(job)])),
        };
        if (!pool) {
          writeCardsToFinish(cardsToFinishFile(manifest), toFinish);
          return;
        }
        const running = pool;
        pool = undefined;
        log.info(await finishCards(toFinish, running, await ahead, (line) => log.warn(line)));
      },
    },
  };
}

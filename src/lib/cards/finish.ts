import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { DamageReport, readCheckedPng, writeAtomic } from '../atomic-write.ts';
import { availableParallelism } from 'node:os';
import { cachedPngFile, pruneCardCache } from './cache.ts';
import type { CardJob } from './input.ts';
import { renderInPool, type CardPool, type PoolStats } from './pool.ts';

/**
 * What is left of a build's cards once its pages are rendered: every page's card and the drawing it uses,
 * some of them drawn already or being drawn. It is plain data, so `npm run build` can finish the cards once Astro has
 * exited (see `cardsToFinishFile`), where `astro build` on its own finishes them at once.
 */
export interface CardsToFinish {
  /** The output folder. */
  out: string;
  cacheDir: string;
  /** The build's card records, for pruning the cache. */
  manifest: string;
  salt: string;
  /** Each page's card and its drawing in the cache. */
  files: { job: CardJob; cached: string }[];
  /** The drawing each card file had in the last build into this folder. */
  lastDrawing: Record<string, string>;
}

/**
 * Gives a card's drawing in the cache, asking `pool` to draw it when the cache lacks it. Pages whose cards
 * look the same share one drawing.
 */
export function drawingsFor(cacheDir: string, salt: string, pool: CardPool): (job: CardJob) => string {
  const asked = new Set<string>();
  return (job) => {
    const cached = cachedPngFile(cacheDir, job.input, salt);
    if (asked.has(cached)) return cached;
    asked.add(cached);
    if (!existsSync(cached)) pool.submit({ input: job.input, out: cached, label: job.file });
    return cached;
  };
}

/** Where `npm run build` finds the cards its Astro process left to finish: beside the build's card records. */
export const cardsToFinishFile = (manifest: string): string => manifest.replace(/\.jsonl$/, '.to-finish.json');

export function writeCardsToFinish(file: string, cards: CardsToFinish): void {
  writeAtomic(file, JSON.stringify(cards));
}

/** The cards an Astro process left to finish, if it left any. */
export function readCardsToFinish(file: string): CardsToFinish | undefined {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as CardsToFinish;
}

/** Removes cards a kept output folder still has from pages this build no longer has. */
export function removeStaleCards(out: string, files: Set<string>): void {
  const folder = join(out, 'cards');
  if (!existsSync(folder)) return;
  for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    const path = join(folder, file);
    if (!files.has(`cards/${file.split(sep).join('/')}`) && statSync(path).isFile()) rmSync(path);
  }
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

const added = (a: PoolStats, b: PoolStats): PoolStats => ({
  rendered: a.rendered + b.rendered,
  threads: Math.max(a.threads, b.threads),
  satoriMs: a.satoriMs + b.satoriMs,
  pngMs: a.pngMs + b.pngMs,
  wallMs: a.wallMs + b.wallMs,
  drawn: [...a.drawn, ...b.drawn],
});

/**
 * Has `pool` (which may be drawing some of them already) draw every drawing still missing, on every core,
 * then copies each page's card into the output, after checking its drawing is whole (a damaged one is
 * drawn again), removes cards of pages that are gone and prunes the cache. `ahead` lists the drawings of
 * post cards asked for before pages rendered. Gives the build log's line, and passes warnings to `warn`.
 */
export async function finishCards(
  cards: CardsToFinish,
  pool: CardPool,
  ahead: string[],
  warn: (line: string) => void,
): Promise<string> {
  const { out, files } = cards;
  const toTask = (job: CardJob, cached: string) => ({ input: job.input, out: cached, label: job.file });
  for (const { job, cached } of files) if (!existsSync(cached)) pool.submit(toTask(job, cached));
  pool.widen(availableParallelism());
  let stats = await pool.close();

  const damage = new DamageReport('card cache');
  const redraw = new Map<string, CardJob>();
  // The staging folder holds the live site's cards (`prepareStaging`): one whose page asks for the same
  // drawing as in the last build is already in place. The size guards against a card cut short.
  const inPlace = (job: CardJob, cached: string) =>
    cards.lastDrawing[job.file] === cached &&
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
    stats = added(stats, await renderInPool([...redraw].map(([cached, job]) => toTask(job, cached))));
    for (const { job, cached } of files.filter((file) => redraw.has(file.cached))) {
      const read = readCheckedPng(cached);
      if (read.status !== 'ok') throw new Error(`Could not draw ${job.file}: ${cached} is ${read.status}`);
      place(read.value, join(out, job.file));
    }
  }
  damage.flush(warn);
  removeStaleCards(out, new Set(files.map(({ job }) => job.file)));
  const used = new Set(files.map(({ cached }) => cached));
  const pruned = pruneCardCache(cards.cacheDir, cards.manifest, used, cards.salt);

  const { rendered } = stats;
  const timing = rendered
    ? ` in ${Math.round(stats.wallMs)} ms on ${stats.threads} threads (satori ${(stats.satoriMs / rendered).toFixed(1)} ms, png ${(stats.pngMs / rendered).toFixed(1)} ms per card)`
    : '';
  const unused = ahead.filter((cached) => !used.has(cached)).length;
  const early = ahead.length
    ? `; ${ahead.length} post cards queued from the content before pages rendered${unused ? `, ${unused} of them not used by any page` : ''}`
    : '';
  const drawn = new Set(stats.drawn);
  const reused = files.filter(({ cached }) => !drawn.has(cached)).length;
  const gone = pruned ? `; deleted ${pruned} unused ${pruned === 1 ? 'drawing' : 'drawings'} from the cache` : '';
  const placed = unchanged ? ` (${unchanged} already in place from the last build)` : '';
  return `${rendered} rendered, ${reused} reused${placed}${timing}${early}${gone}`;
}

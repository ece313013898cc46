import { parentPort } from 'node:worker_threads';
import { writeAtomic } from '../atomic-write.ts';
import type { CardInput } from './input.ts';
import { renderCard } from './render.ts';

/** A card for a worker to draw into `out`. */
export interface WorkerTask {
  id: number;
  input: CardInput;
  out: string;
}

export type WorkerResult =
  { id: number; ok: true; satoriMs: number; pngMs: number } | { id: number; ok: false; error: string };

// Runs as a worker thread: fonts and satori load once here, then every task reuses them.
parentPort?.on('message', async ({ id, input, out }: WorkerTask) => {
  try {
    const { png, timings } = await renderCard(input);
    // Written under a temporary name and renamed, so an interrupted build never leaves half a PNG in the cache.
    writeAtomic(out, png);
    parentPort!.postMessage({ id, ok: true, ...timings } satisfies WorkerResult);
  } catch (error) {
    parentPort!.postMessage({
      id,
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies WorkerResult);
  }
});

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CardInput } from './input.ts';
import type { WorkerResult } from './worker.ts';

/** A card to draw into the file `out`; `label` names it in errors (its page's card file). */
export interface RenderTask {
  input: CardInput;
  out: string;
  label: string;
}

export interface PoolStats {
  rendered: number;
  threads: number;
  /** Total time spent in satori and in the PNG step, summed over threads, ms. */
  satoriMs: number;
  pngMs: number;
  /** Wall-clock time from first worker start to last card, ms. */
  wallMs: number;
}

/**
 * Draws every task in a pool of worker threads, one per core by default. Each worker takes the next task
 * as soon as it is free; the first failure stops the pool and rejects with the card's label.
 */
export async function renderInPool(tasks: RenderTask[], threads = availableParallelism()): Promise<PoolStats> {
  const size = Math.max(1, Math.min(threads, tasks.length));
  const stats: PoolStats = { rendered: 0, threads: tasks.length ? size : 0, satoriMs: 0, pngMs: 0, wallMs: 0 };
  if (!tasks.length) return stats;
  const started = performance.now();
  const workers = Array.from({ length: size }, () => new Worker(new URL('./worker.ts', import.meta.url)));
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= tasks.length) return resolve();
              const id = next++;
              const { input, out } = tasks[id]!;
              worker.postMessage({ id, input, out });
            };
            worker.on('message', (result: WorkerResult) => {
              if (!result.ok) return reject(new Error(`Could not draw ${tasks[result.id]!.label}: ${result.error}`));
              stats.rendered++;
              stats.satoriMs += result.satoriMs;
              stats.pngMs += result.pngMs;
              feed();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`A card worker stopped with exit code ${code}`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  stats.wallMs = performance.now() - started;
  return stats;
}

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CardInput } from './input.ts';
import type { WorkerResult } from './worker.ts';

/** Each worker's young generation: see `spawn` below. */
const YOUNG_GENERATION_MB = 8;

/** A card to draw into the file `out`; `label` names it in errors (its page's card file). */
export interface RenderTask {
  input: CardInput;
  out: string;
  label: string;
}

export interface PoolStats {
  rendered: number;
  /** Most worker threads running at once. */
  threads: number;
  /** Total time spent in satori and in the PNG step, summed over threads, ms. */
  satoriMs: number;
  pngMs: number;
  /** Wall-clock time from the first card asked for to the last one drawn, ms. */
  wallMs: number;
  /** The files drawn. */
  drawn: string[];
}

export interface CardPool {
  /**
   * Queues a card; workers start as they are needed, up to the pool's current limit. A card for a file this
   * pool was already given is left out, so whoever asks for a drawing need not know who asked before.
   */
  submit(task: RenderTask): void;
  /** Lets up to `threads` workers run from now on (e.g. all cores once pages have stopped rendering). */
  widen(threads: number): void;
  /** Waits for every queued card and stops the workers; rejects with the first card that failed. */
  close(): Promise<PoolStats>;
}

/**
 * A pool of worker threads that draws cards as they are submitted, each worker taking the next card as
 * soon as it is free. Cards can be submitted while the build is still busy rendering pages: the pool
 * then runs on the cores the build leaves idle, and `widen` adds the rest when the build is done.
 */
export function createPool(threads = availableParallelism()): CardPool {
  let limit = Math.max(1, threads);
  const stats: PoolStats = { rendered: 0, threads: 0, satoriMs: 0, pngMs: 0, wallMs: 0, drawn: [] };
  const given = new Set<string>();
  const tasks = new Map<number, RenderTask>();
  const queue: number[] = [];
  const workers: Worker[] = [];
  const idle: Worker[] = [];
  let nextId = 0;
  let started: number | undefined;
  let failure: Error | undefined;
  let closing = false;
  // Until `close` is called the workers do not keep the process alive, so a build that fails while
  // pages are rendering still exits.
  let holding = false;
  let settle: (() => void) | undefined;

  const finished = () => failure !== undefined || tasks.size === 0;
  const fail = (error: Error) => {
    failure ??= error;
    settle?.();
  };
  const dispatch = () => {
    while (!failure && queue.length && (idle.length || workers.length < limit)) {
      const worker = idle.pop() ?? spawn();
      const id = queue.shift()!;
      const { input, out } = tasks.get(id)!;
      worker.postMessage({ id, input, out });
    }
    if (finished()) settle?.();
  };
  const spawn = () => {
    // Each card leaves a few MB of short-lived strings and pixels. With V8's default young generation the
    // workers' heaps grew until 600 cards on 2 workers took 520 MB; with 8 MB it was 390-410 MB in the same
    // CPU time, and a cold 1,000-post build's peak fell by about 150 MB. Capping the old generation too
    // saved more but cost 12-30% more CPU in collections.
    const worker = new Worker(new URL('./worker.ts', import.meta.url), {
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    worker.on('message', (result: WorkerResult) => {
      const task = tasks.get(result.id);
      tasks.delete(result.id);
      if (!result.ok) return fail(new Error(`Could not draw ${task?.label ?? 'a card'}: ${result.error}`));
      stats.rendered++;
      stats.drawn.push(task!.out);
      stats.satoriMs += result.satoriMs;
      stats.pngMs += result.pngMs;
      stats.wallMs = performance.now() - started!;
      idle.push(worker);
      dispatch();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!closing) fail(new Error(`A card worker stopped with exit code ${code}`));
    });
    if (!holding) worker.unref();
    workers.push(worker);
    stats.threads = Math.max(stats.threads, workers.length);
    return worker;
  };

  return {
    submit(task) {
      if (given.has(task.out)) return;
      given.add(task.out);
      started ??= performance.now();
      const id = nextId++;
      tasks.set(id, task);
      queue.push(id);
      dispatch();
    },
    widen(threads) {
      limit = Math.max(limit, threads);
      dispatch();
    },
    async close() {
      holding = true;
      for (const worker of workers) worker.ref();
      if (!finished()) await new Promise<void>((resolve) => (settle = resolve));
      closing = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
      if (failure) throw failure;
      return stats;
    },
  };
}

/** Draws every task on `threads` workers and waits for them all. */
export async function renderInPool(tasks: RenderTask[], threads = availableParallelism()): Promise<PoolStats> {
  const pool = createPool(threads);
  for (const task of tasks) pool.submit(task);
  return pool.close();
}

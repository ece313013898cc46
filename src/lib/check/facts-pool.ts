import { Worker } from 'node:worker_threads';
import type { BodyFacts, FactsOptions } from './body-facts.ts';
import type { FactsResult, FactsTask } from './facts-worker.ts';

export interface FactsPool {
  /** Parses one body on the next free worker. */
  facts(blanked: string, body: string, options: FactsOptions): Promise<BodyFacts>;
  /** Stops the workers. */
  close(): Promise<void>;
}

/**
 * Worker threads that parse post bodies, each taking the next body as soon as it is free. A worker that
 * fails rejects the bodies it held; the body cache then parses them on the main thread.
 */
export function createFactsPool(threads: number): FactsPool {
  const pending = new Map<number, { resolve: (facts: BodyFacts) => void; reject: (error: Error) => void }>();
  const queue: FactsTask[] = [];
  const idle: Worker[] = [];
  const workers: Worker[] = [];
  const held = new Map<Worker, number>();
  let nextId = 0;
  let closing = false;

  const dispatch = () => {
    while (queue.length && (idle.length || workers.length < threads)) {
      const worker = idle.pop() ?? spawn();
      const task = queue.shift()!;
      held.set(worker, task.id);
      worker.postMessage(task);
    }
  };
  const settle = (id: number, outcome: { facts: BodyFacts } | { error: Error }) => {
    const waiting = pending.get(id);
    pending.delete(id);
    if ('facts' in outcome) waiting?.resolve(outcome.facts);
    else waiting?.reject(outcome.error);
  };
  const spawn = () => {
    const worker = new Worker(new URL('./facts-worker.ts', import.meta.url));
    // The check's process ends when its work does, whatever the workers are doing.
    worker.unref();
    worker.on('message', (result: FactsResult) => {
      held.delete(worker);
      settle(result.id, result.ok ? { facts: result.facts } : { error: new Error(result.error) });
      idle.push(worker);
      dispatch();
    });
    const lost = (error: Error) => {
      const index = workers.indexOf(worker);
      if (index < 0) return;
      workers.splice(index, 1);
      const id = held.get(worker);
      held.delete(worker);
      if (id !== undefined) settle(id, { error });
      if (!closing) dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`A parsing worker stopped with exit code ${code}`)));
    workers.push(worker);
    return worker;
  };

  return {
    facts(blanked, body, options) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        queue.push({ id, blanked, body, options });
        dispatch();
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

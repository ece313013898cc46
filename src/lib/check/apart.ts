import { Worker } from 'node:worker_threads';
import type { CheckOptions, CheckResult } from './check-content.ts';

/** What the check's thread sends back: its result, or why it failed. */
export type ApartResult = { ok: true; result: CheckResult } | { ok: false; message: string; stack?: string };

/**
 * Runs `checkContent` on a thread of its own and ends the thread when it is done. `npm run build` checks the
 * content while Astro builds beside it: a check on the build script's own thread would keep its heap (about
 * 300 MB at 1,000 posts: the parsers, every post's text and front matter) for the whole build, where a
 * thread's heap is handed back to the system as the thread ends.
 */
export function checkContentApart(options: CheckOptions): Promise<CheckResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./apart-worker.ts', import.meta.url), { workerData: options });
    worker.once('message', (message: ApartResult) => {
      if (message.ok) resolve(message.result);
      else reject(Object.assign(new Error(message.message), message.stack ? { stack: message.stack } : {}));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`The content check stopped (exit code ${code}) before it finished.`)),
    );
  });
}

import { parentPort, workerData } from 'node:worker_threads';
import { checkContent, type CheckOptions } from './check-content.ts';
import type { ApartResult } from './apart.ts';

// Runs as a worker thread (`checkContentApart`): one check, then the thread ends.
checkContent(workerData as CheckOptions).then(
  (result) => parentPort!.postMessage({ ok: true, result } satisfies ApartResult),
  (error: unknown) =>
    parentPort!.postMessage({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
    } satisfies ApartResult),
);

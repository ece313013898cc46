import { parentPort } from 'node:worker_threads';
import { convertBody, type ConvertResult, type ConvertTask } from './convert.ts';

// Runs as a worker thread of the import (see createConverter): the unified libraries load once here.
parentPort?.on('message', ({ id, body, title }: ConvertTask) => {
  try {
    parentPort!.postMessage({ id, ok: true, converted: convertBody(body, title) } satisfies ConvertResult);
  } catch (error) {
    parentPort!.postMessage({
      id,
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies ConvertResult);
  }
});

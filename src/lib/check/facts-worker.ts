import { parentPort } from 'node:worker_threads';
import { bodyFacts, type BodyFacts, type FactsOptions } from './body-facts.ts';

/** A body for a worker to parse. */
export interface FactsTask {
  id: number;
  blanked: string;
  body: string;
  options: FactsOptions;
}

export type FactsResult = { id: number; ok: true; facts: BodyFacts } | { id: number; ok: false; error: string };

// Runs as a worker thread: the Markdown and MDX parsers load once here, then every body reuses them.
parentPort?.on('message', async ({ id, blanked, body, options }: FactsTask) => {
  try {
    parentPort!.postMessage({ id, ok: true, facts: await bodyFacts(blanked, body, options) } satisfies FactsResult);
  } catch (error) {
    parentPort!.postMessage({ id, ok: false, error: String(error) } satisfies FactsResult);
  }
});

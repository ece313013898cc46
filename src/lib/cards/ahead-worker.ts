import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { parse } from 'devalue';
import { buildNetwork } from '../network/build.ts';
import { settings } from '../settings.ts';
import { readUrlOptions } from '../url-options.ts';
import { createUrls } from '../urls.ts';
import { contentFromStore, postCardsAhead, type ContentStore } from './ahead.ts';
import type { CardJob } from './input.ts';

/** What the cards integration asks of this worker: the content store Astro has just synced. */
export interface AheadTask {
  storeFile: string;
}

export type AheadResult = { ok: true; jobs: CardJob[] } | { ok: false; error: string };

// Runs as a worker thread, so reading the store and building the model keep off the thread Astro bundles on.
if (parentPort) {
  const { storeFile } = workerData as AheadTask;
  const { now, scope } = settings();
  let result: AheadResult;
  try {
    const raw = contentFromStore(parse(readFileSync(storeFile, 'utf8')) as ContentStore);
    const jobs = raw
      ? postCardsAhead(buildNetwork(raw, { now, preview: false, scope }).network, createUrls(readUrlOptions()))
      : [];
    result = { ok: true, jobs };
  } catch (error) {
    result = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort.postMessage(result);
}

import { Worker } from 'node:worker_threads';
import type { RawContent } from '../network/build.ts';
import type { Network } from '../network/types.ts';
import type { Urls } from '../urls.ts';
import { describeCard } from './describe.ts';
import type { AheadResult, AheadTask } from './ahead-worker.ts';
import type { CardJob } from './input.ts';

/**
 * The cards of the post pages this build will render, worked out from the network model alone, as the
 * post page's meta describes its card (`src/pages/[...path].astro`: title, language, type, brand). They
 * are most of a network's cards, and drawing them needs nothing the pages render, so the build can start
 * on them as soon as content is synced, while Astro bundles. A page records its card again as it renders;
 * the same inputs give the same cache file, so nothing is drawn twice.
 */
export function postCardsAhead(network: Network<unknown>, urls: Urls): CardJob[] {
  return network.posts
    .filter((post) => urls.postInScope(post))
    .map((post) => {
      const page = urls.post(post);
      const meta = { title: post.title, description: post.description, lang: post.lang, type: 'post' as const };
      const { input } = describeCard(
        { ...meta, brand: network.brandOf(post.publisher) },
        page,
        network as Network,
        urls,
      );
      return { file: urls.cardFile(page), input, page };
    });
}

/** The content layer's store, as Astro writes it to `data-store.json`: collection → entry id → entry. */
export type ContentStore = Map<
  string,
  Map<string, { id: string; data: unknown; filePath?: string; body?: string; digest?: string | number }>
>;

/** The store's collections in the shape the network model is built from, as pages get them from `getCollection`. */
export function contentFromStore(store: ContentStore): RawContent<unknown> | undefined {
  const entries = (name: string) => [...(store.get(name)?.values() ?? [])];
  const info = entries('network')[0];
  if (!info) return undefined;
  return {
    network: info.data,
    schools: entries('schools'),
    families: entries('families'),
    authors: entries('authors'),
    topics: entries('topics'),
    posts: entries('posts'),
  } as RawContent<unknown>;
}

/**
 * Works out the post pages' cards from the content store in a worker thread and hands each to `draw`, so
 * they are drawn while Astro bundles; resolves with the cache files they go to. A store that cannot be
 * read hands over none: the pages then record every card as they render, as they always do.
 */
export function drawAhead(storeFile: string, draw: (job: CardJob) => string): Promise<string[]> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./ahead-worker.ts', import.meta.url), {
      workerData: { storeFile } satisfies AheadTask,
    });
    // A build that fails while this runs must still be able to exit.
    worker.unref();
    worker.once('message', (result: AheadResult) => {
      resolve(result.ok ? result.jobs.map(draw) : []);
      void worker.terminate();
    });
    worker.once('error', () => resolve([]));
    worker.once('exit', () => resolve([]));
  });
}

import type { ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { rmSync } from 'node:fs';
import { onContentStore } from '../build-gates.ts';
import { drawAhead } from './ahead.ts';
import { cacheSalt, manifestFile } from './cache.ts';
import { cardsToFinishFile, drawingsFor, finishCards, readCardsToFinish } from './finish.ts';
import { createPool } from './pool.ts';

/**
 * `npm run build` draws the cards in its own process, not Astro's, so the card workers' memory (about 150 MB
 * each) never comes on top of Astro's heap. On a first build it starts on the post pages' cards as soon as
 * Astro announces its content store, on the core Astro's bundling and rendering leave free; Astro's pages
 * only record their cards, and once Astro has exited the rest are drawn on every core
 * (`src/integrations/cards.ts` leaves them in `cardsToFinishFile`).
 */
export function drawCardsApart(astro: ChildProcess, { cacheDir, outDir }: { cacheDir: string; outDir: string }) {
  const file = cardsToFinishFile(manifestFile(cacheDir, outDir));
  // One left by a build that was stopped is not this build's.
  rmSync(file, { force: true });
  const pool = createPool(Math.max(1, availableParallelism() - 1));
  let ahead: Promise<string[]> = Promise.resolve([]);
  onContentStore(astro, (storeFile) => {
    ahead = drawAhead(storeFile, drawingsFor(cacheDir, cacheSalt(), pool));
  });
  return {
    /**
     * Once Astro has exited: draws what is left and puts every card in place. Gives the log's line, or
     * nothing when Astro left no cards (`COMMONROOM_CARDS=off`).
     */
    async finish(warn: (line: string) => void): Promise<string | undefined> {
      const cards = readCardsToFinish(file);
      rmSync(file, { force: true });
      if (!cards) {
        await pool.close();
        return undefined;
      }
      return finishCards(cards, pool, await ahead, warn);
    },
  };
}

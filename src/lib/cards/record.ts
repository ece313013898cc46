import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { currentChannel } from './channel';
import type { CardJob } from './input';

/** Path of this build's card manifest, set by the cards integration through Vite's `define`. */
declare const __COMMONROOM_CARD_MANIFEST__: string | undefined;

const manifest = typeof __COMMONROOM_CARD_MANIFEST__ === 'string' ? __COMMONROOM_CARD_MANIFEST__ : undefined;
let ready = false;

/**
 * Records a card: a line in the manifest, which later builds and `astro dev` read, and, during a build,
 * a hand-over to the cards integration so the card is drawn while other pages are still rendering.
 * Without the integration, a no-op.
 */
export function recordCard(job: CardJob): void {
  if (!manifest) return;
  if (!ready) {
    mkdirSync(dirname(manifest), { recursive: true });
    ready = true;
  }
  appendFileSync(manifest, `${JSON.stringify(job)}\n`);
  currentChannel()?.record(job);
}

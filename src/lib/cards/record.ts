import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CardJob } from './input';

/** Path of this build's card manifest, set by the cards integration through Vite's `define`. */
declare const __COMMONROOM_CARD_MANIFEST__: string | undefined;

const manifest = typeof __COMMONROOM_CARD_MANIFEST__ === 'string' ? __COMMONROOM_CARD_MANIFEST__ : undefined;
let ready = false;

/**
 * Records a card for the integration to draw once the build is done. Pages render in a module graph of
 * their own, so the record is a line in a file, not an in-memory list. Without the integration, a no-op.
 */
export function recordCard(job: CardJob): void {
  if (!manifest) return;
  if (!ready) {
    mkdirSync(dirname(manifest), { recursive: true });
    ready = true;
  }
  appendFileSync(manifest, `${JSON.stringify(job)}\n`);
}

import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import build from 'virtual:commonroom/build';
import { currentChannel } from './channel.ts';
import type { CardJob } from './input.ts';

const manifest = build.cardManifest;
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

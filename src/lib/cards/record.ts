import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import build from 'virtual:commonroom/build';
import { currentChannel, devManifestFile } from './channel.ts';
import type { CardJob } from './input.ts';

const manifest = build.cardManifest;
let ready = false;

/**
 * Records a card. During a build it is handed to the cards integration, which draws it while other pages
 * are still rendering and writes the build's records in one piece at the end, so a killed build never
 * leaves half a record. In `astro dev` it is a line in the dev manifest, which the dev server reads when
 * the card is asked for. Without the integration, a no-op.
 */
export function recordCard(job: CardJob): void {
  if (!manifest) return;
  const channel = currentChannel();
  if (channel) return channel.record(job);
  const file = devManifestFile(manifest);
  if (!ready) {
    mkdirSync(dirname(file), { recursive: true });
    ready = true;
  }
  appendFileSync(file, `${JSON.stringify(job)}\n`);
}

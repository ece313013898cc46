import type { CardJob } from './input.ts';

/**
 * How a page hands its card to the cards integration during a build. Pages run in a module graph of
 * their own, so the integration puts the channel on `globalThis` under a registered symbol, which both
 * copies of this module agree on.
 */
export interface CardChannel {
  record(job: CardJob): void;
}

const key = Symbol.for('commonroom.cards');
type Holder = { [key]?: CardChannel | undefined };

export function openChannel(channel: CardChannel): void {
  (globalThis as Holder)[key] = channel;
}

export function closeChannel(): void {
  delete (globalThis as Holder)[key];
}

export function currentChannel(): CardChannel | undefined {
  return (globalThis as Holder)[key];
}

/** Where `astro dev`, which has no channel, records the cards of the pages it serves, apart from a build's records. */
export const devManifestFile = (manifest: string): string => manifest.replace(/\.jsonl$/, '.dev.jsonl');

/**
 * `npm run build` starts Astro at once, and Astro's start-up and content sync overlap two things the build
 * script does meanwhile. Each is a gate Astro waits at, opened by a message over the IPC channel between
 * them:
 *
 * - `staging-ready`: the staging folder holds copies of the live site's pages (`prepareStaging`). Nothing
 *   may be written into it before then, so `astro:build:start` waits (`src/integrations/keep-output.ts`).
 * - `check-passed`: the content check passed. No page may be rendered before then, since a page rendered
 *   from content the check refuses could end up in Astro's cache of pages, so every page waits at
 *   `getSite()`. If the check fails, Astro is stopped before it renders anything.
 *
 * `astro build` or `astro dev` run without the build script has no gates, and goes straight on.
 *
 * One message goes the other way: on a first build, Astro announces where its synced content store is, so
 * the build script can start drawing cards (`announceContentStore`).
 */
import type { ChildProcess } from 'node:child_process';

export type BuildGate = 'staging-ready' | 'check-passed';

const GATES = Symbol.for('commonroom.build-gates');
const message = (gate: BuildGate) => `commonroom:${gate}`;

type Gated = typeof globalThis & { [GATES]?: Map<BuildGate, Promise<void>> };

/** In Astro's process, run by the build script's preload: from now on, Astro waits at each gate. */
export function installBuildGates(): void {
  const gates = new Map<BuildGate, Promise<void>>();
  for (const gate of ['staging-ready', 'check-passed'] as const) {
    gates.set(
      gate,
      new Promise<void>((resolve) => {
        const listener = (received: unknown) => {
          if (received !== message(gate)) return;
          process.off('message', listener);
          resolve();
        };
        process.on('message', listener);
      }),
    );
  }
  (globalThis as Gated)[GATES] = gates;
}

let waiting = 0;

/** Resolves once the build script has opened `gate`, at once when nothing gates this process. */
export async function gateOpened(gate: BuildGate): Promise<void> {
  const opened = (globalThis as Gated)[GATES]?.get(gate);
  if (!opened) return;
  // The channel is left out of what keeps Astro alive (scripts/follow-parent.ts); while anything waits on
  // it, it must count, or the process would end with nothing left to do.
  if (waiting++ === 0) process.channel?.ref();
  try {
    await opened;
  } finally {
    if (--waiting === 0) process.channel?.unref();
  }
}

/**
 * Whether `npm run build` started this Astro process (its preload installed the gates). The build script then
 * does what needs Astro gone first: it indexes the site for search once Astro has exited.
 */
export function startedByBuildScript(): boolean {
  return GATES in globalThis;
}

/** In the build script: lets the Astro process it started past `gate`. */
export function openGate(astro: ChildProcess, gate: BuildGate): void {
  astro.send(message(gate));
}

const CONTENT_STORE = 'commonroom:content-store';

/**
 * In Astro's process, on a first build: tells the build script where the content store Astro has just
 * synced is, so it can start drawing the post pages' cards while Astro bundles (`src/lib/cards/apart.ts`).
 */
export function announceContentStore(storeFile: string): void {
  process.send?.({ type: CONTENT_STORE, storeFile });
}

/** In the build script: calls `then` when the Astro process it started announces its content store. */
export function onContentStore(astro: ChildProcess, then: (storeFile: string) => void): void {
  astro.on('message', (received: unknown) => {
    const message = received as { type?: unknown; storeFile?: unknown } | null;
    if (message?.type === CONTENT_STORE && typeof message.storeFile === 'string') then(message.storeFile);
  });
}

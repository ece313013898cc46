/**
 * `npm run build` starts Astro while the content check is still reading the posts, so Astro's start-up,
 * content sync and bundling overlap the check. No page may be rendered until the check has passed: a page
 * rendered from content the check refuses could end up in Astro's cache of pages. So every page waits at
 * `getSite()` for the build script's word over the IPC channel between them; if the check fails, Astro
 * is stopped before it renders anything. `astro build` or `astro dev` run without the build script has no
 * gate, and pages go straight on.
 */
import type { ChildProcess } from 'node:child_process';

/** The message the build script sends once the check has passed. */
const PASSED = 'commonroom:check-passed';
const GATE = Symbol.for('commonroom.check-gate');

type Gated = typeof globalThis & { [GATE]?: Promise<void> };

/** In Astro's process, run by the build script's preload: from now on, pages wait for the check. */
export function installCheckGate(): void {
  (globalThis as Gated)[GATE] = new Promise<void>((resolve) => {
    const listener = (message: unknown) => {
      if (message !== PASSED) return;
      process.off('message', listener);
      resolve();
    };
    process.on('message', listener);
  });
}

/** Resolves once the check has passed, at once when nothing gates this process. */
export async function checkPassed(): Promise<void> {
  const gate = (globalThis as Gated)[GATE];
  if (!gate) return;
  // The channel is left out of what keeps Astro alive (scripts/follow-parent.ts); while pages wait on it, it
  // must count, or the process would end with nothing left to do.
  process.channel?.ref();
  try {
    await gate;
  } finally {
    process.channel?.unref();
  }
}

/**
 * Whether `npm run build` started this Astro process (its preload installed the gate). The build script then
 * does what needs Astro gone first: it indexes the site for search once Astro has exited.
 */
export function startedByBuildScript(): boolean {
  return GATE in globalThis;
}

/** In the build script: lets the Astro process it started render pages. */
export function openCheckGate(astro: ChildProcess): void {
  astro.send(PASSED);
}

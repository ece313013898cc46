import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { describeHolder, lockFile, tryLock } from '../lib/build-lock.ts';

// Astro reloads the config (and this module) when it changes; the lock is held once per process.
const held = Symbol.for('commonroom.dev-lock');
type Holder = { [held]?: boolean };

/**
 * `astro dev` writes the same caches and `.astro/` folder as a build, so it holds the build lock
 * (`src/lib/build-lock.ts`) while it runs, and does not start while a build holds it.
 */
export default function devLock(): AstroIntegration {
  return {
    name: 'commonroom:dev-lock',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        if (command !== 'dev' || (globalThis as Holder)[held]) return;
        const lock = tryLock(lockFile(fileURLToPath(config.root)), 'dev server');
        if ('held' in lock) {
          logger.error(
            `${describeHolder(lock.holder)} is using this project's caches: start the dev server when it has finished.`,
          );
          process.exit(1);
        }
        (globalThis as Holder)[held] = true;
        process.on('exit', () => lock.release());
      },
    },
  };
}

/**
 * Loaded into `astro build` by `scripts/build.ts` (`node --import`). If the build script is killed, the
 * channel between them closes and Astro stops at once, instead of writing on into the staging folder and
 * the caches with nothing left to finish the build, while the lock says nobody holds them. Astro waits at
 * the build script's gates (`src/lib/build-gates.ts`).
 */
import { installBuildGates } from '../src/lib/build-gates.ts';

if (process.channel) {
  process.channel.unref();
  process.once('disconnect', () => process.exit(1));
  installBuildGates();
}

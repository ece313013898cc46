/**
 * `npm run rollback`: puts the site from before the last build back in the output folder. The site it
 * replaces becomes `<out>.previous`, so running it again undoes the roll-back.
 */
import { relative } from 'node:path';
import { acquireLock, describeHolder, lockFile } from '../src/lib/build-lock.ts';
import { ownersFile, writeOwner } from '../src/lib/build-state.ts';
import { outputFolders, recoverInterruptedSwap, rollBack } from '../src/lib/output-folder.ts';
import { settingsOrExit } from '../src/lib/settings.ts';

const settings = settingsOrExit();
const root = process.cwd();
const folders = outputFolders(settings.outDir);
const shown = (dir: string) => relative(root, dir) || '.';

const lock = await acquireLock(lockFile(root), 'build', (holder) =>
  console.log(`Waiting for ${describeHolder(holder)} to finish before rolling back…`),
);
if ('held' in lock) {
  console.error(`Nothing was rolled back: ${describeHolder(lock.holder)} is using this project. Stop it first.`);
  process.exit(1);
}
process.on('exit', () => lock.release());

recoverInterruptedSwap(folders);
if (!rollBack(folders)) {
  console.error(`There is no earlier site to go back to: ${shown(folders.previous)} does not exist.`);
  process.exit(1);
}
// Neither folder is the one the Astro cache last built, so the next build starts from its cache instead.
const owners = ownersFile(root);
writeOwner(owners, folders.out, '');
writeOwner(owners, folders.previous, '');
console.log(
  `Rolled back: ${shown(folders.out)} now holds the site that was in ${shown(folders.previous)}, and ${shown(folders.previous)} the one that was live (npm run rollback again swaps them back).`,
);

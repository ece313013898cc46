/**
 * The output folder is the live site (nginx serves it as it is), so a build never writes into it: it
 * builds into a staging folder beside it and, once everything has succeeded, renames the staging folder
 * into its place, keeping the last site as `<out>.previous` for a roll-back. Folders beside the output
 * are on the same file system, which is what makes the rename a single step.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { copyTree, linkTree } from './link-files.ts';

/** The folder of the output that holds the social cards. */
const CARDS = 'cards';

/** Top-level folders of the output that an integration fills from its own cache and prunes itself. */
export const integrationFolders = [CARDS, 'pagefind', 'faces', 'admin'] as const;

/** A git checkout in the output folder (a GitHub Pages branch) stays with the live site. */
const GIT = '.git';

export interface OutputFolders {
  out: string;
  staging: string;
  previous: string;
  /** Where the previous site goes when it is replaced, to be deleted (`<discard>-<id>`, see `deleteDiscarded`). */
  discard: string;
  /** Where the live site waits during a roll-back. */
  rollback: string;
}

export function outputFolders(out: string): OutputFolders {
  return {
    out,
    staging: `${out}.staging`,
    previous: `${out}.previous`,
    discard: `${out}.discard`,
    rollback: `${out}.rollback`,
  };
}

/**
 * Puts a site back in the output folder if a swap or roll-back was killed between its two renames.
 * Returns the folder it came from, if any.
 */
export function recoverInterruptedSwap(folders: OutputFolders): string | undefined {
  if (existsSync(folders.out)) return undefined;
  for (const from of [folders.previous, folders.rollback]) {
    if (!existsSync(from)) continue;
    renameSync(from, folders.out);
    return from;
  }
  return undefined;
}

/**
 * Empties the staging folder and, if `fromOutput`, fills it with copies of the live site's pages (not
 * links: the build rewrites changed pages in place, which must not reach the live files). The folders
 * integrations fill themselves are left out, except the cards, which are hard-linked: the cards
 * integration keeps the ones whose drawing has not changed (a thousand files at 1,000 posts, not rewritten
 * from its cache on every build), and replaces a changed one by deleting it first, so a live card never
 * changes. Returns how many files were copied or linked.
 */
export function prepareStaging(folders: OutputFolders, fromOutput: boolean): number {
  rmSync(folders.staging, { recursive: true, force: true });
  if (!fromOutput || !existsSync(folders.out)) return 0;
  const copied = copyTree(folders.out, folders.staging, [...integrationFolders, GIT]);
  const cards = join(folders.out, CARDS);
  return copied + (existsSync(cards) ? linkTree(cards, join(folders.staging, CARDS)) : 0);
}

/**
 * Replaces the output folder with the staging folder, keeping the last site as `<out>.previous`. The
 * site before that is set aside in a folder of its own for `deleteDiscarded`.
 */
export function swapIntoPlace(folders: OutputFolders): void {
  if (existsSync(folders.previous)) renameSync(folders.previous, `${folders.discard}-${process.pid}-${Date.now()}`);
  const hadOutput = existsSync(folders.out);
  if (hadOutput) renameSync(folders.out, folders.previous);
  renameSync(folders.staging, folders.out);
  if (hadOutput) moveGit(folders.previous, folders.out);
}

/** The folders sites were set aside in by swaps, including any whose deletion was stopped part-way. */
export function discardedFolders(folders: OutputFolders): string[] {
  const parent = dirname(folders.discard);
  const name = basename(folders.discard);
  if (!existsSync(parent)) return [];
  return readdirSync(parent)
    .filter((entry) => entry === name || entry.startsWith(`${name}-`))
    .map((entry) => join(parent, entry));
}

/**
 * Deletes the sites swaps set aside. With `background`, a process of its own does it, so a build is done
 * once its site is in place rather than after deleting thousands of files of a site two builds old (the
 * slowest step after a small edit); a deletion that is stopped, or that meets another at the same folder,
 * is finished by the next one. Nothing reads these folders, so deleting them late changes no site.
 */
export function deleteDiscarded(folders: OutputFolders, { background }: { background: boolean }): void {
  removeFolders(discardedFolders(folders), { background });
}

/** Deletes folders; with `background`, in a process of its own that this one does not wait for. */
export function removeFolders(dirs: string[], { background }: { background: boolean }): void {
  if (!dirs.length) return;
  if (!background) {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    return;
  }
  const script = `for (const dir of process.argv.slice(1)) try { require('node:fs').rmSync(dir, { recursive: true, force: true }); } catch {}`;
  spawn(process.execPath, ['-e', script, ...dirs], { detached: true, stdio: 'ignore' }).unref();
}

/** Puts `<out>.previous` back in the output folder; the site it replaces becomes `<out>.previous`. */
export function rollBack(folders: OutputFolders): boolean {
  if (!existsSync(folders.previous) || !existsSync(folders.out)) return false;
  renameSync(folders.out, folders.rollback);
  renameSync(folders.previous, folders.out);
  renameSync(folders.rollback, folders.previous);
  moveGit(folders.previous, folders.out);
  return true;
}

function moveGit(from: string, to: string): void {
  if (existsSync(join(from, GIT)) && !existsSync(join(to, GIT))) renameSync(join(from, GIT), join(to, GIT));
}

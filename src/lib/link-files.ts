import { constants, copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Copies a folder tree for a site about to be published, leaving out the top-level entries named in
 * `skip`. Copies, not hard links: a file of the live site must never change because a cache entry, or a
 * folder still being built, was rewritten or damaged in place. Where the file system can share blocks
 * (btrfs, XFS, APFS) the copy is a reflink and costs next to nothing. Returns how many files were copied.
 */
export function copyTree(from: string, to: string, skip: readonly string[] = []): number {
  let copied = 0;
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (skip.includes(entry.name)) continue;
    const source = join(from, entry.name);
    if (entry.isDirectory()) copied += copyTree(source, join(to, entry.name));
    else if (entry.isFile()) {
      copyFileSync(source, join(to, entry.name), constants.COPYFILE_FICLONE);
      copied++;
    }
  }
  return copied;
}

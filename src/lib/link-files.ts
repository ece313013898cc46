import { createHash } from 'node:crypto';
import { constants, copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

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

/**
 * Hard-links every file of a folder tree into another, for files that are only ever replaced (deleted, then
 * written anew), never rewritten in place: the two trees then share a file until one of them replaces it,
 * and nothing is copied. Where the file system has no hard links (FAT, some network shares), or the trees
 * are on two file systems, the file is copied instead. Returns how many files were linked or copied.
 */
export function linkTree(from: string, to: string): number {
  let linked = 0;
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) linked += linkTree(source, target);
    else if (entry.isFile()) {
      try {
        linkSync(source, target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw error;
        copyFileSync(source, target, constants.COPYFILE_FICLONE);
      }
      linked++;
    }
  }
  return linked;
}

/** Each file of a folder tree, by its path under the folder: its size and SHA-256. */
export type TreeFiles = Record<string, { size: number; sha256: string }>;

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? join(prefix, entry.name) : entry.name;
    if (entry.isDirectory()) return filesUnder(dir, path);
    return entry.isFile() ? [path] : [];
  });
}

const describe = (bytes: Buffer) => ({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });

/** Writes files into a folder tree, making each folder once. */
function treeWriter(to: string): (file: string, bytes: Buffer) => void {
  const made = new Set<string>();
  return (file, bytes) => {
    const path = join(to, file);
    const folder = dirname(path);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    writeFileSync(path, bytes);
  };
}

/** Copies a folder tree, reading each file once, and returns what it copied (`TreeFiles`), for a cache to check later. */
export function copyTreeDescribed(from: string, to: string): TreeFiles {
  const files: TreeFiles = {};
  const write = treeWriter(to);
  mkdirSync(to, { recursive: true });
  for (const file of filesUnder(from)) {
    const bytes = readFileSync(join(from, file));
    write(file, bytes);
    files[file] = describe(bytes);
  }
  return files;
}

/**
 * Copies a folder tree that a cache kept, reading each file once, if every file is as `expected` describes
 * and there is no other. Otherwise returns why not, and what was copied so far must be discarded.
 */
export function copyTreeChecked(from: string, to: string, expected: TreeFiles): string | undefined {
  let found: string[];
  try {
    found = filesUnder(from);
  } catch {
    found = [];
  }
  const extra = found.find((file) => !(file in expected));
  if (extra) return `${extra} was not part of it`;
  const present = new Set(found);
  const missing = Object.keys(expected).find((file) => !present.has(file));
  if (missing) return `${missing} is missing`;
  const write = treeWriter(to);
  mkdirSync(to, { recursive: true });
  for (const file of found) {
    const bytes = readFileSync(join(from, file));
    const { size, sha256 } = expected[file]!;
    if (bytes.length !== size) return `${file} has ${bytes.length} bytes where ${size} were written`;
    if (describe(bytes).sha256 !== sha256) return `${file} does not match its hash`;
    write(file, bytes);
  }
  return undefined;
}

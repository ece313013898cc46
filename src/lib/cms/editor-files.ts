import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCheckedJson, writeChecked, type DamageReport } from '../atomic-write.ts';
import { hashCode } from '../code-graph.ts';

/** The files of `/admin/` made from the network (the rest is the editor's bundle), and what to log about them. */
export interface EditorFiles {
  /** `config.yml`. */
  config: string;
  /** `index.html`. */
  page: string;
  /** Warnings for whoever runs the build. */
  notes: string[];
  /** Information lines for the build log. */
  info: string[];
  /** How many lists of posts the editor shows. */
  postLists: number;
}

/** The modules that make the files: a change to any of them, or to a package they import, makes them again. */
const GENERATORS = ['config.ts', 'page.ts'].map((file) => fileURLToPath(new URL(file, import.meta.url)));

const ENTRY = /^editor-files-[0-9a-f]{64}\.json$/;

/**
 * The key of the files made from `input` (everything `make` reads: the network's publishers and settings,
 * the site's stylesheets) by this version of the code.
 */
export function editorFilesKey(input: unknown, root: string): string {
  return hashCode(createHash('sha256'), GENERATORS, root)
    .update(JSON.stringify(input) ?? '')
    .digest('hex');
}

/** Sets of files kept: a trust that builds one site per school from one checkout switches between a few. */
export const EDITOR_FILES_KEPT = 8;

/**
 * The editor's files for a key, from the cache when an earlier build made them from the same input, or made
 * by `make` and kept for the next build. At 10,000 posts (400 schools, 2,000 post lists) making them takes
 * seconds; a build after an edit to a post, which changes none of their input, reads them instead. Only the
 * `EDITOR_FILES_KEPT` sets used last are kept.
 */
export function cachedEditorFiles(
  cacheDir: string,
  key: string,
  make: () => EditorFiles,
  damage: DamageReport,
): { files: EditorFiles; reused: boolean } {
  const file = join(cacheDir, `editor-files-${key}.json`);
  const read = readCheckedJson<EditorFiles>(file);
  if (read.status === 'ok') {
    const now = new Date();
    utimesSync(file, now, now);
    return { files: read.value, reused: true };
  }
  if (read.status === 'damaged') damage.note(file, read.reason);
  const files = make();
  writeChecked(file, JSON.stringify(files));
  const entries = readdirSync(cacheDir)
    .filter((entry) => ENTRY.test(entry))
    .map((entry) => ({ path: join(cacheDir, entry), used: statSync(join(cacheDir, entry)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const { path } of entries.slice(EDITOR_FILES_KEPT)) rmSync(path, { force: true });
  return { files, reused: false };
}

/**
 * What a build is made from and what it left behind, each as one hash, so `npm run build` can tell that
 * nothing changed since the last build and leave the site as it is instead of building it again.
 *
 * The inputs are every file of the project and of the content folder, known by path, size, modification
 * and change times and inode (any write, copy or checkout changes at least one of them), the settings,
 * the Node version, the arguments for Astro and the posts still scheduled (a scheduled post's date passing
 * is the one way time changes a site). A false difference only costs a build, a missed one would leave
 * a stale site; so only what no build reads is left out (dependencies, caches, tests, tools, documents,
 * outputs, logs), and the installed packages count through npm's record of them.
 */
import { createHash, type Hash } from 'node:crypto';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/**
 * Folders no build reads from, wherever they are: dependencies (npm's record of `node_modules` counts
 * instead), git, and caches (Astro writes `.astro/` beside any Astro project, the benchmark's too).
 */
const NOT_INPUT_FOLDERS = new Set(['node_modules', '.git', '.cache', '.astro']);

/**
 * Top-level folders and files of the project that no build reads from: tests, tools, documentation (the
 * README and licence too), deployment files, and the output folders builds and the demo write (`dist/`,
 * `dist.previous/`, `dist-demo/`…).
 */
const NOT_INPUT_TOP = /^(tests|tools|docs|deploy|screenshots|\.github|\.ci|dist([.-].*)?|README\.md|LICENSE(\.\w+)?)$/;

/** Files written beside a project that no build reads: logs, profiles, a Mac's folder settings. */
const NOT_INPUT_FILES = /(\.log|\.cpuprofile|\.heapprofile|\.heapsnapshot|^\.DS_Store)$/;

/** Records of the installed packages: a changed dependency changes one of them. */
const PACKAGE_RECORDS = ['package-lock.json', 'node_modules/.package-lock.json'];

export interface BuildInputs {
  projectRoot: string;
  contentRoot: string;
  /** Folders to leave out wherever they are: the output folder and those beside it. */
  outputs: readonly string[];
  /** Every `COMMONROOM_*` variable given, by name. */
  settings: Record<string, string | undefined>;
  /** Posts dated after the build's "now", as files with their dates. */
  scheduled: readonly { file: string; date: string }[];
  /** Extra arguments for `astro build`. */
  args: readonly string[];
}

/**
 * Adds one file's identity to the hash: a changed, replaced or touched file changes it. Without `changeTime`
 * the change time is left out, for a site whose files are hard-linked into the sites before and after it
 * (the cards, see `prepareStaging`): deleting an old site's link changes the live file's change time.
 */
function addFile(hash: Hash, name: string, path: string, changeTime = true): void {
  const stats = statSync(path, { bigint: true, throwIfNoEntry: false });
  if (!stats?.isFile()) return;
  hash.update(`${name}\0${stats.size}\0${stats.mtimeNs}\0${changeTime ? stats.ctimeNs : ''}\0${stats.ino}\n`);
}

interface Walk {
  /** Folders to leave out, as absolute paths. */
  skip: ReadonlySet<string>;
  /** Entries of the starting folder itself to leave out. */
  top?: RegExp;
  /** Real paths of the folders already added, so a linked folder is added once. */
  seen?: Set<string>;
  /** Whether files' change times count (see `addFile`). */
  changeTime?: boolean;
}

/**
 * Adds every file under `dir` in a fixed order, leaving out what `walk` and the lists above name. Linked
 * folders are followed, as Astro's content loader follows them.
 */
function addTree(hash: Hash, base: string, dir: string, walk: Walk): void {
  const seen = walk.seen ?? new Set<string>();
  seen.add(realpathSync(dir));
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (walk.skip.has(path) || NOT_INPUT_FOLDERS.has(entry.name) || NOT_INPUT_FILES.test(entry.name)) continue;
    if (dir === base && walk.top?.test(entry.name)) continue;
    const folder =
      entry.isDirectory() ||
      (entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isDirectory() === true);
    if (!folder) addFile(hash, relative(base, path).split(sep).join('/'), path, walk.changeTime);
    else if (!seen.has(realpathSync(path))) addTree(hash, base, path, { ...walk, seen });
  }
}

/**
 * One hash of everything a build's output depends on but the posts still scheduled, which only the content
 * check knows: when it differs from the last build's, the build starts without waiting for the check.
 */
export function buildSourcesKey(inputs: Omit<BuildInputs, 'scheduled'>): string {
  const projectRoot = resolve(inputs.projectRoot);
  const skip = new Set(inputs.outputs.map((dir) => resolve(dir)));
  const hash = createHash('sha256');
  hash.update(`node ${process.version}\n${JSON.stringify(inputs.args)}\n`);
  const settings = Object.entries(inputs.settings)
    .filter(([name]) => name !== 'COMMONROOM_NOW')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  hash.update(`${JSON.stringify(settings)}\n`);
  hash.update('project\n');
  addTree(hash, projectRoot, projectRoot, { skip, top: NOT_INPUT_TOP });
  for (const record of PACKAGE_RECORDS) addFile(hash, record, join(projectRoot, record));
  hash.update('content\n');
  // A content folder that is not there is the check's to report, in words a writer can act on.
  const content = resolve(inputs.contentRoot);
  if (statSync(content, { throwIfNoEntry: false })?.isDirectory()) addTree(hash, content, content, { skip });
  return hash.digest('hex');
}

/** The whole key from the sources' key and the posts still scheduled. */
export const withScheduled = (sources: string, scheduled: BuildInputs['scheduled']): string =>
  createHash('sha256')
    .update(`${sources}\n${JSON.stringify(scheduled)}`)
    .digest('hex');

/** One hash of everything a build's output depends on (see the top of this file). */
export const buildInputsKey = (inputs: BuildInputs): string => withScheduled(buildSourcesKey(inputs), inputs.scheduled);

/**
 * One hash of the files in a built site (path, size, modification time and inode), to tell that the
 * site is still the one the last build left: one deleted, added or rewritten file changes it.
 */
export function outputKey(out: string): string {
  const hash = createHash('sha256');
  addTree(hash, out, out, { skip: new Set(), changeTime: false });
  return hash.digest('hex');
}

/**
 * `npm run build`: checks the content exactly as `npm run check` does, and runs `astro build`. Astro starts
 * while the check runs (its start-up, content sync and bundling need no verdict), but renders no page and
 * shows nothing until the check has passed (`src/lib/build-gates.ts`). A bad file stops the build with the
 * check's one-line messages (no stack trace) before anything is written.
 *
 * The output folder is the live site, so Astro builds into `<out>.staging` beside it, and only a build that
 * succeeded from start to end (pages, cards, search, feeds, headers) replaces it, by renaming; the site it
 * replaces is kept as `<out>.previous` (`npm run rollback` puts it back). A build that fails or is killed
 * leaves the output folder as it was. Unchanged pages are copied from the live site into the staging folder,
 * so incremental builds still skip them. One build runs at a time (`src/lib/build-lock.ts`).
 * Extra arguments go to `astro build`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireLock, describeHolder, lockFile } from '../src/lib/build-lock.ts';
import {
  forgetRenderedPages,
  journalFile,
  otherPipelineCaches,
  ownerOf,
  ownersFile,
  readJournal,
  writeJournal,
  writeOwner,
} from '../src/lib/build-state.ts';
import { buildSourcesKey, outputKey, withScheduled } from '../src/lib/build-inputs.ts';
import { openGate } from '../src/lib/build-gates.ts';
import { holdOutput } from '../src/lib/held-output.ts';
import { checkContentApart } from '../src/lib/check/apart.ts';
import { printReport } from '../src/lib/check/report.ts';
import {
  deleteDiscarded,
  outputFolders,
  prepareStaging,
  recoverInterruptedSwap,
  removeFolders,
  swapIntoPlace,
} from '../src/lib/output-folder.ts';
import { settingsOrExit } from '../src/lib/settings.ts';
import { bundleEditorApart } from '../src/lib/cms/editor-bundle.ts';
import { indexBuiltSite, pagefindVersion } from '../src/integrations/pagefind.ts';
import { drawCardsApart } from '../src/lib/cards/apart.ts';

const started = performance.now();
const settings = settingsOrExit();
// Started at once; a build that has something to do starts Astro beside it (see below).
const checking = checkContentApart({ root: settings.contentRoot, now: settings.now });
// Awaited later; a check that throws must not count as unhandled before then.
checking.catch(() => undefined);

/** The check's report, once; false when it found errors, and the build must stop. */
let reported: Promise<boolean> | undefined;
const checkReport = () =>
  (reported ??= checking.then(
    (result) => printReport(result, { quiet: true, seconds: (performance.now() - started) / 1000 }) === 0,
  ));

const root = process.cwd();
const folders = outputFolders(settings.outDir);
const shown = (dir: string) => relative(root, dir) || '.';
const out = shown(folders.out);

const lock = await acquireLock(lockFile(root), 'build', (holder) =>
  console.log(`Waiting for ${describeHolder(holder)} to finish before building…`),
);
if ('held' in lock) {
  console.error(
    `The build did not start: ${describeHolder(lock.holder)} is using this project's caches. Stop it, then build again.`,
  );
  process.exit(1);
}
process.on('exit', () => lock.release());

const recovered = recoverInterruptedSwap(folders);
if (recovered) console.log(`The last build was stopped while replacing ${out}: ${shown(recovered)} was put back.`);

// Astro's record of rendered pages describes the site this cache last built, and is trusted only beside
// that site: when the last build with this cache finished and its site is the one in the output folder.
// Otherwise every page is rendered, so no copy Astro kept of a page from an unfinished build is used.
const { astroCacheDir, incremental } = settings;
const read = readJournal(astroCacheDir);
const journal = read.status === 'ok' ? read.value : undefined;
if (journal?.state === 'building') console.log('The last build did not finish, so every page is rendered again.');
if (read.status === 'damaged')
  console.log(
    `The record of the last build, ${shown(journalFile(astroCacheDir))}, was damaged (${read.reason}), so every page is rendered again.`,
  );
const owners = ownersFile(root);
// Astro's own cache is a folder inside this build's cache named after the Markdown pipeline's code
// (astro.config.mjs), and that folder is what owns the output: keep-output compares it with its own, so a
// changed pipeline still empties the folder and renders every page.
const owner = ownerOf(owners, folders.out);
const reuse =
  incremental &&
  journal?.state === 'done' &&
  journal.out === folders.out &&
  owner !== '' &&
  (owner === astroCacheDir || dirname(owner) === astroCacheDir);
if (!reuse) forgetRenderedPages(astroCacheDir);

// Nothing to build when the last build finished from the same inputs and its site is still untouched in
// the output folder: the site would come out the same, file for file. Only the check knows the posts still
// scheduled, so it is waited for only when everything else is as the last build left it.
const sourcesKey = buildSourcesKey({
  projectRoot: root,
  contentRoot: settings.contentRoot,
  outputs: Object.values(folders),
  settings: Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('COMMONROOM_'))),
  args: process.argv.slice(2),
});
const inputsKey = async () =>
  withScheduled(
    sourcesKey,
    (await checking).scheduled.map(({ file, date }) => ({ file, date })),
  );
if (reuse && journal?.sources === sourcesKey) {
  if (!(await checkReport())) stopBeforeWriting();
  if (journal.inputs === (await inputsKey()) && journal.output === outputKey(folders.out)) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Nothing has changed since the last build (content, code and settings are the same), so ${out} is up to date. Done in ${seconds} s.`,
    );
    process.exit(0);
  }
}

/** Ends a build whose content the check refused, leaving everything as it was. */
function stopBeforeWriting(): never {
  rmSync(folders.staging, { recursive: true, force: true });
  console.error('The build stopped before writing anything.');
  process.exit(1);
}

/** Ends a build that did not succeed: the staging folder goes, the live site stays, one line says so. */
function failed(reason: string, code: number): never {
  rmSync(folders.staging, { recursive: true, force: true });
  const live = existsSync(folders.out) ? `${out} was left as it was` : 'nothing was published';
  console.error(`The build ${reason}; ${live}.`);
  process.exit(code);
}

/** A reason in a few words from a file system error, e.g. "no space left on the disk (ENOSPC)". */
function why(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return 'there is no space left on the disk (ENOSPC)';
  return error instanceof Error ? error.message : String(error);
}

try {
  // keep-output keeps the staging folder's copied pages only when they came from this cache's last site.
  writeOwner(owners, folders.staging, reuse ? owner : '');
} catch (error) {
  failed(`could not prepare ${shown(folders.staging)}: ${why(error)}`, 1);
}

// A production build must not be a preview: variables that make Vite and Astro think they are in
// development (NODE_ENV=test from a test runner, DEV=1 from a shell) would publish drafts and scheduled posts.
// Astro's anonymous telemetry is left off: it would start git on every build to name the project, and a
// school's build has no reason to report on itself.
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  COMMONROOM_OUT: folders.staging,
  ASTRO_TELEMETRY_DISABLED: '1',
};
for (const name of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']) delete env[name];

const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const followParent = fileURLToPath(new URL('./follow-parent.ts', import.meta.url));
// Astro's output is held back until the check has passed, so a refused file gets the check's message alone.
if (process.stdout.isTTY && env['FORCE_COLOR'] === undefined) env['FORCE_COLOR'] = '1';
const child: ChildProcess = spawn(
  process.execPath,
  ['--import', followParent, astro, 'build', ...process.argv.slice(2)],
  { stdio: ['inherit', 'pipe', 'pipe', 'ipc'], env },
);
lock.addProcess(child.pid!);
const cards = drawCardsApart(child, { cacheDir: settings.cardsCache, outDir: folders.staging });
const held = holdOutput(child);

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.on(signal, () => {
    child.kill(signal);
    child.once('exit', () => failed('was stopped', 130));
  });

const exited = new Promise<number>((resolve) =>
  child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))),
);

const stamp = () => new Date().toLocaleTimeString('en-GB', { hour12: false });
// The editor's bundle, when the cache lacks it, is made now in a process of its own, while Astro's heap is
// small; inside Astro it came after the pages and took 350 MB on top of Astro's largest heap. Its lines are
// shown once the check has passed, with Astro's.
const editorLines: (() => void)[] = [];
const editorBundled = settings.admin
  ? bundleEditorApart(
      settings.adminCache,
      {
        info: (line, at = stamp()) => editorLines.push(() => console.log(`${at} [commonroom:admin] ${line}`)),
        warn: (line, at = stamp()) => editorLines.push(() => console.warn(`${at} [commonroom:admin] ${line}`)),
      },
      (pid) => lock.addProcess(pid),
    )
  : Promise.resolve();

// The live site's pages are copied while Astro starts (1,500 pages take most of a second), and Astro writes
// nothing into the folder until the copy is done (src/lib/build-gates.ts).
try {
  prepareStaging(folders, reuse);
} catch (error) {
  child.kill('SIGTERM');
  await exited;
  failed(`could not prepare ${shown(folders.staging)}: ${why(error)}`, 1);
}
// A millisecond passes first, so every copy is older than the moment Astro starts writing, to the millisecond.
await new Promise((resolve) => setTimeout(resolve, 1));
// Pages written into the staging folder from now on are this build's own (the search index's cache asks).
const renderingFrom = Date.now();
openGate(child, 'staging-ready');
if (!(await checkReport())) {
  // Astro has rendered nothing yet: every page waits for the check (src/lib/build-gates.ts).
  child.kill('SIGTERM');
  await exited;
  stopBeforeWriting();
}
held.release();
// The editor integration finds the bundle in the cache, rather than making it again beside this one.
await editorBundled;
for (const show of editorLines) show();
// From here pages are rendered into the staging folder and Astro's cache of pages: until the build has
// finished, neither may be trusted.
writeJournal(astroCacheDir, { state: 'building', out: folders.out });
openGate(child, 'check-passed');
const status = await exited;
if (status !== 0) failed('failed', status);
if (!existsSync(join(folders.staging, 'index.html'))) failed('wrote no home page', 1);
await held.drained();

// Once Astro has exited, the search index is made and the cards Astro's pages recorded are finished, side by
// side, so neither's memory is needed beside Astro's heap. Inside Astro, Pagefind (2 GB of its own at 10,000
// posts) took every process together to 5.3 GB against bare Astro's 3.8, and the card workers were the top
// of a 1,000-post build's largest process.
const searchLog = {
  info: (message: string) => console.log(`${stamp()} [commonroom:pagefind] ${message}`),
  warn: (message: string) => console.warn(`${stamp()} [commonroom:pagefind] ${message}`),
};
const searched = indexBuiltSite(folders.staging, {
  cacheRoot: settings.searchCache,
  version: pagefindVersion(root),
  logger: searchLog,
  since: renderingFrom,
}).catch((error: unknown) => `The search index could not be made: ${why(error)}`);
const drawn = cards
  .finish((line) => console.warn(`${stamp()} [cards] ${line}`))
  .then(
    (line) => void (line && console.log(`${stamp()} [cards] ${line}`)),
    (error: unknown) => `The social cards could not be drawn: ${why(error)}`,
  );
const problems = (await Promise.all([searched, drawn])).filter((problem) => typeof problem === 'string');
if (problems.length) {
  for (const problem of problems) console.error(problem);
  failed('failed', 1);
}

// A power cut just after the rename must not leave the live folder holding pages that never reached the disk.
spawnSync('sync', { stdio: 'ignore' });
try {
  swapIntoPlace(folders);
} catch (error) {
  recoverInterruptedSwap(folders);
  failed(`succeeded but could not replace ${out} (${why(error)})`, 1);
}
const pipeline = ownerOf(owners, folders.staging);
writeOwner(owners, folders.out, pipeline);
writeJournal(astroCacheDir, {
  state: 'done',
  out: folders.out,
  inputs: await inputsKey(),
  sources: sourcesKey,
  output: outputKey(folders.out),
});
deleteDiscarded(folders, { background: true });
// Not in the background: a CI job saves this cache folder as soon as the build ends, and must not meet a
// folder half deleted. It happens once, after an update of Commonroom that changes the Markdown pipeline.
removeFolders(otherPipelineCaches(astroCacheDir, pipeline), { background: false });

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const kept = existsSync(folders.previous)
  ? ` The site it replaced is in ${shown(folders.previous)}: npm run rollback puts it back.`
  : '';
console.log(`\nDone in ${seconds} s: ${out} holds the new site.${kept}`);
console.log(`To look at the site: npm run preview, then open http://localhost:4321${settings.base}`);

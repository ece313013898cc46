/**
 * Build benchmark on generated networks: Commonroom's `npm run build` (the content check included) side by
 * side with a bare Astro build of the same posts (`tools/bench/bare-astro/`: one MDX page template and
 * remark-gfm), interleaved in one run so both see the same machine.
 *
 *   npm run bench                              1,000 posts, 3 runs
 *   npm run bench -- --sizes 1000,5000 --runs 5
 *   npm run bench -- --large                   adds 10,000 posts (1 run unless --runs is given)
 *
 * For each size it generates a network once (cached in the system temp folder by size, schools, seed and
 * generator version), then, in each run, builds under `/usr/bin/time -v`:
 *   cold  — every output and cache folder removed first
 *   warm  — the same build again with nothing changed (`npm run build` finds nothing to do)
 *   touched — one post given a new modification time, its words the same (an incremental build)
 *   edit  — after appending a sentence to one post (restored afterwards)
 * Ratios to bare Astro's cold build in the same run come first (cold, warm, one edit, peak RSS), then
 * medians in seconds, phases, output sizes and page weight. Results go to `.cache/bench/results.json`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpus, tmpdir } from 'node:os';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generatorNow } from '../tools/generate/network.ts';
import { MARKER, writeNetwork } from '../tools/generate/write.ts';
import { watchTreeMemory } from '../tools/bench/tree-memory.ts';
import { stripVTControlCharacters } from 'node:util';
import { resolveSettings } from '../src/lib/settings.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const astroBin = join(root, 'node_modules/astro/bin/astro.mjs');
const bareRoot = join(root, 'tools/bench/bare-astro');
const work = join(tmpdir(), 'commonroom-bench');
const resultsFile = join(root, '.cache/bench/results.json');
const TIME = '/usr/bin/time';

type Step = 'cold' | 'warm' | 'touched' | 'edit';
type Builder = 'bare' | 'commonroom';
const STEPS: readonly Step[] = ['cold', 'warm', 'touched', 'edit'];

/** What the issue asks of each ratio to bare Astro's cold build in the same run. */
const TARGETS = { cold: 1.8, warm: 0.5, edit: 0.6, rss: 1.5 } as const;
const LARGE_TARGETS = { cold: 2, rss: 1.1 } as const;

interface Phase {
  name: string;
  ms: number;
}

interface BuildRun {
  builder: Builder;
  step: Step;
  run: number;
  ms: number;
  /** Peak resident set size in MB of the largest process, from `time -v` (or the main process's own rusage when time is missing). */
  peakRssMb: number | null;
  /** Highest sum of the resident memory of the build and every process it started, sampled (`tools/bench/tree-memory.ts`). */
  treePeakMb: number | null;
  pages: number | null;
  phases: Phase[];
  cards: { rendered: number; reused: number } | null;
  log: string;
}

/** Commonroom's figure over bare Astro's cold build of the same run, per run. */
interface Ratio {
  median: number;
  runs: number[];
}

interface SizeResult {
  posts: number;
  schools: number;
  seed: string;
  runs: number;
  ratios: { cold: Ratio; warm: Ratio; touched: Ratio; edit: Ratio; rss: Ratio | null; tree: Ratio | null };
  /** Median wall time of each build, ms. */
  ms: Record<Builder, Record<Step, number>>;
  peakRssMb: Record<Builder, Record<Step, number | null>>;
  treePeakMb: Record<Builder, Record<Step, number | null>>;
  pages: Record<Builder, number | null>;
  /** The content check alone (`npm run check -- --quiet`), without and with its cache, ms. */
  checkMs: { cold: number; warm: number };
  /** Median phases of each builder's builds. */
  phases: Record<Builder, Record<Step, Phase[]>>;
  distBytes: number;
  pagefindBytes: number | null;
  postPage: {
    path: string;
    htmlBytes: number;
    cssBytes: number;
    gzipHtmlCssBytes: number;
    jsBytes: number;
    gzipJsBytes: number;
  } | null;
  cards: Record<Step, BuildRun['cards']>;
  all: Omit<BuildRun, 'log'>[];
}

const usage =
  'usage: npm run bench -- [--sizes 1000[,5000]] [--runs 3] [--large] [--schools S] [--seed K] [--processor unified|satteri]';

function parseOptions() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      runs: { type: 'string' },
      large: { type: 'boolean', default: false },
      schools: { type: 'string' },
      seed: { type: 'string', default: '1' },
      processor: { type: 'string', default: 'unified' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const sizes = (values.sizes ?? '1000').split(',').map((s) => Number(s.replace(/[_,]/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0))
    throw new Error(`--sizes must be whole numbers, e.g. 1000,5000\n${usage}`);
  if (values.large && !sizes.includes(10_000)) sizes.push(10_000);
  const tooBig = sizes.filter((n) => n > 5_000);
  if (tooBig.length && !values.large)
    throw new Error(`sizes over 5,000 posts (${tooBig.join(', ')}) take a long time: add --large to run them`);
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  if (runs !== undefined && (!Number.isInteger(runs) || runs < 1))
    throw new Error(`--runs must be 1 or more\n${usage}`);
  const schools = values.schools === undefined ? undefined : Number(values.schools);
  if (values.processor !== 'unified' && values.processor !== 'satteri')
    throw new Error(`--processor must be unified or satteri\n${usage}`);
  return { sizes, runs, schools, seed: values.seed, large: values.large, processor: values.processor };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const medianOrNull = (values: readonly (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? median(known) : null;
};

function generatorVersion(): string {
  const hash = createHash('sha256');
  const folder = join(root, 'tools/generate');
  for (const file of readdirSync(folder).sort()) hash.update(file).update(readFileSync(join(folder, file)));
  return hash.digest('hex').slice(0, 10);
}

/** Generates the network for a size unless an identical one is already cached. */
async function network(posts: number, schools: number, seed: string) {
  const dir = join(work, `network-${posts}-${schools}-${seed}-${generatorVersion()}`);
  const marker = join(dir, MARKER);
  if (!existsSync(marker)) {
    const started = performance.now();
    await writeNetwork(dir, { posts, schools, seed });
    console.log(
      `  generated ${posts} posts / ${schools} schools in ${Math.round(performance.now() - started)} ms → ${dir}`,
    );
  } else {
    console.log(`  using cached network ${dir}`);
  }
  const info = JSON.parse(readFileSync(marker, 'utf8')) as { samplePost?: { file: string; path: string } };
  if (!info.samplePost) throw new Error('the generated network has no published post to edit');
  return { dir, sample: info.samplePost };
}

/** Where each builder writes, so a cold build can start from nothing. */
function folders(posts: number) {
  return {
    commonroomOut: join(work, `dist-${posts}`),
    bareOut: join(work, `bare-dist-${posts}`),
    bareCache: join(work, `bare-cache-${posts}`),
  };
}

function clean(builder: Builder, posts: number) {
  const dirs = folders(posts);
  if (builder === 'bare') {
    for (const dir of [dirs.bareOut, dirs.bareCache, join(bareRoot, '.astro')])
      rmSync(dir, { recursive: true, force: true });
    return;
  }
  rmSync(dirs.commonroomOut, { recursive: true, force: true });
  rmSync(join(root, '.astro'), { recursive: true, force: true });
  rmSync(join(root, 'node_modules/.astro'), { recursive: true, force: true });
  // The card, search and MDX caches live in .cache/ and node_modules/.astro; keep our own results folder.
  const cache = join(root, '.cache');
  if (existsSync(cache)) {
    for (const entry of readdirSync(cache))
      if (entry !== 'bench') rmSync(join(cache, entry), { recursive: true, force: true });
  }
}

/** The command line a builder runs: `npm run build` as a user types it, or bare `astro build`. */
function commandFor(builder: Builder): { command: string; args: string[] } {
  if (builder === 'bare') return { command: process.execPath, args: [astroBin, 'build', '--root', bareRoot] };
  // Under `npm run bench`, npm names its own entry point; run it with this Node rather than whatever `npm` is on PATH.
  const npm = process.env.npm_execpath;
  return npm && /\.[cm]?js$/.test(npm)
    ? { command: process.execPath, args: [npm, 'run', 'build'] }
    : { command: 'npm', args: ['run', 'build'] };
}

const strip = (line: string) => stripVTControlCharacters(line);

/** Runs one build, timestamping each log line as it arrives so the build can be split into phases. */
function build(builder: Builder, step: Step, run: number, env: NodeJS.ProcessEnv, logFile: string): Promise<BuildRun> {
  const haveTime = existsSync(TIME);
  const rusageFile = join(work, `rusage-${process.pid}.txt`);
  rmSync(rusageFile, { force: true });
  const inner = commandFor(builder);
  let command: string;
  let args: string[];
  let childEnv = env;
  if (haveTime) {
    command = TIME;
    args = ['-v', '-o', rusageFile, inner.command, ...inner.args];
  } else {
    // Fallback: a preload that writes each Node process's own peak RSS when it exits (child processes report in turn; the largest wins).
    const preload = join(work, 'rusage-preload.mjs');
    writeFileSync(
      preload,
      `import { appendFileSync } from 'node:fs';\nprocess.on('exit', () => appendFileSync(${JSON.stringify(rusageFile)}, 'Maximum resident set size (kbytes): ' + process.resourceUsage().maxRSS + '\\n'));\n`,
    );
    command = inner.command;
    args = inner.args;
    childEnv = { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(preload).href}` };
  }
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: root,
      env: { ...childEnv, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const memory = watchTreeMemory(child.pid!);
    const lines: { at: number; text: string }[] = [];
    const collect = (stream: NodeJS.ReadableStream) => {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const at = performance.now() - started;
        pending += chunk;
        const parts = pending.split('\n');
        pending = parts.pop() ?? '';
        for (const text of parts) lines.push({ at, text: strip(text) });
      });
      stream.on('end', () => {
        if (pending) lines.push({ at: performance.now() - started, text: strip(pending) });
      });
    };
    collect(child.stdout!);
    collect(child.stderr!);
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const treePeakMb = memory.stop();
      const log = lines.map((l) => `${(l.at / 1000).toFixed(3).padStart(8)}s ${l.text}`).join('\n');
      writeFileSync(logFile, log);
      if (code !== 0) {
        reject(
          new Error(
            `${builder} build (${step}) exited with ${code}; log: ${logFile}\n${lines
              .slice(-15)
              .map((l) => l.text)
              .join('\n')}`,
          ),
        );
        return;
      }
      const rusage = existsSync(rusageFile) ? readFileSync(rusageFile, 'utf8') : '';
      const rss = [...rusage.matchAll(/Maximum resident set size \(kbytes\): (\d+)/g)].map((m) => Number(m[1]));
      const pages = /(\d+) page\(s\) built/.exec(log);
      const cards = /\[cards\] (\d+) rendered, (\d+) reused/.exec(log);
      resolvePromise({
        builder,
        step,
        run,
        ms,
        peakRssMb: rss.length ? Math.round(Math.max(...rss) / 1024) : null,
        treePeakMb,
        pages: pages ? Number(pages[1]) : null,
        phases: phases(lines, ms),
        cards: cards ? { rendered: Number(cards[1]), reused: Number(cards[2]) } : null,
        log: logFile,
      });
    });
  });
}

/**
 * Splits a build into phases from the arrival time of its log lines: start-up until content sync starts
 * (npm and the content check for `npm run build`, then Astro loading its config), content sync, bundling, page rendering, image optimisation, the integrations after it
 * (sitemap, headers), [cards] and [pagefind] work (for `npm run build`, side by side once Astro has exited), and the
 * rest (for `npm run build`, replacing the output folder).
 */
function phases(lines: readonly { at: number; text: string }[], total: number): Phase[] {
  const find = (pattern: RegExp, from = 0) => {
    for (let i = Math.max(0, from); i < lines.length; i++) if (pattern.test(lines[i]!.text)) return i;
    return -1;
  };
  const marks: { name: string; at: number }[] = [];
  const mark = (name: string, index: number) => {
    if (index >= 0) marks.push({ name, at: lines[index]!.at });
  };
  mark('content sync', find(/\[content\] Syncing content/));
  const entry = find(/Building static entrypoints/);
  mark('bundle (vite)', entry);
  const routes = find(/generating static routes/i);
  mark('render pages', routes);
  const images = find(/generating optimized images/i);
  mark('optimise images', images);
  mark('integrations', find(/\[build\] ✓ Completed in/, Math.max(images, routes)));
  const complete = find(/\[build\] Complete!/);
  const afterAstro = (index: number) => complete >= 0 && index > complete;
  const finished = { cards: find(/\[cards\]/), pagefind: find(/pagefind\]/i) };
  // Inside Astro (`astro build` on its own), cards and Pagefind log when they finish, so each phase runs from
  // the line before its own.
  for (const [name, end] of Object.entries(finished)) {
    if (end <= 0 || afterAstro(end)) continue;
    let start = end - 1;
    // Astro prints "Waiting for integration…" while a hook runs; the phase began at the line before it.
    while (start > 0 && /Waiting for integration/.test(lines[start]!.text)) start--;
    mark(name, start);
  }
  // `npm run build` makes the search index and finishes the cards side by side once Astro has exited, then
  // puts the new site in place.
  const after = Object.values(finished).filter(afterAstro);
  if (after.length) mark('search index and cards, after Astro', complete);
  mark('replace output folder', Math.max(complete, ...after));
  marks.sort((a, b) => a.at - b.at);
  const result: Phase[] = [{ name: 'start-up (npm, check, config)', ms: marks[0]?.at ?? total }];
  marks.forEach((m, i) => result.push({ name: m.name, ms: (marks[i + 1]?.at ?? total) - m.at }));
  return result.filter((p) => p.ms >= 0);
}

function folderBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stats = statSync(join(dir, entry));
    if (stats.isFile()) total += stats.size;
  }
  return total;
}

/** Over-the-wire weight of one post page: its HTML, its linked CSS, and its JavaScript (inline and external). */
function pageWeight(out: string, path: string): SizeResult['postPage'] {
  const file = join(out, path, 'index.html');
  if (!existsSync(file)) return null;
  const html = readFileSync(file);
  const text = html.toString('utf8');
  const local = (href: string) => {
    if (/^(https?:)?\/\//.test(href)) return undefined;
    const target = join(out, href.split(/[?#]/)[0]!.replace(/^\/+/, ''));
    return existsSync(target) ? readFileSync(target) : undefined;
  };
  const css: Buffer[] = [];
  for (const [tag] of text.matchAll(/<link\b[^>]*>/gi)) {
    if (!/rel=["']?stylesheet/i.test(tag)) continue;
    const href = /href=["']?([^"'\s>]+)/i.exec(tag)?.[1];
    const body = href ? local(href) : undefined;
    if (body) css.push(body);
  }
  const js: Buffer[] = [];
  for (const [, attributes = '', inline = ''] of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/type=["']?application\/(ld\+)?json/i.test(attributes)) continue; // structured data is not JavaScript
    const src = /src=["']?([^"'\s>]+)/i.exec(attributes)?.[1];
    const body = src ? local(src) : Buffer.from(inline);
    if (body && body.length) js.push(body);
  }
  const gzip = (parts: Buffer[]) => parts.reduce((sum, part) => sum + gzipSync(part, { level: 9 }).length, 0);
  const bytes = (parts: Buffer[]) => parts.reduce((sum, part) => sum + part.length, 0);
  return {
    path,
    htmlBytes: html.length,
    cssBytes: bytes(css),
    gzipHtmlCssBytes: gzip([html, ...css]),
    jsBytes: bytes(js),
    gzipJsBytes: gzip(js),
  };
}

/** Times the content check on its own, as `npm run build` runs it first: without its cache, then with it. */
function timeCheck(env: NodeJS.ProcessEnv): { cold: number; warm: number } {
  rmSync(resolveSettings(env, root).checkCache, { recursive: true, force: true });
  const once = () => {
    const started = performance.now();
    const result = spawnSync(process.execPath, [join(root, 'scripts/check.ts'), '--quiet'], { cwd: root, env });
    if (result.status !== 0) throw new Error(`npm run check failed on the generated network:\n${result.stderr}`);
    return performance.now() - started;
  };
  return { cold: once(), warm: once() };
}

const ratio = (values: number[]): Ratio => ({
  median: Math.round(median(values) * 100) / 100,
  runs: values.map((value) => Math.round(value * 100) / 100),
});

async function benchSize(posts: number, options: ReturnType<typeof parseOptions>): Promise<SizeResult> {
  const schools = options.schools ?? Math.max(12, Math.round(posts / 25));
  const runs = options.runs ?? (posts > 2_000 ? 1 : 3);
  console.log(`\n${posts} posts, ${schools} schools, ${runs} run(s), ${options.processor} Markdown processor`);
  const { dir, sample } = await network(posts, schools, options.seed);
  const { commonroomOut, bareOut, bareCache } = folders(posts);
  const logs = join(work, 'logs');
  mkdirSync(logs, { recursive: true });
  // A production build, whatever the shell running the benchmark has set.
  const base: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  for (const name of Object.keys(base)) if (name.startsWith('COMMONROOM_')) delete base[name];
  const envs: Record<Builder, NodeJS.ProcessEnv> = {
    commonroom: {
      ...base,
      COMMONROOM_CONTENT: dir,
      COMMONROOM_OUT: commonroomOut,
      COMMONROOM_NOW: generatorNow,
      COMMONROOM_MARKDOWN: options.processor,
    },
    bare: { ...base, BENCH_CONTENT: dir, BENCH_OUT: bareOut, BENCH_CACHE: bareCache },
  };
  const checkMs = timeCheck(envs.commonroom);
  console.log(
    `  content check alone: ${(checkMs.cold / 1000).toFixed(2)} s without its cache, ${(checkMs.warm / 1000).toFixed(2)} s with it`,
  );
  const samplePath = join(dir, sample.file);
  const original = readFileSync(samplePath);
  const all: BuildRun[] = [];
  try {
    for (let run = 1; run <= runs; run++) {
      // Alternate which goes first, so a trend in the machine's load does not favour either.
      const order: Builder[] = run % 2 ? ['bare', 'commonroom'] : ['commonroom', 'bare'];
      for (const builder of order) clean(builder, posts);
      for (const step of STEPS) {
        // The same words with a new modification time: `npm run build` cannot tell nothing changed, so
        // this times its incremental build with nothing to render, where `warm` finds nothing to do.
        if (step === 'touched') utimesSync(samplePath, new Date(), new Date());
        if (step === 'edit') {
          writeFileSync(
            samplePath,
            `${original.toString('utf8').trimEnd()}\n\nAdded for benchmark run ${run}: one more sentence to rebuild.\n`,
          );
        }
        for (const builder of order) {
          const result = await build(
            builder,
            step,
            run,
            envs[builder],
            join(logs, `${posts}-${run}-${builder}-${step}.log`),
          );
          all.push(result);
          const rss =
            (result.peakRssMb === null ? '' : `, peak ${result.peakRssMb} MB`) +
            (result.treePeakMb === null ? '' : ` (all processes ${result.treePeakMb} MB)`);
          const cards = result.cards ? `, cards ${result.cards.rendered} rendered / ${result.cards.reused} reused` : '';
          console.log(
            `  run ${run} ${step.padEnd(4)} ${builder.padEnd(10)} ${(result.ms / 1000).toFixed(2)} s${rss}${cards}`,
          );
        }
      }
      writeFileSync(samplePath, original);
    }
  } finally {
    writeFileSync(samplePath, original);
  }

  const find = (builder: Builder, step: Step, run: number) =>
    all.find((r) => r.builder === builder && r.step === step && r.run === run)!;
  const runNumbers = Array.from({ length: runs }, (_, i) => i + 1);
  const over = (step: Step) =>
    ratio(runNumbers.map((run) => find('commonroom', step, run).ms / find('bare', 'cold', run).ms));
  const memoryRatios = (figure: 'peakRssMb' | 'treePeakMb') =>
    runNumbers.flatMap((run) => {
      const ours = Math.max(...STEPS.map((step) => find('commonroom', step, run)[figure] ?? 0));
      const bare = Math.max(...STEPS.map((step) => find('bare', step, run)[figure] ?? 0));
      return ours && bare ? [ours / bare] : [];
    });
  const rssRatios = memoryRatios('peakRssMb');
  const treeRatios = memoryRatios('treePeakMb');
  const of = (builder: Builder, step: Step) => all.filter((r) => r.builder === builder && r.step === step);
  const byStep = <T>(fn: (step: Step) => T) =>
    Object.fromEntries(STEPS.map((step) => [step, fn(step)])) as Record<Step, T>;
  const medianPhases = (builder: Builder, step: Step) => {
    const builds = of(builder, step);
    const names = [...new Set(builds.flatMap((r) => r.phases.map((p) => p.name)))];
    return names.map((name) => ({
      name,
      ms: Math.round(median(builds.map((r) => r.phases.find((p) => p.name === name)?.ms ?? 0))),
    }));
  };
  const builders: Builder[] = ['bare', 'commonroom'];
  const perBuilder = <T>(fn: (builder: Builder) => T) =>
    Object.fromEntries(builders.map((builder) => [builder, fn(builder)])) as Record<Builder, T>;
  return {
    posts,
    schools,
    seed: options.seed,
    runs,
    ratios: {
      cold: over('cold'),
      warm: over('warm'),
      touched: over('touched'),
      edit: over('edit'),
      rss: rssRatios.length ? ratio(rssRatios) : null,
      tree: treeRatios.length ? ratio(treeRatios) : null,
    },
    ms: perBuilder((builder) => byStep((step) => Math.round(median(of(builder, step).map((r) => r.ms))))),
    peakRssMb: perBuilder((builder) => byStep((step) => medianOrNull(of(builder, step).map((r) => r.peakRssMb)))),
    treePeakMb: perBuilder((builder) => byStep((step) => medianOrNull(of(builder, step).map((r) => r.treePeakMb)))),
    pages: perBuilder((builder) => of(builder, 'cold')[0]?.pages ?? null),
    checkMs: { cold: Math.round(checkMs.cold), warm: Math.round(checkMs.warm) },
    phases: perBuilder((builder) => byStep((step) => medianPhases(builder, step))),
    distBytes: folderBytes(commonroomOut),
    pagefindBytes: existsSync(join(commonroomOut, 'pagefind')) ? folderBytes(join(commonroomOut, 'pagefind')) : null,
    postPage: pageWeight(commonroomOut, sample.path),
    cards: byStep((step) => of('commonroom', step).at(-1)?.cards ?? null),
    all: all.map(({ log: _log, ...rest }) => rest),
  };
}

const kb = (bytes: number | null | undefined) =>
  bytes === null || bytes === undefined ? '—' : `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number | null | undefined) =>
  bytes === null || bytes === undefined ? '—' : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const times = (r: Ratio | null, target: number | undefined) =>
  r
    ? `${r.median.toFixed(2)}×${target === undefined ? '' : r.median <= target ? ' ✓' : ' ✗'} (${r.runs.map((v) => v.toFixed(2)).join(', ')})`
    : '—';

function table(results: readonly SizeResult[]) {
  const target = (r: SizeResult, key: keyof typeof TARGETS) =>
    r.posts >= 10_000 && key in LARGE_TARGETS ? LARGE_TARGETS[key as keyof typeof LARGE_TARGETS] : TARGETS[key];
  const rows: [string, ...string[]][] = [
    ['posts', ...results.map((r) => String(r.posts))],
    ['runs (median of)', ...results.map((r) => String(r.runs))],
    [
      `npm run build / bare astro cold: cold (≤ ${TARGETS.cold}×; ${LARGE_TARGETS.cold}× at 10,000)`,
      ...results.map((r) => times(r.ratios.cold, target(r, 'cold'))),
    ],
    [
      `  warm, nothing changed (≤ ${TARGETS.warm}×)`,
      ...results.map((r) => times(r.ratios.warm, r.posts >= 10_000 ? undefined : TARGETS.warm)),
    ],
    ['  warm, one post touched (same words)', ...results.map((r) => times(r.ratios.touched, undefined))],
    [
      `  after editing one post (≤ ${TARGETS.edit}×)`,
      ...results.map((r) => times(r.ratios.edit, r.posts >= 10_000 ? undefined : TARGETS.edit)),
    ],
    [
      `  peak RSS (≤ ${TARGETS.rss}×; ${LARGE_TARGETS.rss}× at 10,000)`,
      ...results.map((r) => times(r.ratios.rss, target(r, 'rss'))),
    ],
    ['  peak memory of all its processes together', ...results.map((r) => times(r.ratios.tree, undefined))],
    ['pages built (bare / commonroom)', ...results.map((r) => `${r.pages.bare ?? '—'} / ${r.pages.commonroom ?? '—'}`)],
  ];
  for (const builder of ['bare', 'commonroom'] as const) {
    const label = builder === 'bare' ? 'bare astro build' : 'npm run build';
    rows.push([
      `${label} cold / warm / edit`,
      ...results.map((r) => STEPS.map((step) => secs(r.ms[builder][step])).join(' / ')),
    ]);
    rows.push([
      `${label} peak RSS cold / warm`,
      ...results.map((r) => `${r.peakRssMb[builder].cold ?? '—'} / ${r.peakRssMb[builder].warm ?? '—'} MB`),
    ]);
    rows.push([
      `${label} all processes cold / warm`,
      ...results.map((r) => `${r.treePeakMb[builder].cold ?? '—'} / ${r.treePeakMb[builder].warm ?? '—'} MB`),
    ]);
  }
  rows.push([
    'content check alone, cold / warm',
    ...results.map((r) => `${secs(r.checkMs.cold)} / ${secs(r.checkMs.warm)}`),
  ]);
  rows.push(
    ['dist/', ...results.map((r) => mb(r.distBytes))],
    ['dist/pagefind', ...results.map((r) => mb(r.pagefindBytes))],
    ['post page HTML+CSS gzip', ...results.map((r) => kb(r.postPage?.gzipHtmlCssBytes))],
    [
      'post page JS (raw / gzip)',
      ...results.map((r) => (r.postPage ? `${r.postPage.jsBytes} / ${r.postPage.gzipJsBytes} B` : '—')),
    ],
    [
      'cards rendered/reused (cold, warm, edit)',
      ...results.map((r) =>
        r.cards.cold
          ? STEPS.map((step) => `${r.cards[step]?.rendered ?? '—'}/${r.cards[step]?.reused ?? '—'}`).join(', ')
          : 'no [cards] line',
      ),
    ],
  );
  for (const builder of ['commonroom', 'bare'] as const) {
    for (const step of STEPS) {
      const names = [...new Set(results.flatMap((r) => r.phases[builder][step].map((p) => p.name)))];
      for (const name of names) {
        rows.push([
          `${builder === 'bare' ? 'bare' : 'npm run build'} ${step}: ${name}`,
          ...results.map((r) => {
            const phase = r.phases[builder][step].find((p) => p.name === name);
            return phase ? secs(phase.ms) : '—';
          }),
        ]);
      }
    }
  }
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  for (const row of rows)
    console.log(
      row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  '),
    );
}

async function main() {
  const options = parseOptions();
  if (!existsSync(TIME))
    console.warn(
      `${TIME} not found: peak RSS is the largest Node process's own maxRSS (Pagefind's binary not counted).`,
    );
  mkdirSync(work, { recursive: true });
  const results: SizeResult[] = [];
  for (const size of options.sizes) results.push(await benchSize(size, options));
  console.log('');
  table(results);
  const git = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout?.trim() || undefined;
  mkdirSync(dirname(resultsFile), { recursive: true });
  writeFileSync(
    resultsFile,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        commit: git,
        node: process.version,
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        now: generatorNow,
        results,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwrote ${resultsFile}; build logs in ${join(work, 'logs')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

/**
 * Build benchmark on generated networks.
 *
 *   npm run bench                              1,000 posts, 3 runs
 *   npm run bench -- --sizes 1000,5000 --runs 5
 *   npm run bench -- --large                   adds 10,000 posts (1 run unless --runs is given)
 *
 * For each size it generates a network once (cached in the system temp folder by size, schools, seed and
 * generator version), then times `astro build` as a child process under `/usr/bin/time -v`:
 *   cold  — dist, .astro, node_modules/.astro and the card cache (.cache/, except .cache/bench) removed first
 *   warm  — the same build again with nothing changed
 *   edit  — after appending a sentence to one post (restored afterwards)
 * and reports medians over the runs, phases of the cold build, peak RSS, output sizes and page weight.
 * Results go to `.cache/bench/results.json`.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpus, tmpdir } from 'node:os';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generatorNow } from '../src/lib/generate/network.ts';
import { MARKER, writeNetwork } from '../src/lib/generate/write.ts';
import { stripVTControlCharacters } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const astroBin = join(root, 'node_modules/astro/bin/astro.mjs');
const work = join(tmpdir(), 'commonroom-bench');
const resultsFile = join(root, '.cache/bench/results.json');
const TIME = '/usr/bin/time';

type Step = 'cold' | 'warm' | 'edit';

interface Phase {
  name: string;
  ms: number;
}

interface BuildRun {
  step: Step;
  ms: number;
  /** Peak resident set size in MB, from `time -v` (or the main process's own rusage when time is missing). */
  peakRssMb: number | null;
  pages: number | null;
  phases: Phase[];
  cards: { rendered: number; reused: number } | null;
  log: string;
}

interface SizeResult {
  posts: number;
  schools: number;
  seed: string;
  runs: number;
  pages: number | null;
  coldMs: number;
  warmMs: number;
  editMs: number;
  msPerPage: number | null;
  peakRssMb: { cold: number | null; warm: number | null; edit: number | null };
  phases: Phase[];
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
  cards: { cold: BuildRun['cards']; warm: BuildRun['cards']; edit: BuildRun['cards'] };
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
  const folder = join(root, 'src/lib/generate');
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

function clean(out: string) {
  rmSync(out, { recursive: true, force: true });
  rmSync(join(root, '.astro'), { recursive: true, force: true });
  rmSync(join(root, 'node_modules/.astro'), { recursive: true, force: true });
  // The card cache lives in .cache/; keep our own results folder.
  const cache = join(root, '.cache');
  if (existsSync(cache)) {
    for (const entry of readdirSync(cache))
      if (entry !== 'bench') rmSync(join(cache, entry), { recursive: true, force: true });
  }
}

const strip = (line: string) => stripVTControlCharacters(line);

/** Runs one `astro build`, timestamping each log line as it arrives so the build can be split into phases. */
function build(step: Step, env: NodeJS.ProcessEnv, logFile: string): Promise<BuildRun> {
  const haveTime = existsSync(TIME);
  const rusageFile = join(work, `rusage-${process.pid}.txt`);
  rmSync(rusageFile, { force: true });
  let command: string;
  let args: string[];
  if (haveTime) {
    command = TIME;
    args = ['-v', '-o', rusageFile, process.execPath, astroBin, 'build'];
  } else {
    // Fallback: a preload that writes the build process's own rusage when it exits (misses any child processes).
    const preload = join(work, 'rusage-preload.mjs');
    writeFileSync(
      preload,
      `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(rusageFile)}, 'Maximum resident set size (kbytes): ' + process.resourceUsage().maxRSS));\n`,
    );
    command = process.execPath;
    args = ['--import', pathToFileURL(preload).href, astroBin, 'build'];
  }
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: root,
      env: { ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
      const log = lines.map((l) => `${(l.at / 1000).toFixed(3).padStart(8)}s ${l.text}`).join('\n');
      writeFileSync(logFile, log);
      if (code !== 0) {
        reject(
          new Error(
            `astro build (${step}) exited with ${code}; log: ${logFile}\n${lines
              .slice(-15)
              .map((l) => l.text)
              .join('\n')}`,
          ),
        );
        return;
      }
      const rusage = existsSync(rusageFile) ? readFileSync(rusageFile, 'utf8') : '';
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(rusage);
      const pages = /(\d+) page\(s\) built/.exec(log);
      const cards = /\[cards\] (\d+) rendered, (\d+) reused/.exec(log);
      resolvePromise({
        step,
        ms,
        peakRssMb: rss ? Math.round(Number(rss[1]) / 1024) : null,
        pages: pages ? Number(pages[1]) : null,
        phases: phases(lines, ms),
        cards: cards ? { rendered: Number(cards[1]), reused: Number(cards[2]) } : null,
        log: logFile,
      });
    });
  });
}

/**
 * Splits a build into phases from the arrival time of Astro's log lines: startup (until content sync
 * starts), content sync, types and build info, bundling, page rendering, image optimisation, any
 * the integrations after it (sitemap, headers), [cards] and [pagefind] work, and the rest.
 */
function phases(lines: readonly { at: number; text: string }[], total: number): Phase[] {
  const find = (pattern: RegExp, from = 0) => {
    for (let i = from; i < lines.length; i++) if (pattern.test(lines[i]!.text)) return i;
    return -1;
  };
  const marks: { name: string; at: number }[] = [];
  const mark = (name: string, index: number) => {
    if (index >= 0) marks.push({ name, at: lines[index]!.at });
  };
  const syncStart = find(/\[content\] Syncing content/);
  mark('content sync', syncStart);
  const entry = find(/Building static entrypoints/);
  mark('bundle (vite)', entry);
  const routes = find(/generating static routes/i);
  mark('render pages', routes);
  const images = find(/generating optimized images/i);
  mark('optimise images', images);
  mark('integrations', find(/\[build\] ✓ Completed in/, Math.max(images, routes)));
  // Cards and Pagefind log when they finish, so each phase runs from the line before its own.
  for (const [name, pattern] of [
    ['cards', /\[cards\]/],
    ['pagefind', /pagefind\]/i],
  ] as const) {
    const end = find(pattern);
    let start = end - 1;
    // Astro prints "Waiting for integration…" while a hook runs; the phase began at the line before it.
    while (start > 0 && /Waiting for integration/.test(lines[start]!.text)) start--;
    if (end > 0) mark(name, start);
  }
  // Whatever follows the last "Completed in" after the last phase started (sitemap, integrations, exit).
  marks.sort((a, b) => a.at - b.at);
  const result: Phase[] = [{ name: 'startup', ms: marks[0]?.at ?? total }];
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

async function benchSize(posts: number, options: ReturnType<typeof parseOptions>): Promise<SizeResult> {
  const schools = options.schools ?? Math.max(12, Math.round(posts / 25));
  const runs = options.runs ?? (posts > 2_000 ? 1 : 3);
  console.log(`\n${posts} posts, ${schools} schools, ${runs} run(s), ${options.processor} Markdown processor`);
  const { dir, sample } = await network(posts, schools, options.seed);
  const out = join(work, `dist-${posts}`);
  const logs = join(work, 'logs');
  mkdirSync(logs, { recursive: true });
  const env = {
    ...process.env,
    COMMONROOM_CONTENT: dir,
    COMMONROOM_OUT: out,
    COMMONROOM_NOW: generatorNow,
    COMMONROOM_MARKDOWN: options.processor,
  };
  const samplePath = join(dir, sample.file);
  const original = readFileSync(samplePath);
  const all: BuildRun[] = [];
  try {
    for (let run = 1; run <= runs; run++) {
      clean(out);
      for (const step of ['cold', 'warm', 'edit'] as const) {
        if (step === 'edit') {
          writeFileSync(
            samplePath,
            `${original.toString('utf8').trimEnd()}\n\nAdded for benchmark run ${run}: one more sentence to rebuild.\n`,
          );
        }
        const result = await build(step, env, join(logs, `${posts}-${run}-${step}.log`));
        all.push(result);
        const rss = result.peakRssMb === null ? '' : `, peak ${result.peakRssMb} MB`;
        console.log(
          `  run ${run} ${step.padEnd(4)} ${(result.ms / 1000).toFixed(2)} s${rss}${result.cards ? `, cards ${result.cards.rendered} rendered / ${result.cards.reused} reused` : ''}`,
        );
      }
    }
  } finally {
    writeFileSync(samplePath, original);
  }

  const of = (step: Step) => all.filter((r) => r.step === step);
  const cold = of('cold');
  const coldMs = median(cold.map((r) => r.ms));
  const pages = cold[0]?.pages ?? null;
  const phaseNames = [...new Set(cold.flatMap((r) => r.phases.map((p) => p.name)))];
  const lastCards = (step: Step) => of(step).at(-1)?.cards ?? null;
  return {
    posts,
    schools,
    seed: options.seed,
    runs,
    pages,
    coldMs: Math.round(coldMs),
    warmMs: Math.round(median(of('warm').map((r) => r.ms))),
    editMs: Math.round(median(of('edit').map((r) => r.ms))),
    msPerPage: pages ? Math.round((coldMs / pages) * 100) / 100 : null,
    peakRssMb: {
      cold: medianOrNull(cold.map((r) => r.peakRssMb)),
      warm: medianOrNull(of('warm').map((r) => r.peakRssMb)),
      edit: medianOrNull(of('edit').map((r) => r.peakRssMb)),
    },
    phases: phaseNames.map((name) => ({
      name,
      ms: Math.round(median(cold.map((r) => r.phases.find((p) => p.name === name)?.ms ?? 0))),
    })),
    distBytes: folderBytes(out),
    pagefindBytes: existsSync(join(out, 'pagefind')) ? folderBytes(join(out, 'pagefind')) : null,
    postPage: pageWeight(out, sample.path),
    cards: { cold: lastCards('cold'), warm: lastCards('warm'), edit: lastCards('edit') },
    all: all.map(({ log: _log, ...rest }) => rest),
  };
}

const kb = (bytes: number | null | undefined) =>
  bytes === null || bytes === undefined ? '—' : `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number | null | undefined) =>
  bytes === null || bytes === undefined ? '—' : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function table(results: readonly SizeResult[]) {
  const rows: [string, ...string[]][] = [
    ['posts', ...results.map((r) => String(r.posts))],
    ['pages built', ...results.map((r) => String(r.pages ?? '—'))],
    ['runs (median of)', ...results.map((r) => String(r.runs))],
    ['cold build', ...results.map((r) => secs(r.coldMs))],
    ['warm rebuild', ...results.map((r) => secs(r.warmMs))],
    ['rebuild after 1 edit', ...results.map((r) => secs(r.editMs))],
    ['ms per page (cold)', ...results.map((r) => String(r.msPerPage ?? '—'))],
    ['peak RSS cold / warm', ...results.map((r) => `${r.peakRssMb.cold ?? '—'} / ${r.peakRssMb.warm ?? '—'} MB`)],
    ['dist/', ...results.map((r) => mb(r.distBytes))],
    ['dist/pagefind', ...results.map((r) => mb(r.pagefindBytes))],
    ['post page HTML+CSS gzip', ...results.map((r) => kb(r.postPage?.gzipHtmlCssBytes))],
    [
      'post page JS (raw / gzip)',
      ...results.map((r) => (r.postPage ? `${r.postPage.jsBytes} / ${r.postPage.gzipJsBytes} B` : '—')),
    ],
    [
      'cards rendered/reused (cold, warm)',
      ...results.map((r) =>
        r.cards.cold
          ? `${r.cards.cold.rendered}/${r.cards.cold.reused}, ${r.cards.warm?.rendered ?? '—'}/${r.cards.warm?.reused ?? '—'}`
          : 'no [cards] line',
      ),
    ],
  ];
  const phaseNames = [...new Set(results.flatMap((r) => r.phases.map((p) => p.name)))];
  for (const name of phaseNames) {
    rows.push([
      `  cold: ${name}`,
      ...results.map((r) => {
        const phase = r.phases.find((p) => p.name === name);
        return phase ? secs(phase.ms) : '—';
      }),
    ]);
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
    console.warn(`${TIME} not found: peak RSS is the build process's own maxRSS (child processes not counted).`);
  mkdirSync(work, { recursive: true });
  const results: SizeResult[] = [];
  for (const size of options.sizes) results.push(await benchSize(size, options));
  console.log('');
  table(results);
  const git = (() => {
    try {
      const head = readFileSync(join(root, '.git/HEAD'), 'utf8').trim();
      return head.startsWith('ref: ') ? readFileSync(join(root, '.git', head.slice(5)), 'utf8').trim() : head;
    } catch {
      return undefined;
    }
  })();
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

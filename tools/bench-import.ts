/**
 * `npm run bench:import -- [--posts N] [--comments-per-post N] [--keep]`: measures `npm run import` on a
 * synthetic WordPress export (default 10,000 posts and 50,000 comments, about 115 MB), offline so that
 * downloads are not counted. Prints the export's size, posts a second of wall-clock time (the target),
 * CPU time, peak RSS and the machine's load average before and after, since on a shared machine the wall
 * time depends on the neighbours. Not part of the timed tests; run it without `nice`.
 */
import { cpSync, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, getPriority, loadavg, tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { runImport } from '../src/lib/import/run.ts';

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '10000' },
    'comments-per-post': { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
    run: { type: 'string' },
    content: { type: 'string' },
  },
});

if (values.run && values.content) {
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const report = await runImport({
    source: values.run,
    into: 'oak-primary',
    contentRoot: values.content,
    offline: true,
    dryRun: false,
    update: false,
    cwd: dirname(values.content),
    progress: (line) => console.error(line),
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  // Every thread's CPU time (the background writes' included): what the import itself costs.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    JSON.stringify({
      posts: report.postsWritten,
      commentsKept: report.commentsKept,
      seconds: Number(seconds.toFixed(1)),
      postsPerSecond: Math.round(report.postsWritten / seconds),
      cpuSeconds: Number(cpuSeconds.toFixed(1)),
      cpuUserSeconds: Number((cpu.user / 1e6).toFixed(1)),
      cpuSystemSeconds: Number((cpu.system / 1e6).toFixed(1)),
      peakRssMB: Math.round((process.resourceUsage().maxRSS * 1024) / 1024 / 1024),
    }),
  );
  process.exit(0);
}
const posts = Number(values.posts);
const perPost = Number(values['comments-per-post']);
const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'commonroom-bench-import-'));
const exportFile = join(work, 'export.xml');

const words = (
  'reading phonics curriculum governors attendance oracy assessment leadership wellbeing staff pupils parents ' +
  'inspection planning feedback behaviour library writing vocabulary trust federation cluster science maths'
).split(' ');
let seed = 7;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const word = () => words[Math.floor(random() * words.length)]!;
const sentence = (n = 14) => {
  const text = Array.from({ length: n }, word).join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
};
const paragraph = () => Array.from({ length: 5 }, () => sentence()).join(' ');

async function writeExport() {
  const out = createWriteStream(exportFile);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench blog</title><link>https://bench.example.org</link><language>en-GB</language>
<wp:author><wp:author_login>head</wp:author_login><wp:author_email>head@bench.example.org</wp:author_email><wp:author_display_name>Bench Head</wp:author_display_name></wp:author>
`);
  let comment = 1;
  for (let i = 1; i <= posts; i++) {
    const year = 2010 + (i % 14);
    const slug = `post-${i}-${word()}-${word()}`;
    const body = [
      paragraph(),
      `<h2>${sentence(4)}</h2>`,
      paragraph(),
      `<ul><li>${sentence(6)}</li><li>${sentence(6)}</li><li>${sentence(6)}</li></ul>`,
      `[caption id="a${i}" width="300"]<img src="https://bench.example.org/wp-content/uploads/${year}/01/photo-${i}-300x200.jpg" alt="" /> ${sentence(5)}[/caption]`,
      `<p>See <a href="https://bench.example.org/${year}/01/post-${Math.max(1, i - 1)}/">the one before</a>.</p>`,
      ...Array.from({ length: 8 }, paragraph),
      `<table><tr><th>Term</th><th>Score</th></tr><tr><td>Autumn</td><td>${i % 100}</td></tr></table>`,
    ].join('\n\n');
    const comments = Array.from({ length: perPost }, (_, c) => {
      const id = comment++;
      return `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author><![CDATA[Commenter ${id}]]></wp:comment_author><wp:comment_author_email>c${id}@mail.example.net</wp:comment_author_email><wp:comment_author_IP>192.0.2.${id % 250}</wp:comment_author_IP><wp:comment_date_gmt>${year}-02-01 10:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[${sentence(30)}\n\n${sentence(20)}]]></wp:comment_content><wp:comment_approved>${c === 4 ? 'spam' : '1'}</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>${c > 0 && c < 4 ? id - 1 : 0}</wp:comment_parent></wp:comment>`;
    }).join('\n');
    await write(`<item><title><![CDATA[${sentence(6)}]]></title><link>https://bench.example.org/${year}/01/post-${i}/</link><dc:creator>head</dc:creator><guid isPermaLink="false">https://bench.example.org/?p=${i}</guid>
<content:encoded><![CDATA[${body}]]></content:encoded><wp:post_id>${i}</wp:post_id><wp:post_date_gmt>${year}-01-${String(1 + (i % 28)).padStart(2, '0')} 09:00:00</wp:post_date_gmt><wp:post_name>${slug}</wp:post_name><wp:status>${i % 20 === 0 ? 'draft' : 'publish'}</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="reading"><![CDATA[Reading]]></category><category domain="post_tag" nicename="t${i % 50}"><![CDATA[tag ${i % 50}]]></category>
${comments}
</item>
`);
  }
  await write('</channel></rss>\n');
  out.end();
  await once(out, 'finish');
}

console.error(
  `Writing a synthetic export of ${posts.toLocaleString('en-GB')} posts and ${(posts * perPost).toLocaleString('en-GB')} comments…`,
);
await writeExport();
const megabytes = statSync(exportFile).size / 1024 / 1024;
const content = join(work, 'content');
cpSync(join(root, 'tests/fixtures/network'), content, { recursive: true });

// The import runs in a fresh process, so its peak memory is its own and not the export generator's.
const loadBefore = loadavg()[0]!;
const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--run', exportFile, '--content', content], {
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
  maxBuffer: 16 * 1024 * 1024,
});
if (child.status !== 0) throw new Error(`the import failed (exit ${child.status})`);
const measured = JSON.parse(child.stdout) as Record<string, number> & { postsPerSecond: number; peakRssMB: number };
const results = {
  exportMB: Number(megabytes.toFixed(1)),
  exportPosts: posts,
  exportComments: posts * perPost,
  ...measured,
  cores: availableParallelism(),
  nice: getPriority(),
  loadAverageBefore: loadBefore,
  loadAverageAfter: loadavg()[0]!,
  node: process.version,
  date: new Date().toISOString(),
};
console.log(JSON.stringify(results, null, 2));
console.error(
  `${results.postsPerSecond} posts a second of wall-clock time (target ≥ 200), peak RSS ${results.peakRssMB} MB (target < 500), ` +
    `${results.exportMB} MB export, load average ${loadBefore.toFixed(1)} → ${results.loadAverageAfter.toFixed(1)} on ${results.cores} cores.`,
);
if (!values.keep) rmSync(work, { recursive: true, force: true });
else console.error(`Kept ${work}`);

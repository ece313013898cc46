/**
 * `npm run check`: validates all content in seconds, without a build.
 * Usage: node scripts/check.ts [--content DIR] [--json] [--quiet]
 * Errors exit 1; warnings alone exit 0. `npm run build` runs it first with --quiet.
 */
import { parseArgs } from 'node:util';
import { checkContent } from '../src/lib/check/check-content.ts';
import { formatIssue } from '../src/lib/content-issue.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string' },
    json: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    now: { type: 'string' },
  },
});

const root = values.content ?? process.env.COMMONROOM_CONTENT ?? 'content';
const nowText = values.now ?? process.env.COMMONROOM_NOW;
const now = nowText ? new Date(nowText) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error(`"${nowText}" is not a date: use e.g. 2026-01-31`);
  process.exit(2);
}

const started = performance.now();
const result = await checkContent({ root, now });
const seconds = (performance.now() - started) / 1000;
const errors = result.issues.filter((issue) => issue.severity === 'error');
const warnings = result.issues.filter((issue) => issue.severity === 'warning');

if (values.json) {
  console.log(JSON.stringify({ ok: errors.length === 0, ...result, seconds: Number(seconds.toFixed(3)) }, null, 2));
} else {
  for (const issue of result.issues) (issue.severity === 'error' ? console.error : console.warn)(formatIssue(issue));
  if (!values.quiet) {
    if (result.scheduled.length > 0) {
      console.log(`\nScheduled (published by the first build on or after the date):`);
      for (const post of result.scheduled) console.log(`  ${post.date}  ${post.file}  ${post.title}`);
    }
    if (result.drafts.length > 0) {
      console.log(`\nDrafts (shown in npm run dev, never in a build):`);
      for (const post of result.drafts) console.log(`  ${post.file}  ${post.title}`);
    }
    const { posts, schools, families, authors, topics } = result.counts;
    console.log(
      `\nChecked ${posts} posts, ${schools} schools, ${families} families, ${authors} authors and ${topics} topics in ${seconds.toFixed(2)} s: ` +
        `${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}.`,
    );
  } else if (errors.length > 0) {
    console.error(
      `\n${errors.length} error${errors.length === 1 ? '' : 's'} in the content: fix ${errors.length === 1 ? 'it' : 'them'} and build again.`,
    );
  }
}
process.exitCode = errors.length > 0 ? 1 : 0;

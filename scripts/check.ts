/**
 * `npm run check`: validates all content in seconds, without a build.
 * Usage: npm run check -- [--content DIR] [--json] [--quiet] [--now YYYY-MM-DD]
 * Errors exit 1; warnings alone exit 0. `npm run build` runs the same check first (scripts/build.ts).
 */
import { parseArgs } from 'node:util';
import { checkContent } from '../src/lib/check/check-content.ts';
import { nowFrom, printReport } from '../src/lib/check/report.ts';
import { settingsOrExit } from '../src/lib/settings.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string' },
    json: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    now: { type: 'string' },
  },
});

const settings = settingsOrExit();
const result = await checkContent({
  root: values.content ?? settings.contentRoot,
  now: values.now ? nowFrom(values.now) : settings.now,
});
// Counted from the start of the process, so the time reported includes loading the code: the wait a writer has.
const seconds = performance.now() / 1000;
const errors = result.issues.filter((issue) => issue.severity === 'error').length;
if (values.json) {
  console.log(JSON.stringify({ ok: errors === 0, ...result, seconds: Number(seconds.toFixed(3)) }, null, 2));
} else {
  printReport(result, { quiet: values.quiet, seconds });
}
process.exitCode = errors > 0 ? 1 : 0;

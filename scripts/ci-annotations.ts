/**
 * Turns `npm run check -- --json` into what a forge shows next to the changed files, and prints the check's
 * own lines for the log. Usage: `node scripts/ci-annotations.ts github|gitlab check.json`.
 * `github` prints workflow commands (annotations); `gitlab` writes `gl-code-quality-report.json`.
 * Exits 1 when the check found errors, so the job fails as `npm run check` would.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { githubAnnotations, gitlabCodeQuality } from '../src/lib/ci/annotations.ts';
import { formatIssue, type ContentIssue } from '../src/lib/content-issue.ts';

const [format, file] = process.argv.slice(2);
if ((format !== 'github' && format !== 'gitlab') || !file) {
  console.error('Usage: node scripts/ci-annotations.ts github|gitlab check.json');
  process.exit(2);
}
const result = JSON.parse(readFileSync(file, 'utf8')) as { ok: boolean; issues: ContentIssue[] };
for (const issue of result.issues) console.log(formatIssue(issue));
if (format === 'github') for (const line of githubAnnotations(result.issues)) console.log(line);
else writeFileSync('gl-code-quality-report.json', `${JSON.stringify(gitlabCodeQuality(result.issues), null, 2)}\n`);
const errors = result.issues.filter((issue) => issue.severity === 'error').length;
console.log(errors ? `${errors} error(s) in the content: see the messages above.` : 'The content check passed.');
process.exitCode = errors > 0 ? 1 : 0;

import { formatIssue } from '../content-issue.ts';
import type { CheckResult } from './check-content.ts';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Prints a check's result for a terminal, one problem a line; returns the number of errors. */
export function printReport(result: CheckResult, options: { quiet: boolean; seconds: number }): number {
  const errors = result.issues.filter((issue) => issue.severity === 'error');
  const warnings = result.issues.length - errors.length;
  for (const issue of result.issues) (issue.severity === 'error' ? console.error : console.warn)(formatIssue(issue));
  if (options.quiet) {
    if (errors.length > 0) {
      console.error(
        `\n${plural(errors.length, 'error')} in the content: fix ${errors.length === 1 ? 'it' : 'them'} and try again.`,
      );
    }
    return errors.length;
  }
  if (result.scheduled.length > 0) {
    console.log('\nScheduled (published by the first build on or after the date):');
    for (const post of result.scheduled) console.log(`  ${post.date}  ${post.file}  ${post.title}`);
  }
  if (result.drafts.length > 0) {
    console.log('\nDrafts (shown in npm run dev, never in a build):');
    for (const post of result.drafts) console.log(`  ${post.file}  ${post.title}`);
  }
  const { posts, schools, families, authors, topics } = result.counts;
  console.log(
    `\nChecked ${plural(posts, 'post')}, ${plural(schools, 'school')}, ${families} famil${families === 1 ? 'y' : 'ies'}, ` +
      `${plural(authors, 'author')} and ${plural(topics, 'topic')} in ${options.seconds.toFixed(2)} s: ` +
      `${plural(errors.length, 'error')}, ${plural(warnings, 'warning')}.`,
  );
  return errors.length;
}

/** Reads `--now` or `COMMONROOM_NOW`, the day the build publishes as of. */
export function nowFrom(value: string | undefined): Date {
  const now = value ? new Date(value) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`"${value}" is not a date: use e.g. 2026-01-31`);
  return now;
}

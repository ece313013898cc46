/**
 * Problems from `npm run check -- --json`, in the forms forges show beside the changed file: GitHub Actions
 * workflow commands (annotations on the pull request's files) and a GitLab Code Quality report (shown in the
 * merge request). The words are the check's own, so a writer reads the same message everywhere.
 */
import { createHash } from 'node:crypto';
import { formatIssue, type ContentIssue } from '../content-issue.ts';

/** GitHub escapes: `%`, CR and LF in messages; also `:` and `,` in properties. */
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One `::error file=…,line=…,title=…::message` line per problem. */
export function githubAnnotations(issues: readonly ContentIssue[]): string[] {
  return issues.map((issue) => {
    const properties = [
      `file=${escapeProperty(issue.file)}`,
      ...(issue.line ? [`line=${issue.line}`] : []),
      ...(issue.column ? [`col=${issue.column}`] : []),
      `title=${escapeProperty(issue.field ? `Commonroom check: ${issue.field}` : 'Commonroom check')}`,
    ];
    const message = issue.field ? `${issue.field}: ${issue.message}` : issue.message;
    return `::${issue.severity} ${properties.join(',')}::${escapeData(message)}`;
  });
}

/** A GitLab Code Quality report (a JSON array) with one entry per problem. */
export function gitlabCodeQuality(issues: readonly ContentIssue[]): object[] {
  return issues.map((issue) => ({
    description: formatIssue(issue),
    check_name: issue.field ? `commonroom-${issue.field.replace(/\[\d+\]/g, '')}` : 'commonroom',
    fingerprint: createHash('sha256').update(formatIssue(issue)).digest('hex'),
    severity: issue.severity === 'error' ? 'major' : 'minor',
    location: { path: issue.file, lines: { begin: issue.line ?? 1 } },
  }));
}

/** One problem found in the content, located precisely enough for a writer to fix it. */
export interface ContentIssue {
  /** Path relative to the project, e.g. `content/posts/oak/rules.mdx`. */
  file: string;
  /** 1-based line in the file, where known. */
  line?: number;
  column?: number;
  /** The field, e.g. `authors[0]`, or empty when the whole file is meant. */
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

/** Formats an issue as `file:line field: message`, the one-line form every tool prints. */
export function formatIssue(issue: ContentIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}${issue.column ? `:${issue.column}` : ''}` : issue.file;
  const prefix = issue.severity === 'warning' ? 'warning: ' : '';
  return `${where} ${issue.field ? `${issue.field}: ` : ''}${prefix}${issue.message}`;
}

/** Thrown when content has errors; its message lists every one, so a build stops with all of them at once. */
export class ContentError extends Error {
  readonly issues: ContentIssue[];

  constructor(issues: ContentIssue[]) {
    const errors = issues.filter((issue) => issue.severity === 'error');
    super(
      `Commonroom found ${errors.length} problem${errors.length === 1 ? '' : 's'} in the content:\n` +
        errors.map((issue) => `  ${formatIssue(issue)}`).join('\n'),
    );
    this.name = 'ContentError';
    this.issues = issues;
  }
}

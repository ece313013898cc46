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
  /**
   * What kind of problem this is, e.g. `unknown-reference` or `yaml-comment`: tools compare and
   * de-duplicate issues on it, never on the wording of `message`.
   */
  code: string;
  /** What the issue is about when that is another thing, e.g. `author:ann-haed` for a dangling reference. */
  ref?: string;
}

/** Two issues are the same problem when they have the same code, place and subject. */
export const issueKey = (issue: ContentIssue) =>
  [issue.code, issue.file, issue.line ?? '', issue.column ?? '', issue.field, issue.ref ?? ''].join('\u0000');

/** The issues without repeats, in file and line order. */
export function uniqueIssues(issues: Iterable<ContentIssue>): ContentIssue[] {
  const unique = new Map<string, ContentIssue>();
  for (const issue of issues) if (!unique.has(issueKey(issue))) unique.set(issueKey(issue), issue);
  return [...unique.values()].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
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
  /** Where the first error is, for Astro's error overlay: the writer's file, not the module that found it. */
  readonly loc?: { file: string; line: number; column: number };

  constructor(issues: ContentIssue[]) {
    const errors = issues.filter((issue) => issue.severity === 'error');
    super(
      `Commonroom found ${errors.length} problem${errors.length === 1 ? '' : 's'} in the content:\n` +
        errors.map((issue) => `  ${formatIssue(issue)}`).join('\n'),
    );
    this.name = 'ContentError';
    this.issues = issues;
    // A missing field has no line of its own: the overlay still shows the writer's file, from the top.
    const first = errors.find((issue) => issue.line !== undefined) ?? errors[0];
    if (first) this.loc = { file: first.file, line: first.line ?? 1, column: first.column ?? 1 };
  }
}

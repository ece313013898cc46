import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContentIssue } from '../../src/lib/content-issue.ts';
import { BAD, cases, newIssues } from './corpus.ts';

/**
 * The bad-input corpus: each folder of tests/fixtures/bad/ lays a file or two over the valid fixture network
 * (tests/fixtures/network) and lists in expected.json exactly what `npm run check` must add to the base's issues:
 * file, line (and column) where known, field, message and severity. An empty list means the input is accepted.
 */
describe('bad-input corpus', () => {
  const names = cases();

  it('has at least 20 cases', () => {
    expect(names.length).toBeGreaterThanOrEqual(20);
  });

  it.each(names)('%s', async (name) => {
    const expected = JSON.parse(readFileSync(join(BAD, name, 'expected.json'), 'utf8')) as ContentIssue[];
    const sort = (issues: ContentIssue[]) =>
      [...issues].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const actual = (await newIssues(name)).map(({ file, line, column, field, message, severity }) => ({
      file,
      ...(line ? { line } : {}),
      ...(column ? { column } : {}),
      field,
      message,
      severity,
    }));
    expect(sort(actual)).toEqual(sort(expected));
  });
});

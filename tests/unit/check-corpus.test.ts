import { describe, expect, it } from 'vitest';
import type { ContentIssue } from '../../src/lib/content-issue.ts';
import { cases, expectedOf, newIssues } from './corpus.ts';

/**
 * The bad-input corpus: each case lays a file or two over the valid fixture network (tests/fixtures/network),
 * as a folder of tests/fixtures/bad/ or inline in corpus-cases.ts, and lists exactly what `npm run check` must
 * add to the base's issues: file, line (and column) where known, field, message, severity and code. An empty
 * list means the input is accepted.
 */
describe('bad-input corpus', () => {
  const names = cases();

  it('has at least 100 cases', () => {
    expect(names.length).toBeGreaterThanOrEqual(100);
  });

  it('names every case once', () => {
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(names)('%s', async (name) => {
    const sort = (issues: ContentIssue[]) =>
      [...issues].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(sort(await newIssues(name))).toEqual(sort(expectedOf(name)));
  });
});

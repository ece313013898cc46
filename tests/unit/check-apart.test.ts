import { describe, expect, it } from 'vitest';
import { checkContentApart } from '../../src/lib/check/apart.ts';
import { checkContent } from '../../src/lib/check/check-content.ts';

describe('checkContentApart', () => {
  it('gives what the check on this thread gives, dates and all', async () => {
    const options = { root: 'tests/fixtures/network', now: new Date('2025-03-01T12:00:00Z'), cache: false as const };
    const apart = await checkContentApart(options);
    expect(apart).toEqual(await checkContent(options));
    expect(apart.counts.posts).toBeGreaterThan(3);
  });

  it('reports the issues of a bad network the same way', async () => {
    const options = { root: 'tests/fixtures/bad/duplicate-slug/content', cache: false as const };
    const apart = await checkContentApart(options);
    expect(apart.issues.length).toBeGreaterThan(0);
    expect(apart.issues).toEqual((await checkContent(options)).issues);
  });
});

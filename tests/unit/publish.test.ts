import { describe, expect, it } from 'vitest';
import { isPublished, type PublishContext } from '../../src/lib/publish.ts';

const schoolFamilies = new Map([
  ['oak', ['trust']],
  ['elm', ['cluster']],
]);
const context = (overrides: Partial<PublishContext> = {}): PublishContext => ({
  now: new Date('2026-01-31T12:00:00Z'),
  preview: false,
  scope: { type: 'network' },
  schoolFamilies,
  ...overrides,
});
const post = (
  overrides: Partial<{ draft: boolean; date: Date; publisher: { type: 'school' | 'family'; id: string } }> = {},
) => ({
  draft: false,
  date: new Date('2026-01-10'),
  publisher: { type: 'school' as const, id: 'oak' },
  ...overrides,
});

describe('isPublished', () => {
  it('publishes a dated, non-draft post', () => {
    expect(isPublished(post(), context())).toBe(true);
  });
  it('never publishes a draft in a production build, but previews it', () => {
    expect(isPublished(post({ draft: true }), context())).toBe(false);
    expect(isPublished(post({ draft: true }), context({ preview: true }))).toBe(true);
  });
  it('holds a future post until the first build on or after its date', () => {
    const scheduled = post({ date: new Date('2026-02-01') });
    expect(isPublished(scheduled, context())).toBe(false);
    expect(isPublished(scheduled, context({ now: new Date('2026-02-01T00:00:00Z') }))).toBe(true);
    expect(isPublished(scheduled, context({ now: new Date('2026-03-01') }))).toBe(true);
  });
  it('limits a school scope to the school and a family scope to its members and itself', () => {
    expect(isPublished(post(), context({ scope: { type: 'school', id: 'oak' } }))).toBe(true);
    expect(isPublished(post(), context({ scope: { type: 'school', id: 'elm' } }))).toBe(false);
    expect(isPublished(post(), context({ scope: { type: 'family', id: 'trust' } }))).toBe(true);
    expect(isPublished(post(), context({ scope: { type: 'family', id: 'cluster' } }))).toBe(false);
    const familyPost = post({ publisher: { type: 'family', id: 'trust' } });
    expect(isPublished(familyPost, context({ scope: { type: 'family', id: 'trust' } }))).toBe(true);
    expect(isPublished(familyPost, context({ scope: { type: 'school', id: 'oak' } }))).toBe(false);
  });
});

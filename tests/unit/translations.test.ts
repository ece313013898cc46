import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/lib/content-issue.ts';
import { planSitemap, type SitemapPost } from '../../src/lib/discovery/sitemap.ts';
import { listedPosts } from '../../src/lib/listing.ts';
import { buildNetwork, type RawContent } from '../../src/lib/network/build.ts';
import type { UrlOptions } from '../../src/lib/urls.ts';
import { rawNetworkInfo, rawPost as post, rawSchool as school } from '../helpers/raw-network.ts';

function content(posts: RawContent<string>['posts']): RawContent<string> {
  return {
    network: rawNetworkInfo,
    schools: [school('oak', ['cluster']), school('elm', ['cluster'], { lang: 'cy' })],
    families: [{ id: 'cluster', data: { name: 'Cluster', kind: 'cluster', description: 'd', colour: '#333333' } }],
    authors: [{ id: 'ann', data: { name: 'Ann', role: 'Head', school: 'oak', bio: 'b', links: {} } }],
    topics: [{ id: 'reading', data: { name: 'Reading', description: 'd' } }],
    posts,
  };
}
const context = { now: new Date('2026-01-31'), preview: false, scope: { type: 'network' as const } };

describe('translation pairs', () => {
  it('links a post and the post it translates both ways', () => {
    const { network } = buildNetwork(
      content([
        post('oak/letters', '2025-01-01'),
        post('oak/llythyrau', '2025-01-01', { lang: 'cy', translationOf: 'oak/letters' }),
        post('oak/other', '2025-02-01'),
      ]),
      context,
    );
    expect(network.post('oak/letters')!.translations.map((p) => p.id)).toEqual(['oak/llythyrau']);
    expect(network.post('oak/llythyrau')!.translations.map((p) => p.id)).toEqual(['oak/letters']);
    expect(network.post('oak/other')!.translations).toEqual([]);
  });

  it('groups posts that share a translationKey, across publishers', () => {
    const { network } = buildNetwork(
      content([
        post('oak/letters', '2025-01-01', { translationKey: 'letters-home' }),
        post('elm/llythyrau', '2025-01-02', { translationKey: 'letters-home' }),
      ]),
      context,
    );
    expect(network.post('elm/llythyrau')!.translations.map((p) => p.id)).toEqual(['oak/letters']);
  });

  it('offers a translation from outside a school’s own build, and never an unpublished one', () => {
    const { network } = buildNetwork(
      content([
        post('oak/letters', '2025-01-01', { translationKey: 'letters-home' }),
        post('elm/llythyrau', '2025-01-02', { translationKey: 'letters-home' }),
        post('oak/talk', '2025-01-01'),
        post('elm/siarad', '2025-01-01', { translationOf: 'oak/talk', draft: true }),
      ]),
      { ...context, scope: { type: 'school', id: 'elm' } },
    );
    expect(network.posts.map((p) => p.id)).toEqual(['elm/llythyrau']);
    expect(network.post('elm/llythyrau')!.translations.map((p) => p.id)).toEqual(['oak/letters']);
    const full = buildNetwork(
      content([
        post('oak/talk', '2025-01-01'),
        post('elm/siarad', '2025-01-01', { translationOf: 'oak/talk', draft: true }),
      ]),
      context,
    ).network;
    expect(full.post('oak/talk')!.translations).toEqual([]);
  });

  it('stops the build on a translationOf that names no post, suggesting the nearest', () => {
    const run = () =>
      buildNetwork(
        content([
          post('oak/letters', '2025-01-01'),
          post('oak/llythyrau', '2025-01-01', { lang: 'cy', translationOf: 'oak/leters' }),
        ]),
        context,
      );
    expect(run).toThrow(ContentError);
    try {
      run();
    } catch (error) {
      const issue = (error as ContentError).issues[0]!;
      expect(issue.field).toBe('translationOf');
      expect(issue.message).toMatch(/^"oak\/leters" is not a post \(did you mean "oak\/letters"\?\)/);
    }
  });

  it('stops the build when both versions are in one language', () => {
    const run = () =>
      buildNetwork(
        content([
          post('oak/letters', '2025-01-01'),
          post('oak/letters-2', '2025-01-01', { translationOf: 'oak/letters' }),
        ]),
        context,
      );
    expect(run).toThrow(/both in "en-GB"/);
  });

  it('lists each text once, in the page language where it has a version', () => {
    const { network } = buildNetwork(
      content([
        post('oak/letters', '2025-01-01'),
        post('oak/llythyrau', '2025-01-01', { lang: 'cy', translationOf: 'oak/letters' }),
        post('oak/other', '2025-02-01'),
      ]),
      context,
    );
    expect(listedPosts(network.posts, 'en-GB').map((p) => p.id)).toEqual(['oak/other', 'oak/letters']);
    expect(listedPosts(network.posts, 'cy').map((p) => p.id)).toEqual(['oak/other', 'oak/llythyrau']);
    expect(listedPosts(network.posts, 'fr').map((p) => p.id)).toHaveLength(2);
    // "Next from" moves to another text, not to the same one in the other language.
    expect(network.neighbours(network.post('oak/llythyrau')!).next?.id).toBe('oak/other');
  });

  it('lists the alternates of both versions in the sitemap', () => {
    const sitemapPost = (slug: string, extra: Partial<SitemapPost>): SitemapPost => ({
      slug,
      publisher: { type: 'school', id: 'oak' },
      date: new Date('2025-01-01'),
      draft: false,
      authors: ['ann'],
      topics: ['reading'],
      kind: 'reflection',
      lang: 'en',
      ...extra,
    });
    const options: UrlOptions = {
      networkSite: 'https://example.org',
      base: '/',
      scope: { type: 'network' },
      schools: [{ id: 'oak', families: [] }],
    };
    const plan = planSitemap(
      [sitemapPost('letters', {}), sitemapPost('llythyrau', { lang: 'cy', translationOf: 'oak/letters' })],
      options,
      new Date('2026-01-01'),
    );
    const expected = [
      { lang: 'en', url: 'https://example.org/schools/oak/letters/' },
      { lang: 'cy', url: 'https://example.org/schools/oak/llythyrau/' },
    ];
    expect(plan.alternates.get('https://example.org/schools/oak/letters/')).toEqual(expected);
    expect(plan.alternates.get('https://example.org/schools/oak/llythyrau/')).toEqual(expected);
  });
});

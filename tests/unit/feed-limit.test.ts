import { describe, expect, it } from 'vitest';
import { buildNetwork } from '../../src/lib/network/build.ts';
import { FEED_LIMIT, renderFeed } from '../../src/lib/feeds/render.ts';
import { feedSources } from '../../src/lib/feeds/sources.ts';
import { createUrls } from '../../src/lib/urls.ts';
import { rawNetworkInfo, rawPost, rawSchool } from '../helpers/raw-network.ts';

const scope = { type: 'network' as const };
const posts = Array.from({ length: FEED_LIMIT + 10 }, (_, i) =>
  rawPost(`oak/post-${i}`, new Date(Date.UTC(2025, 0, 1 + i)), { title: `Post ${i}` }),
);
const { network } = buildNetwork<string>(
  {
    network: rawNetworkInfo,
    schools: [rawSchool('oak', [])],
    families: [],
    authors: [{ id: 'ann', data: { name: 'Ann', role: 'Head', school: 'oak', bio: 'b', links: {} } }],
    topics: [{ id: 'reading', data: { name: 'Reading', description: 'd' } }],
    posts,
  },
  { now: new Date('2026-01-01'), preview: false, scope },
);
const urls = createUrls({
  networkSite: 'https://net.example.org',
  base: '/',
  scope,
  schools: [{ id: 'oak', families: [] }],
});

describe('feed size', () => {
  it(`carries the newest ${FEED_LIMIT} posts, newest first`, async () => {
    const source = feedSources(network, urls, scope)[0]!;
    expect(source.posts).toHaveLength(FEED_LIMIT + 10);
    const json = JSON.parse(
      await renderFeed(source, 'json', {
        network,
        urls,
        now: new Date(),
        content: async () => ({ html: '<p>Text.</p>' }),
      }),
    ) as { items: { title: string }[] };
    expect(json.items).toHaveLength(FEED_LIMIT);
    expect(json.items[0]!.title).toBe(`Post ${FEED_LIMIT + 9}`);
    expect(json.items.at(-1)!.title).toBe('Post 10');
  });
});

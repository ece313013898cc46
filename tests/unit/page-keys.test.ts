import { describe, expect, test } from 'vitest';
import { feedSources } from '../../src/lib/feeds/sources.ts';
import { buildNetwork, type RawContent } from '../../src/lib/network/build.ts';
import { feedKey, listingPageKey, postPageKey } from '../../src/lib/page-keys.ts';
import { createUrls } from '../../src/lib/urls.ts';
import { rawNetworkInfo, rawPost as post, rawSchool as school } from '../helpers/raw-network.ts';

type Raw = RawContent<string>;

function raw(): Raw {
  return {
    network: rawNetworkInfo,
    schools: [school('oak', ['trust']), school('elm', [])],
    families: [
      { id: 'trust', data: { name: 'Trust', kind: 'multi-academy-trust', description: 'd', colour: '#333333' } },
    ],
    authors: [
      { id: 'ann', data: { name: 'Ann', role: 'Head', school: 'oak', bio: 'b', links: {} } },
      { id: 'eve', data: { name: 'Eve', role: 'Adviser', school: 'elm', bio: 'b', links: {} } },
    ],
    topics: [
      { id: 'reading', data: { name: 'Reading', description: 'd' } },
      { id: 'maths', data: { name: 'Maths', description: 'd' } },
    ],
    posts: [
      post('oak/a', '2025-01-01'),
      post('oak/b', '2025-02-01'),
      post('oak/c', '2025-03-01'),
      post('elm/x', '2025-01-15', { authors: ['eve'], topics: ['maths'] }),
    ],
  };
}

const urls = createUrls({
  networkSite: 'https://net.example.org',
  base: '/',
  scope: { type: 'network' },
  schools: [
    { id: 'oak', families: ['trust'] },
    { id: 'elm', families: [] },
  ],
});

function keyOf(content: Raw, id = 'oak/b'): string {
  const { network } = buildNetwork<string>(content, {
    now: new Date('2026-01-31'),
    preview: false,
    scope: { type: 'network' },
  });
  return postPageKey(network.post(id)!, network, urls);
}

function feedKeyOf(content: Raw, subject = 'oak'): string {
  const { network } = buildNetwork<string>(content, {
    now: new Date('2026-01-31'),
    preview: false,
    scope: { type: 'network' },
  });
  const source = feedSources(network, urls, { type: 'network' }).find(
    (s) => s.subject.type === 'school' && s.subject.id === subject,
  )!;
  return feedKey(source, 'atom', network, urls);
}

const edit = (change: (content: Raw) => void): Raw => {
  const content = structuredClone(raw());
  change(content);
  return content;
};

describe('a post page’s cache key', () => {
  const base = keyOf(raw());

  test('is the same for the same content', () => {
    expect(keyOf(raw())).toBe(base);
  });

  test.each([
    ['its own title', (c: Raw) => (c.posts[1]!.data.title = 'New title')],
    ['its description', (c: Raw) => (c.posts[1]!.data.description = 'New words')],
    ['its author’s name', (c: Raw) => (c.authors[0]!.data.name = 'Ann Jones')],
    ['its author’s bio', (c: Raw) => (c.authors[0]!.data.bio = 'A longer bio')],
    ['its school’s colour', (c: Raw) => (c.schools[0]!.data.colour = '#884400')],
    ['its family’s name', (c: Raw) => (c.families[0]!.data.name = 'The Trust')],
    ['its topic’s name', (c: Raw) => (c.topics[0]!.data.name = 'Early reading')],
    ['the previous post’s title', (c: Raw) => (c.posts[0]!.data.title = 'Renamed')],
    ['the next post’s title', (c: Raw) => (c.posts[2]!.data.title = 'Renamed')],
    ['the network’s name', (c: Raw) => (c.network.name = 'Another network')],
  ])('changes with %s', (_, change) => {
    expect(keyOf(edit(change))).not.toBe(base);
  });

  test.each([
    ['an unrelated school’s post', (c: Raw) => (c.posts[3]!.data.title = 'Renamed')],
    ['an author the page does not show', (c: Raw) => (c.authors[1]!.data.bio = 'Changed')],
    ['a topic the page does not show', (c: Raw) => (c.topics[1]!.data.description = 'Changed')],
  ])('stays the same when %s changes', (_, change) => {
    expect(keyOf(edit(change))).toBe(base);
  });
});

describe('a feed’s cache key', () => {
  const base = feedKeyOf(raw());

  test('changes with a post it carries and not with posts it does not', () => {
    expect(feedKeyOf(edit((c) => (c.posts[0]!.data.title = 'Renamed')))).not.toBe(base);
    expect(feedKeyOf(edit((c) => (c.posts[3]!.data.title = 'Renamed')))).toBe(base);
  });

  test('changes when a post is added to it', () => {
    expect(feedKeyOf(edit((c) => c.posts.push(post('oak/d', '2025-04-01'))))).not.toBe(base);
  });
});

/** The key of the first page of a school's listing, as `paginatePosts` gives it, two posts a page. */
function listingKeyOf(content: Raw, school = 'oak', currentPage = 1): string {
  const { network } = buildNetwork<string>(content, {
    now: new Date('2026-01-31'),
    preview: false,
    scope: { type: 'network' },
  });
  const posts = network.postsBySchool(school);
  const page = {
    data: posts.slice((currentPage - 1) * 2, currentPage * 2),
    currentPage,
    lastPage: Math.ceil(posts.length / 2),
    total: posts.length,
    url: { current: `/schools/${school}/${currentPage > 1 ? `${currentPage}/` : ''}` },
  };
  return listingPageKey(page, { network, urls, scope: { type: 'network' }, lang: 'en-GB' });
}

describe('a listing page’s cache key', () => {
  // Oak's first page shows its two newest posts, oak/c and oak/b; oak/a is on page 2.
  const base = listingKeyOf(raw());

  test('is the same for the same content, and differs from page to page', () => {
    expect(listingKeyOf(raw())).toBe(base);
    expect(listingKeyOf(raw(), 'oak', 2)).not.toBe(base);
  });

  test.each([
    ['the words of a post it shows', (c: Raw) => (c.posts[2]!.body = 'Other words.')],
    ['the title of a post it shows', (c: Raw) => (c.posts[1]!.data.title = 'Renamed')],
    // Counts, pagers and the pages around a listing come from every post's front matter.
    ['the title of a post on another page', (c: Raw) => (c.posts[0]!.data.title = 'Renamed')],
    ['the date of another school’s post', (c: Raw) => (c.posts[3]!.data.date = new Date('2025-05-01'))],
    ['a new post', (c: Raw) => c.posts.push(post('elm/y', '2025-04-01', { authors: ['eve'] }))],
    ['a school’s name', (c: Raw) => (c.schools[1]!.data.name = 'Elm Academy Trust')],
    ['an author’s name', (c: Raw) => (c.authors[1]!.data.name = 'Eve Jones')],
    ['the network’s name', (c: Raw) => (c.network.name = 'Another network')],
  ])('changes with %s', (_, change) => {
    expect(listingKeyOf(edit(change))).not.toBe(base);
  });

  test.each([
    ['a post on another page', (c: Raw) => (c.posts[0]!.body = 'Other words.')],
    ['another school’s post', (c: Raw) => (c.posts[3]!.body = 'Other words.')],
  ])('stays the same when only the words of %s change', (_, change) => {
    expect(listingKeyOf(edit(change))).toBe(base);
  });
});

import { describe, expect, test } from 'vitest';
import { homeSelection } from '../../src/lib/home-page.ts';
import { buildNetwork, type RawContent } from '../../src/lib/network/build.ts';
import { postPage, tocSections, type Heading } from '../../src/lib/post-page.ts';
import { createUrls } from '../../src/lib/urls.ts';
import { rawNetworkInfo, rawPost as post, rawSchool as school } from '../helpers/raw-network.ts';

function network(posts: RawContent<string>['posts'], info = rawNetworkInfo) {
  return buildNetwork<string>(
    {
      network: info,
      schools: [school('oak', ['trust']), school('elm', [], { site: 'https://elm.example.sch.uk' })],
      families: [
        { id: 'trust', data: { name: 'Trust', kind: 'multi-academy-trust', description: 'd', colour: '#333333' } },
      ],
      authors: [
        { id: 'ann', data: { name: 'Ann', role: 'Head', school: 'oak', bio: 'b', links: {} } },
        { id: 'eve', data: { name: 'Eve', role: 'Adviser', bio: 'b', links: {}, email: 'eve@example.org' } },
      ],
      topics: [{ id: 'reading', data: { name: 'Reading', description: 'd' } }],
      posts,
    },
    { now: new Date('2026-01-31'), preview: false, scope: { type: 'network' } },
  ).network;
}

const urls = createUrls({
  networkSite: 'https://net.example.org',
  base: '/',
  scope: { type: 'network' },
  schools: [
    { id: 'oak', families: ['trust'] },
    { id: 'elm', families: [], site: 'https://elm.example.sch.uk' },
  ],
});

const headings = (n: number, depth = 2): Heading[] =>
  Array.from({ length: n }, (_, i) => ({ depth, slug: `h${i}`, text: `Heading ${i}` }));

describe('what a post page shows', () => {
  test('lists sections only from four headings, leaving out the footnotes heading and deep headings', () => {
    const net = network([post('oak/a', '2025-01-01')]);
    const a = net.posts[0]!;
    expect(postPage(a, headings(3), net, urls).toc).toEqual([]);
    const withFootnotes = [...headings(3), { depth: 2, slug: 'footnote-label', text: 'Footnotes' }];
    expect(postPage(a, withFootnotes, net, urls).toc).toEqual([]);
    expect(postPage(a, [...headings(3), ...headings(2, 4)], net, urls).toc).toEqual([]);
    expect(postPage(a, headings(4), net, urls).toc.map((s) => s.heading.slug)).toEqual(['h0', 'h1', 'h2', 'h3']);
  });

  test('replies go to the first author with an address, then the network’s, else nowhere', () => {
    const net = network([post('oak/a', '2025-01-01', { authors: ['ann', 'eve'] }), post('oak/b', '2025-02-01')]);
    expect(postPage(net.post('oak/a')!, [], net, urls).reply).toEqual({ address: 'eve@example.org', name: 'Eve' });
    expect(postPage(net.post('oak/b')!, [], net, urls).reply).toBeUndefined();
    const withDesk = network([post('oak/b', '2025-02-01')], { ...rawNetworkInfo, replyTo: 'desk@example.org' });
    expect(postPage(withDesk.post('oak/b')!, [], withDesk, urls).reply).toEqual({
      address: 'desk@example.org',
      name: 'the Net editors',
    });
  });

  test('names a canonical URL only when it is another page, and shares the canonical one', () => {
    const net = network([post('oak/a', '2025-01-01'), post('elm/b', '2025-01-02', { authors: ['eve'] })]);
    const own = postPage(net.post('oak/a')!, [], net, urls);
    expect(own.canonical).toBeUndefined();
    expect(own.shareUrl).toBe('https://net.example.org/schools/oak/a/');
    const selfHosted = postPage(net.post('elm/b')!, [], net, urls);
    expect(selfHosted.canonical).toBe('https://elm.example.sch.uk/b/');
    expect(selfHosted.shareUrl).toBe('https://elm.example.sch.uk/b/');
  });

  test('resolves authors, families and topics, and the neighbours within the school', () => {
    const net = network([post('oak/a', '2025-01-01'), post('oak/b', '2025-02-01'), post('oak/c', '2025-03-01')]);
    const page = postPage(net.post('oak/b')!, [], net, urls);
    expect(page.authors.map((a) => a.name)).toEqual(['Ann']);
    expect(page.families.map((f) => f.name)).toEqual(['Trust']);
    expect(page.topics.map((t) => t.name)).toEqual(['Reading']);
    expect(page.publisherName).toBe('oak School');
    expect(page.previous?.id).toBe('oak/a');
    expect(page.next?.id).toBe('oak/c');
  });

  test('never offers the previous or next post again as a related one', () => {
    const net = network([post('oak/a', '2025-01-01'), post('oak/b', '2025-02-01'), post('oak/c', '2025-03-01')]);
    const b = net.post('oak/b')!;
    expect(net.related(b).map((p) => p.id)).toContain('oak/c');
    const page = postPage(b, [], net, urls);
    expect(page.related.map((p) => p.id)).not.toContain(page.next!.id);
    expect(page.related.map((p) => p.id)).not.toContain(page.previous!.id);
  });
});

const h = (depth: number, slug: string) => ({ depth, slug, text: slug });

describe('tocSections', () => {
  test('numbers sections only and nests each sub-section under the section before it', () => {
    expect(tocSections([h(2, 'a'), h(3, 'a1'), h(3, 'a2'), h(2, 'b'), h(2, 'c'), h(3, 'c1')])).toEqual([
      { heading: h(2, 'a'), subsections: [h(3, 'a1'), h(3, 'a2')] },
      { heading: h(2, 'b'), subsections: [] },
      { heading: h(2, 'c'), subsections: [h(3, 'c1')] },
    ]);
  });

  test('lets a sub-section before any section stand on its own', () => {
    expect(tocSections([h(3, 'intro'), h(2, 'a')])).toEqual([
      { heading: h(3, 'intro'), subsections: [] },
      { heading: h(2, 'a'), subsections: [] },
    ]);
  });
});

describe('the home page’s choice', () => {
  const posts = Array.from({ length: 20 }, (_, i) => ({ id: i, featured: i === 3 || i === 9 }));

  test('features up to three posts and lists each other post once, newest first', () => {
    const { featured, latest, more } = homeSelection(posts);
    expect(featured.map((p) => p.id)).toEqual([3, 9]);
    expect(latest.map((p) => p.id)).toEqual([0, 1, 2, 4, 5, 6]);
    expect(more.map((p) => p.id)).toEqual([7, 8, 10, 11, 12, 13, 14, 15]);
  });

  test('features no more than three', () => {
    const all = posts.map((p) => ({ ...p, featured: true }));
    expect(homeSelection(all).featured).toHaveLength(3);
    expect(homeSelection(all).latest[0]?.id).toBe(3);
  });
});

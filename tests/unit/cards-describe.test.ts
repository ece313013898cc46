import { describe, expect, it } from 'vitest';
import { describeCard } from '../../src/lib/cards/describe.ts';
import { buildNetwork, type RawContent } from '../../src/lib/network/build.ts';
import type { PageMeta } from '../../src/lib/page-meta.ts';
import { createUrls } from '../../src/lib/urls.ts';

const raw: RawContent<string> = {
  network: {
    name: 'Net',
    tagline: 'Schools together',
    site: 'https://net.example.org',
    lang: 'en-GB',
    description: 'd',
    partners: [],
    requirePhotoConsent: false,
    imageSizeLimitMB: 10,
  },
  schools: [
    {
      id: 'oak',
      data: {
        name: 'Oak Primary School',
        phase: 'primary',
        town: 'Ludlow',
        region: 'Shropshire',
        colour: '#7a1f3d',
        ethos: 'Every child a reader.',
        expertise: ['reading'],
        families: ['trust'],
      },
    },
  ],
  families: [
    {
      id: 'trust',
      data: { name: 'River Trust', kind: 'multi-academy-trust', description: 'A trust.', colour: '#333366' },
    },
  ],
  authors: [
    { id: 'ann', data: { name: 'Ann Head', role: 'Headteacher', school: 'oak', bio: 'Ann writes.', links: {} } },
  ],
  topics: [{ id: 'reading', data: { name: 'Reading', description: 'Teaching reading.' } }],
  posts: [
    {
      id: 'oak/why',
      body: 'Body.',
      data: {
        title: 'Why we read aloud',
        description: 'About reading aloud',
        date: new Date('2025-03-14'),
        authors: ['ann'],
        kind: 'reflection',
        topics: ['reading'],
        tags: [],
        featured: false,
        draft: false,
      },
    },
  ],
};
const { network } = buildNetwork(raw, { now: new Date('2026-01-31'), preview: false, scope: { type: 'network' } });
const urls = createUrls({
  networkSite: 'https://net.example.org',
  base: '/',
  scope: { type: 'network' },
  schools: [{ id: 'oak', families: ['trust'] }],
});
const meta = (type: PageMeta['type'], title: string): PageMeta => ({
  title,
  description: 'A page.',
  lang: 'en-GB',
  type,
});

describe('describeCard', () => {
  it('gives a post its kind, author and role, school, colour and date', () => {
    const { input, alt } = describeCard(meta('post', 'Why we read aloud'), '/schools/oak/why/', network, urls);
    expect(input).toMatchObject({
      layout: 'post',
      title: 'Why we read aloud',
      eyebrow: 'Reflection',
      byline: 'Ann Head, Headteacher',
      context: 'Oak Primary School',
      date: '14 March 2025',
      network: 'Net',
      colour: network.school('oak')!.brand.fill,
      ink: network.school('oak')!.brand.onFill,
    });
    expect(alt).toBe('Reflection: “Why we read aloud” by Ann Head, Oak Primary School, 14 March 2025. Net.');
  });

  it('finds the school, author, family and topic a page is about from its address, paginated pages too', () => {
    expect(describeCard(meta('school', 'Oak'), '/schools/oak/2/', network, urls).input).toMatchObject({
      title: 'Oak Primary School',
      eyebrow: 'Primary school · Ludlow',
      subtitle: 'Every child a reader.',
      byline: 'Part of River Trust',
      context: 'Ask us about Reading',
    });
    expect(describeCard(meta('author', 'Ann'), '/authors/ann/', network, urls).input).toMatchObject({
      title: 'Ann Head',
      byline: 'Headteacher',
      context: 'Oak Primary School',
      date: '1 post',
    });
    expect(describeCard(meta('family', 'Trust'), '/families/trust/', network, urls).input).toMatchObject({
      title: 'River Trust',
      eyebrow: 'Multi-academy trust',
      byline: '1 school',
      colour: network.family('trust')!.brand.fill,
      ink: network.family('trust')!.brand.onFill,
    });
    expect(describeCard(meta('topic', 'Reading'), '/topics/reading/', network, urls).input).toMatchObject({
      title: 'Reading',
      eyebrow: 'Topic',
      byline: '1 post',
      context: 'Ask Oak Primary School',
    });
    expect(describeCard(meta('network', 'Home'), '/', network, urls).input).toMatchObject({
      title: 'Net',
      subtitle: 'Schools together',
    });
  });

  it('speaks the page’s language: Welsh words and dates on a Welsh page, British dates on an `en` one', () => {
    const welsh = { ...meta('post', 'Why we read aloud'), lang: 'cy' };
    const { input, alt } = describeCard(welsh, '/schools/oak/why/', network, urls);
    expect(input).toMatchObject({ eyebrow: 'Myfyrdod', date: '14 Mawrth 2025', lang: 'cy' });
    expect(alt).toBe('Myfyrdod: “Why we read aloud” gan Ann Head, Oak Primary School, 14 Mawrth 2025. Net.');
    expect(describeCard({ ...meta('school', 'Oak'), lang: 'cy' }, '/schools/oak/', network, urls).input).toMatchObject({
      eyebrow: 'Ysgol gynradd · Ludlow',
      byline: 'Yn rhan o River Trust',
      context: 'Gofynnwch i ni am Reading',
    });
    const english = describeCard({ ...meta('post', 'Why'), lang: 'en' }, '/schools/oak/why/', network, urls);
    expect(english.input.date).toBe('14 March 2025');
  });

  it('names a school’s topics in its page’s language where they have a name in it', () => {
    const topics = [
      { id: 'reading', data: { name: 'Reading', description: 'd', translations: { cy: { name: 'Darllen' } } } },
    ];
    const bilingual = buildNetwork(
      { ...raw, topics },
      { now: new Date('2026-01-31'), preview: false, scope: { type: 'network' } },
    ).network;
    const card = (lang: string) =>
      describeCard({ ...meta('school', 'Oak'), lang }, '/schools/oak/', bilingual, urls).input.context;
    expect(card('cy')).toBe('Gofynnwch i ni am Darllen');
    expect(card('en-GB')).toBe('Ask us about Reading');
  });

  it('falls back to the page’s own title and description for any other page', () => {
    const { input } = describeCard(meta('page', 'All posts'), '/posts/', network, urls);
    expect(input).toMatchObject({ layout: 'page', title: 'All posts', subtitle: 'A page.', network: 'Net' });
    expect(input.eyebrow).toBeUndefined();
  });
});

describe('card URLs', () => {
  it('name a card after its page, under the base', () => {
    const sub = createUrls({
      networkSite: 'https://net.example.org',
      base: '/sub/',
      scope: { type: 'network' },
      schools: [],
    });
    expect(sub.card('/sub/')).toBe('/sub/cards/index.png');
    expect(sub.card('/sub/schools/oak/why/')).toBe('/sub/cards/schools/oak/why.png');
    expect(sub.cardFile('/sub/schools/oak/why/')).toBe('cards/schools/oak/why.png');
    expect(sub.card('/sub/404.html')).toBe('/sub/cards/404.png');
    expect(sub.cardFile('/sub/topics/caf%C3%A9/')).toBe('cards/topics/café.png');
  });
});

import { describe, expect, it } from 'vitest';
import { createUrls, type UrlOptions } from '../../src/lib/urls.ts';

const schools = [
  { id: 'oak', families: ['trust'] },
  { id: 'elm', site: 'https://elm.example.sch.uk', families: ['trust', 'cluster'] },
  { id: 'ash', families: ['cluster'] },
];
const make = (overrides: Partial<UrlOptions> = {}) =>
  createUrls({ networkSite: 'https://net.example.org', base: '/', scope: { type: 'network' }, schools, ...overrides });
const oakPost = { slug: 'why', publisher: { type: 'school' as const, id: 'oak' } };
const elmPost = { slug: 'how', publisher: { type: 'school' as const, id: 'elm' } };
const trustPost = { slug: 'one-calendar', publisher: { type: 'family' as const, id: 'trust' } };

describe('urls in a network build', () => {
  const urls = make();
  it('puts school posts under the school and family posts under the family', () => {
    expect(urls.post(oakPost)).toBe('/schools/oak/why/');
    expect(urls.post(trustPost)).toBe('/families/trust/one-calendar/');
    expect(urls.postRoute(oakPost)).toBe('schools/oak/why');
  });
  it('gives every listing a trailing-slash path', () => {
    expect([
      urls.home(),
      urls.posts(),
      urls.posts(2),
      urls.topic('send'),
      urls.kind('case-study'),
      urls.archive(2024),
      urls.rulebook(),
    ]).toEqual(['/', '/posts/', '/posts/2/', '/topics/send/', '/kinds/case-study/', '/archive/2024/', '/rulebook/']);
  });
  it('makes absolute URLs on the network site', () => {
    expect(urls.absolute(urls.post(oakPost))).toBe('https://net.example.org/schools/oak/why/');
  });
  it('gives a self-hosting school the canonical URL of its posts', () => {
    expect(urls.canonical(elmPost)).toBe('https://elm.example.sch.uk/how/');
    expect(urls.canonical(oakPost)).toBe('https://net.example.org/schools/oak/why/');
    expect(urls.canonical({ ...oakPost, canonical: 'https://blog.example.org/x' })).toBe('https://blog.example.org/x');
  });
  it('maps network paths written in posts', () => {
    expect(urls.contentLink('/schools/oak/why/#rule-2')).toBe('/schools/oak/why/#rule-2');
    expect(urls.contentLink('/topics/send/')).toBe('/topics/send/');
    expect(urls.contentLink('https://example.org/')).toBe('https://example.org/');
  });
});

describe('urls under a base path', () => {
  const urls = make({ base: '/commonroom/' });
  it('prefixes every local path with the base', () => {
    expect(urls.home()).toBe('/commonroom/');
    expect(urls.post(oakPost)).toBe('/commonroom/schools/oak/why/');
    expect(urls.contentLink('/topics/send/')).toBe('/commonroom/topics/send/');
    expect(urls.file('pagefind/pagefind.js')).toBe('/commonroom/pagefind/pagefind.js');
  });
  it('keeps routes free of the base', () => {
    expect(urls.postRoute(oakPost)).toBe('schools/oak/why');
  });
});

describe('urls in a school scope', () => {
  const urls = make({ scope: { type: 'school', id: 'elm' } });
  it('serves the school at its own site with posts at the root', () => {
    expect(urls.site).toBe('https://elm.example.sch.uk/');
    expect(urls.post(elmPost)).toBe('/how/');
    expect(urls.school('elm')).toBe('/');
    expect(urls.absolute(urls.post(elmPost))).toBe('https://elm.example.sch.uk/how/');
  });
  it('links everything outside the school to the network', () => {
    expect(urls.post(oakPost)).toBe('https://net.example.org/schools/oak/why/');
    expect(urls.school('oak')).toBe('https://net.example.org/schools/oak/');
    expect(urls.post(trustPost)).toBe('https://net.example.org/families/trust/one-calendar/');
    expect(urls.family('trust')).toBe('https://net.example.org/families/trust/');
    expect(urls.contentLink('/schools/oak/why/')).toBe('https://net.example.org/schools/oak/why/');
    expect(urls.contentLink('/schools/elm/how/')).toBe('/how/');
  });
});

describe('urls in a family scope', () => {
  const urls = make({ scope: { type: 'family', id: 'cluster' } });
  it('keeps member schools local and sends the rest to the network', () => {
    expect(urls.post(elmPost)).toBe('/schools/elm/how/');
    expect(urls.post(oakPost)).toBe('https://net.example.org/schools/oak/why/');
    expect(urls.family('cluster')).toBe('/families/cluster/');
    expect(urls.family('trust')).toBe('https://net.example.org/families/trust/');
    expect(urls.postInScope(trustPost)).toBe(false);
  });
});

import type { RawContent } from '../../src/lib/network/build.ts';

/** Raw content-layer entries for unit tests of the network model and what is built on it. */
export const rawNetworkInfo: RawContent<string>['network'] = {
  name: 'Net',
  tagline: 't',
  site: 'https://net.example.org',
  lang: 'en-GB',
  description: 'd',
  partners: [],
  requirePhotoConsent: false,
  imageSizeLimitMB: 10,
};

export const rawSchool = (id: string, families: string[], extra = {}) => ({
  id,
  data: {
    name: `${id} School`,
    phase: 'primary' as const,
    town: 'Ludlow',
    region: 'Shropshire',
    colour: '#1d4e89',
    expertise: ['reading'],
    families,
    ...extra,
  },
});

export const rawPost = (id: string, date: Date | string, extra: Record<string, unknown> = {}) => ({
  id,
  body: 'Body text.',
  data: {
    title: id,
    description: `About ${id}`,
    date: new Date(date),
    authors: ['ann'],
    kind: 'reflection' as const,
    topics: ['reading'],
    tags: [],
    featured: false,
    draft: false,
    ...extra,
  },
});

import type { PostKind } from '../schemas/post.ts';
import type { FamilyKind } from '../schemas/family.ts';
import type { Phase } from '../schemas/school.ts';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date as readers write it, e.g. `14 March 2025` (or `14 Mawrth 2025` in Welsh). */
export function formatDate(date: Date, lang = 'en-GB'): string {
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(lang, format);
  }
  return format.format(date);
}

/** `YYYY-MM-DD`, for `datetime` attributes. */
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);

export const kindLabels: Record<PostKind, { one: string; many: string; blurb: string }> = {
  reflection: { one: 'Reflection', many: 'Reflections', blurb: 'Leaders thinking aloud about what they do and why.' },
  'case-study': {
    one: 'Case study',
    many: 'Case studies',
    blurb: 'What a school tried, with whom, and what changed — with the evidence.',
  },
  'rules-of-thumb': {
    one: 'Rules of thumb',
    many: 'Rules of thumb',
    blurb: 'Practical advice, distilled into numbered rules you can use tomorrow.',
  },
};

export const phaseLabels: Record<Phase, string> = {
  nursery: 'Nursery',
  primary: 'Primary',
  secondary: 'Secondary',
  'all-through': 'All-through',
  special: 'Special',
  'post-16': 'Post-16',
};

export const familyKindLabels: Record<FamilyKind, string> = {
  federation: 'Federation',
  'multi-academy-trust': 'Multi-academy trust',
  'teaching-school-hub': 'Teaching school hub',
  alliance: 'Alliance',
  cluster: 'Cluster',
  'family-of-schools': 'Family of schools',
  'local-authority': 'Local authority',
  programme: 'Programme',
};

/** "Ann Head", "Ann Head and Ben Teacher", "Ann, Ben and Carys". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Initials for an avatar placeholder, e.g. `SO` for Sarah Okafor. */
export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0])
    .slice(0, 2)
    .join('')
    .toUpperCase();

export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

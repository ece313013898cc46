import type { PostKind } from '../schemas/post.ts';
import { familyKinds, type FamilyKind } from '../schemas/family.ts';
import { phases, type Phase } from '../schemas/school.ts';
import { translator } from './i18n.ts';

/** A date as readers of `lang` write it, e.g. `14 March 2025` (or `14 Mawrth 2025` in Welsh). */
export const formatDate = (date: Date, lang = 'en-GB'): string => translator(lang).date(date);

/** `YYYY-MM-DD`, for `datetime` attributes. */
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** "Ann Head", "Ann Head and Ben Teacher", "Ann, Ben and Carys" (or "Ann ac Elin" in Welsh). */
export const listNames = (names: readonly string[], lang = 'en-GB'): string => translator(lang).list(names);

/** Initials for an avatar placeholder, e.g. `SO` for Sarah Okafor. */
export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0])
    .slice(0, 2)
    .join('')
    .toUpperCase();

// Transitional English labels while pages move to `translator(lang)`; removed once nothing imports them.
const en = translator('en');
export const kindLabels = Object.fromEntries(
  (['reflection', 'case-study', 'rules-of-thumb'] as const).map((kind) => [
    kind,
    { one: en(`kind.${kind}`), many: en(`kind.${kind}.heading`), blurb: en(`kind.${kind}.blurb`) },
  ]),
) as Record<PostKind, { one: string; many: string; blurb: string }>;
export const phaseLabels = Object.fromEntries(phases.map((phase) => [phase, en(`phase.${phase}`)])) as Record<
  Phase,
  string
>;
export const familyKindLabels = Object.fromEntries(
  familyKinds.map((kind) => [kind, en(`familyKind.${kind}`)]),
) as Record<FamilyKind, string>;
export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

import { translator } from './i18n.ts';

/** A date as readers of `lang` write it, e.g. `14 March 2025` (or `14 Mawrth 2025` in Welsh): `translator(lang).date`. */
export const formatDate = (date: Date, lang: string): string => translator(lang).date(date);

/** `YYYY-MM-DD`, for `datetime` attributes. */
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** "Ann Head", "Ann Head and Ben Teacher", "Ann, Ben and Carys" (or "Ann ac Elin" in Welsh): `translator(lang).list`. */
export const listNames = (names: readonly string[], lang: string): string => translator(lang).list(names);

/** Initials for an avatar placeholder, e.g. `SO` for Sarah Okafor. */
export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0])
    .slice(0, 2)
    .join('')
    .toUpperCase();

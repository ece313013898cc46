import { closest, distance } from 'fastest-levenshtein';

/** `(did you mean "x"?)` for a near miss among the known ids, or an empty string. */
export function didYouMean(value: string, known: readonly string[]): string {
  if (known.length === 0) return '';
  const best = closest(value, known as string[]);
  return distance(value, best) <= Math.max(2, Math.floor(value.length / 3)) ? ` (did you mean "${best}"?)` : '';
}

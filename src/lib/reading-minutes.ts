import readingTime from 'reading-time';

// The characters reading-time counts as a word each (it compares single UTF-16 code units).
const CJK = /[\u3040-\u309f\u4e00-\u9fff\uac00-\ud7a3]/;
const WORDS = /[^ \n\r\t]+/g;

/**
 * A post's reading time in whole minutes (at least one), exactly as reading-time counts it at 200 words a
 * minute. Text without CJK characters is counted with one regular expression, about ten times faster:
 * reading time is worked out for every post on every build and every check.
 */
export function readingMinutes(body: string): number {
  const minutes = CJK.test(body) ? readingTime(body).minutes : (body.match(WORDS)?.length ?? 0) / 200;
  return Math.max(1, Math.round(minutes));
}

import { isCovered, measureTitle, type Measure } from './metrics.ts';

/** The box a title must fit and the sizes it may take. */
export interface FitBox {
  /** Width available to each line, px. */
  width: number;
  /** Most lines the title may take; the rest is cut with an ellipsis. */
  maxLines: number;
  /** Largest and smallest font size, px. */
  maxSize: number;
  minSize: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** Height available to all the lines together, px. */
  height: number;
}

/** How a title is set: its font size, its lines, and whether it was cut short. */
export interface TitleFit {
  fontSize: number;
  lineHeight: number;
  lines: string[];
  truncated: boolean;
}

const ELLIPSIS = '…';
const STEP = 2;

/**
 * Makes text drawable: composed (NFC, so `w` + U+0302 is one `ŵ`), control characters and characters no
 * bundled font covers (emoji, CJK) dropped, whitespace collapsed.
 */
export const normaliseText = (text: string) =>
  [...text.normalize('NFC')]
    // Control characters are exactly what is matched here, so the rule against them in patterns does not apply.
    // eslint-disable-next-line no-control-regex
    .map((char) => (/[\u0000-\u001f\u007f-\u009f]/.test(char) ? ' ' : isCovered(char) ? char : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

/** Splits a word wider than the line into pieces that fit, as CSS `overflow-wrap: break-word` does. */
function breakWord(word: string, width: number, fontSize: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece && measure(piece + char, fontSize) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Greedy line breaking at spaces, breaking any word too long for a line. */
export function wrap(text: string, width: number, fontSize: number, measure: Measure = measureTitle): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of normaliseText(text).split(' ')) {
    if (!word) continue;
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate, fontSize) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    if (measure(word, fontSize) <= width) {
      line = word;
      continue;
    }
    const pieces = breakWord(word, width, fontSize, measure);
    lines.push(...pieces.slice(0, -1));
    line = pieces.at(-1) ?? '';
  }
  if (line) lines.push(line);
  return lines;
}

/** Cuts the last kept line so that it and an ellipsis fit the width. */
function withEllipsis(line: string, width: number, fontSize: number, measure: Measure): string {
  let kept = line;
  while (kept && measure(`${kept}${ELLIPSIS}`, fontSize) > width) kept = [...kept].slice(0, -1).join('');
  // Cut at a word boundary when one is near, so the ellipsis does not split a short word.
  const space = kept.lastIndexOf(' ');
  if (space > kept.length * 0.6) kept = kept.slice(0, space);
  return `${kept.replace(/[\s,.;:–—-]+$/, '')}${ELLIPSIS}`;
}

/**
 * Sets a title in the largest size at which it fits `box.maxLines`; a title that does not fit even at
 * `box.minSize` is cut to `box.maxLines` lines ending in an ellipsis. Pure: measures with `measure`.
 */
export function fitTitle(title: string, box: FitBox, measure: Measure = measureTitle): TitleFit {
  const text = normaliseText(title);
  for (let size = box.maxSize; size >= box.minSize; size -= STEP) {
    const lines = wrap(text, box.width, size, measure);
    if (lines.length <= box.maxLines && lines.length * size * box.lineHeight <= box.height)
      return { fontSize: size, lineHeight: box.lineHeight, lines, truncated: false };
  }
  const size = box.minSize;
  const room = Math.max(1, Math.min(box.maxLines, Math.floor(box.height / (size * box.lineHeight))));
  const lines = wrap(text, box.width, size, measure).slice(0, room);
  lines[lines.length - 1] = withEllipsis(lines.at(-1) ?? '', box.width, size, measure);
  return { fontSize: size, lineHeight: box.lineHeight, lines, truncated: true };
}

/** Wraps text to at most `maxLines` lines, the last cut with an ellipsis when the text does not fit. */
export function clampLines(
  text: string,
  width: number,
  fontSize: number,
  maxLines: number,
  measure: Measure,
): string[] {
  const lines = wrap(text, width, fontSize, measure);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(`${kept[maxLines - 1]} ${lines[maxLines]}`, width, fontSize, measure);
  return kept;
}

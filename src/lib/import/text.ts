import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';

/** Decodes HTML entities left in a title or name (`Ysgol&#8217;s &amp; more` → `Ysgol’s & more`), keeping the typography as written. */
export function decodeEntities(text: string): string {
  if (!/[&<]/.test(text)) return text.trim();
  return toText(fromHtml(text.replace(/</g, '&lt;'), { fragment: true }))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The readable text of some HTML, on one line. */
export function htmlToPlainText(html: string): string {
  if (!html.trim()) return '';
  return toText(fromHtml(html, { fragment: true }))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Up to `max` characters of text, cut at a sentence end where possible, else at a word. */
export function firstSentences(text: string, max = 280, min = 50): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  let cut = 0;
  for (const match of clean.matchAll(/[.!?…](?=\s)/g)) {
    if (match.index + 1 > max) break;
    cut = match.index + 1;
  }
  if (cut >= min) return clean.slice(0, cut);
  const space = clean.lastIndexOf(' ', max - 1);
  return `${clean.slice(0, space > min ? space : max - 1).replace(/[,;:\s]+$/, '')}…`;
}

import { smartypantsu } from 'smartypants';

// SmartyPants reads HTML: it skips anything that looks like a tag and turns backslash escapes into
// entities. Text here is plain, so those characters are hidden from it and put back after.
const hidden: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\\': '&#92;' };
const shown: Record<string, string> = { amp: '&', lt: '<', gt: '>', '#92': '\\' };
const hide = (text: string) => text.replace(/[&<>\\]/g, (c) => hidden[c]!);
const show = (text: string) => text.replace(/&(amp|lt|gt|#92);/g, (_, name: string) => shown[name]!);

/** Curly quotes only: each straight quote becomes one curly one, so the text keeps its length. */
export const educateQuotes = (text: string) => show(smartypantsu(hide(text), 'q'));
/** `--` to an en dash, `---` to an em dash, `...` to an ellipsis. */
export const educateDashes = (text: string) => show(smartypantsu(hide(text), 'De'));

/** Parts of a line that are typed exactly: `code`, web addresses and email addresses. */
const literal = /`[^`]*`|\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+/g;

/**
 * Curly quotes, dashes and ellipses in a line of plain text written by a person (a title, a description,
 * a rule, a name), leaving code and addresses as typed. Quotes are paired across the whole line, so a
 * quote before some code still pairs with the one after it. The one function every page, feed, card and
 * search record uses for such text; post bodies get the same from `remark-typography`.
 */
export function typeset(text: string): string {
  if (!/['"]|--|\.\.\./.test(text)) return text;
  const parts: { text: string; literal: boolean }[] = [];
  let at = 0;
  for (const match of text.matchAll(literal)) {
    if (match.index > at) parts.push({ text: text.slice(at, match.index), literal: false });
    parts.push({ text: match[0], literal: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), literal: false });
  // A literal stands in as letters of the same length, so quotes pair around it and offsets stay put.
  const quoted = educateQuotes(parts.map((p) => (p.literal ? 'A'.repeat(p.text.length) : p.text)).join(''));
  let offset = 0;
  return parts
    .map((part) => {
      const start = offset;
      offset += part.text.length;
      return part.literal ? part.text : educateDashes(quoted.slice(start, offset));
    })
    .join('');
}

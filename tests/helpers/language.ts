import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeType, type HTMLElement, type Node } from 'node-html-parser';
import { root } from './build.ts';

const table = (lang: string) =>
  JSON.parse(readFileSync(join(root, 'src/i18n', `${lang}.json`), 'utf8')) as Record<string, string>;

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const hasWords = (text: string) => /\p{L}{2}/u.test(text);

/**
 * Patterns for every English interface string, as the site writes them: the whole string with any text for its
 * placeholders (`{count} min read` matches `4 min read`), and each literal piece between placeholders on its own
 * (where a placeholder is a link, the text around it is a node of its own). Strings the Welsh table shares
 * (brand names) and strings made almost only of placeholders (`{town}, {region}`) are left out.
 */
export function englishInterfacePatterns(): RegExp[] {
  const welsh = new Set(Object.values(table('cy')).map(normalise));
  const patterns = new Map<string, RegExp>();
  for (const [key, raw] of Object.entries(table('en'))) {
    if (key === 'locale' || key.startsWith('month.') || key === 'date.long') continue;
    const text = normalise(raw);
    if (welsh.has(text)) continue;
    const pieces = text.split(/\{\w+\}/);
    // A string that is nearly all placeholders (`{name}, {role} at {place}. {bio}`) matches any sentence.
    if (pieces.length > 1 && pieces.join('').replace(/[^\p{L}]/gu, '').length < 5) continue;
    if (!pieces.some(hasWords)) continue;
    patterns.set(text, new RegExp(`^${pieces.map(escapeRegExp).join('.+?')}$`, 'su'));
    if (pieces.length > 1) {
      for (const piece of pieces.map((p) => normalise(p.replace(/^[\s,.:;—–]+|[\s,.:;—–]+$/g, '')))) {
        if (hasWords(piece) && !welsh.has(piece))
          patterns.set(piece, new RegExp(`^${escapeRegExp(piece)}[.,:;]?$`, 'u'));
      }
    }
  }
  return [...patterns.values()];
}

const patterns = englishInterfacePatterns();

const attributes = ['aria-label', 'placeholder', 'alt', 'title'];
const describingMeta = ['description', 'og:description', 'og:image:alt', 'twitter:image:alt'];

/**
 * English interface strings in the parts of a page that speak `lang` (Welsh), outside the post's own words:
 * text nodes and labelling attributes whose nearest `lang` is `lang` and that read as an English interface string. Parts marked as another language (the network's
 * English tagline, an English post's title in a list) and the post body (`.prose`) are the writers' words.
 */
export function englishInterfaceText(document: HTMLElement, lang = 'cy'): string[] {
  const found: string[] = [];
  const check = (raw: string, where: string) => {
    const text = normalise(raw);
    if (patterns.some((pattern) => pattern.test(text))) found.push(`${where}: "${text.slice(0, 120)}"`);
  };
  const walk = (node: Node, current: string | undefined, path: string) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      if (current === lang && node.text.trim()) check(node.text, path);
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const element = node as HTMLElement;
    const tag = element.rawTagName?.toLowerCase() ?? '';
    if (['script', 'style', 'template'].includes(tag)) return;
    if (element.classList?.contains('prose')) return;
    // Search metadata holds the writers' words (topic and school names) for the index, never shown.
    if (element.hasAttribute?.('hidden') && element.hasAttribute('data-pagefind-ignore')) return;
    const own = element.getAttribute?.('lang');
    const here = own ? own.split('-')[0]!.toLowerCase() : current;
    const where = `${path} > ${tag}${element.id ? `#${element.id}` : ''}`;
    if (here === lang) {
      for (const name of attributes) {
        const value = element.getAttribute?.(name);
        if (value) check(value, `${where}[${name}]`);
      }
      const described = element.getAttribute?.('name') ?? element.getAttribute?.('property');
      if (tag === 'meta' && described && describingMeta.includes(described)) {
        check(element.getAttribute('content') ?? '', `${where}[${described}]`);
      }
    }
    for (const child of element.childNodes) walk(child, here, tag ? where : path);
  };
  walk(document, undefined, '');
  return found;
}

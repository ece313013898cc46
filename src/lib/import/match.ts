import slugify from '@sindresorhus/slugify';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import type { PostKind } from '../../schemas/post.ts';
import { extractRules, findRuleList } from '../rules.ts';
import type { SourceAuthor, SourceTerm } from './model.ts';

export interface KnownAuthor {
  id: string;
  name: string;
  email?: string;
}

export interface KnownTopic {
  id: string;
  name: string;
}

/** Names repeat across thousands of posts (the same categories, the same authors): each is slugified once. */
const keys = new Map<string, string>();
const key = (text: string) => {
  let found = keys.get(text);
  if (found === undefined) {
    found = slugify(text.normalize('NFKC'));
    if (keys.size > 50_000) keys.clear();
    keys.set(text, found);
  }
  return found;
};

/** Finds an existing author for the export's author: by email, else by name (accents and case ignored). */
export function matchAuthor(author: SourceAuthor, known: readonly KnownAuthor[]): KnownAuthor | undefined {
  const email = author.email?.toLowerCase();
  if (email) {
    const byEmail = known.find((k) => k.email?.toLowerCase() === email);
    if (byEmail) return byEmail;
  }
  const name = key(author.name);
  return known.find((k) => key(k.name) === name || k.id === name);
}

/** Categories that only say a post was not filed. */
const NOISE = new Set([
  'uncategorized',
  'uncategorised',
  'unsorted',
  'general',
  'misc',
  'miscellaneous',
  'other',
  'blog',
  'posts',
  'post',
]);

const singular = (word: string) => word.replace(/ies$/, 'y').replace(/(?<!s)s$/, '');

/** The names each topic answers to, worked out once per list of topics. */
const topicKeyCache = new WeakMap<readonly KnownTopic[], Map<string, string>>();
function topicKeys(topics: readonly KnownTopic[]): Map<string, string> {
  const cached = topicKeyCache.get(topics);
  if (cached) return cached;
  const byKey = new Map<string, string>();
  for (const topic of topics) {
    byKey.set(topic.id, topic.id);
    byKey.set(key(topic.name), topic.id);
    byKey.set(singular(key(topic.name)), topic.id);
    // "SEND and ALN" also answers to "SEND"; "Professional development (CPD)" to both halves.
    for (const part of topic.name.split(/\s+(?:and|&)\s+|[()/,]/)) if (part.trim()) byKey.set(key(part), topic.id);
  }
  topicKeyCache.set(topics, byKey);
  return byKey;
}

/**
 * Sorts a post's categories and tags: those naming a topic of the network (by id or name, case and plurals
 * ignored) become topics, noise such as "Uncategorized" is dropped, the rest are kept as tags.
 */
export function sortTerms(
  terms: readonly SourceTerm[],
  topics: readonly KnownTopic[],
): { topics: string[]; tags: string[]; dropped: string[] } {
  const byKey = topicKeys(topics);
  const out = { topics: [] as string[], tags: [] as string[], dropped: [] as string[] };
  for (const term of terms) {
    const name = term.name.trim();
    const k = key(name);
    if (!k || NOISE.has(k) || /^https?:/.test(name)) {
      if (name) out.dropped.push(name);
      continue;
    }
    const topic = byKey.get(k) ?? byKey.get(singular(k));
    if (topic) {
      if (!out.topics.includes(topic)) out.topics.push(topic);
    } else if (!out.tags.some((tag) => tag.toLowerCase() === name.toLowerCase())) out.tags.push(name);
  }
  return out;
}

/** A title that announces a list: "Seven rules for…", "10 things…", "Pum peth…", "Rheolau…". */
const RULES_TITLE =
  /\b(?:rules?|tips|lessons|principles|ways|things|steps|habits|commandments|pointers|truths|reasons|do'?s|rheolau|awgrymiadau|gwersi|peth|pethau|ffordd|ffyrdd)\b|\b(?:\d{1,2}|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|tri|tair|pedwar|pedair|pump|pum|chwech|saith|wyth|naw|deg)\b/i;
const CASE_STUDY = /\bcase[- ]stud(?:y|ies)\b/i;

export interface KindGuess {
  kind: PostKind;
  /** Set when the post reads like a case study: imported as a reflection, with what to add. */
  caseStudy: boolean;
}

/**
 * Rules of thumb when the post is mostly a numbered list and its title says so ("Seven rules for…",
 * "Ten things I learned"); otherwise a reflection. A case study needs facts the export does not have
 * (setting, period, outcomes), so it is imported as a reflection and flagged.
 */
export function guessKind(title: string, markdown: string, parsed?: Root): KindGuess {
  const tree =
    parsed ?? (fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as Root);
  const text = toString(tree).replace(/\s+/g, ' ');
  const caseStudy = CASE_STUDY.test(title) || CASE_STUDY.test(text.slice(0, 600));
  const list = findRuleList(tree);
  if (list && RULES_TITLE.test(title) && list.children.length >= 3) {
    const listText = toString(list).replace(/\s+/g, ' ');
    if (listText.length >= text.length * 0.5 && extractRules(markdown).length >= 3)
      return { kind: 'rules-of-thumb', caseStudy };
  }
  return { kind: 'reflection', caseStudy };
}

/** A slug from the old address's own slug, else the title: lower-case words, transliterated, at most 80 characters. */
export function slugFor(hint: string | undefined, title: string): string {
  const base = slugify(hint || title || 'post')
    .slice(0, 80)
    .replace(/-+$/, '');
  return base || 'post';
}

/** The first free slug: `slug`, `slug-2`, `slug-3`… */
export function freeSlug(slug: string, taken: (candidate: string) => boolean): string {
  if (!taken(slug)) return slug;
  let n = 2;
  while (taken(`${slug}-${n}`)) n++;
  return `${slug}-${n}`;
}

/**
 * Turns typed answers into values the content schemas accept, or into a reason a school business manager can act
 * on. Every value is checked with the same schema the build uses, so an answer accepted here never fails the build.
 */
import type { z } from 'astro/zod';
import { colourWarnings } from '../colour.ts';
import { didYouMean } from '../network/suggest.ts';
import { slugOf } from '../check/new-post.ts';
import { email, hexColour, url } from '../../schemas/common.ts';

/** An accepted value, or why the answer cannot be used. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const no = (reason: string): Parsed<never> => ({ ok: false, reason });

/** The first message a schema gives for a value, with Zod's own wording replaced by the project's. */
function schemaReason(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : (result.error.issues[0]?.message ?? 'is not accepted');
}

/** Any non-empty line of text. */
export function text(answer: string): Parsed<string> {
  const value = answer.trim().replace(/\s+/g, ' ');
  return value ? ok(value) : no('this one cannot be left empty');
}

/** A name that files are named after: it needs letters or digits, and its id must not be taken already. */
export function name(
  answer: string,
  taken: readonly string[] = [],
  what = 'one',
): Parsed<{ name: string; id: string }> {
  const value = text(answer);
  if (!value.ok) return value;
  const id = slugOf(value.value);
  if (!id) return no('the name needs some letters or digits');
  if (taken.includes(id)) return no(`there is already ${what} called "${id}": give a different name`);
  return ok({ name: value.value, id });
}

/** The public address of a site: a full `https://` address, as the schemas require. */
export function address(answer: string): Parsed<string> {
  const value = answer.trim();
  if (!value) return no('type the web address people will use, e.g. https://schools.example.org');
  if (/^http:\/\//i.test(value)) {
    return no(`starts with http://: use the secure form, ${value.replace(/^http:/i, 'https:')}`);
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    return no(`needs https:// in front: type it in full, e.g. https://${value.replace(/^\/+/, '')}`);
  }
  const reason = schemaReason(url, value);
  if (reason) return no(`"${value}" ${reason}`);
  const parsed = new URL(value);
  if (!parsed.hostname.includes('.')) return no(`"${value}" is not a full web address: it needs a dot, as in .org`);
  return ok(value.replace(/\/+$/, ''));
}

/** An email address, as the schemas require. */
export function emailAddress(answer: string): Parsed<string> {
  const value = answer.trim();
  const reason = schemaReason(email, value);
  return reason ? no(`"${value}" ${reason}`) : ok(value);
}

/**
 * A brand colour: `#1d4e89`, `1d4e89` or `#14b`. Any colour is shown as declared where it fills an area, with
 * black or white text on it, and adjusted only where it is text; a colour is refused only for what the check
 * would warn about (`colourWarnings`), which is a colour that cannot be made readable at all.
 */
export function colour(answer: string): Parsed<string> {
  let value = answer.trim().toLowerCase();
  if (!value.startsWith('#')) value = `#${value}`;
  if (/^#[0-9a-f]{3}$/.test(value)) value = `#${[...value.slice(1)].map((digit) => digit + digit).join('')}`;
  const reason = schemaReason(hexColour, value);
  if (reason) return no(`"${answer.trim()}" ${reason}`);
  const [warning] = colourWarnings(value);
  return warning ? no(warning) : ok(value);
}

export interface Choice<T extends string> {
  value: T;
  /** What a person calls it, e.g. `Multi-academy trust`. */
  label: string;
}

/** One of a numbered list: the number, the label or the value all work, in any case. */
export function choice<T extends string>(answer: string, choices: readonly Choice<T>[]): Parsed<T> {
  const value = answer.trim().toLowerCase();
  const byNumber = /^\d+$/.test(value) ? choices[Number(value) - 1] : undefined;
  const found =
    byNumber ??
    choices.find(
      (item) => item.value.toLowerCase() === value || item.label.toLowerCase() === value.replace(/\s+/g, ' '),
    );
  if (found) return ok(found.value);
  const names = choices.map((item) => item.value);
  return no(
    `"${answer.trim()}" is not one of the choices${didYouMean(value.replace(/\s+/g, '-'), names)}: ` +
      `type a number from 1 to ${choices.length}, or one of ${names.join(', ')}`,
  );
}

/** Comma-separated items, blanks dropped. */
export function split(answer: string): string[] {
  return answer
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Several ids picked from a numbered list, by number or id; an empty answer picks none. */
export function pick(answer: string, known: readonly Choice<string>[], what: string): Parsed<string[]> {
  const picked: string[] = [];
  for (const item of split(answer)) {
    const found = choice(item, known);
    if (!found.ok) {
      const ids = known.map((entry) => entry.value);
      return no(
        `"${item}" is not ${what}${didYouMean(item, ids)}: type numbers from 1 to ${known.length}, or ids such as ${ids[0]}`,
      );
    }
    if (!picked.includes(found.value)) picked.push(found.value);
  }
  return ok(picked);
}

/** Topic names, comma-separated: at least `min`, each with its own id, none already taken. */
export function topicNames(
  answer: string,
  taken: readonly string[] = [],
  min = 1,
): Parsed<{ name: string; id: string }[]> {
  const items = split(answer);
  if (items.length < min) {
    return no(
      min === 1
        ? 'type at least one topic, e.g. Leadership'
        : `type at least ${min} topics separated by commas, e.g. Leadership, Curriculum, Wellbeing`,
    );
  }
  const topics: { name: string; id: string }[] = [];
  for (const item of items) {
    const named = name(item, [...taken, ...topics.map((topic) => topic.id)], 'a topic');
    if (!named.ok) return no(`"${item}": ${named.reason}`);
    topics.push({ name: named.value.name.charAt(0).toUpperCase() + named.value.name.slice(1), id: named.value.id });
  }
  return ok(topics);
}

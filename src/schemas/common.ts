import { z } from 'astro/zod';
import { asWritten } from '../lib/check/dates.ts';

/** A kebab-case id as used for file names and references, e.g. `castle-fields`. */
export const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, e.g. "castle-fields"');

/** An absolute http(s) URL, e.g. `https://www.example.sch.uk`. */
export const url = z.url({ protocol: /^https?$/, error: 'must be a full web address starting with https://' });

/** A hex colour, e.g. `#1d4e89`; the short form `#c03` means `#cc0033`. */
export const hexColour = z
  .string()
  .trim()
  .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'must be a hex colour such as "#1d4e89", in quotes')
  .transform((value) =>
    (value.length === 4 ? `#${[...value.slice(1)].map((digit) => digit + digit).join('')}` : value).toLowerCase(),
  );

/**
 * A date as written, `2025-03-14` or with a time: the day shown is the day written, whatever time zone the
 * writer added (see `asWritten`).
 */
export const writtenDate = z.preprocess(
  (value) => (typeof value === 'string' ? (asWritten(value) ?? value) : value),
  z.coerce.date(),
);

/** true or false; `"true"` and `"false"` in quotes mean the same, as writers coming from other tools expect. */
export const flag = z.preprocess(
  (value) => (typeof value === 'string' && /^(true|false)$/i.test(value.trim()) ? /^true$/i.test(value.trim()) : value),
  z.boolean(),
);

/** A BCP 47 language tag, e.g. `en`, `en-GB` or `cy`. */
export const lang = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language code such as "en-GB" or "cy"');

export const email = z.email({ error: 'must be an email address such as "head@example.sch.uk"' });

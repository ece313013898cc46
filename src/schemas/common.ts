import { z } from 'astro/zod';

/** A kebab-case id as used for file names and references, e.g. `castle-fields`. */
export const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, e.g. "castle-fields"');

/** An absolute http(s) URL, e.g. `https://www.example.sch.uk`. */
export const url = z.url({ protocol: /^https?$/, error: 'must be a full web address starting with https://' });

/** A six-digit hex colour, e.g. `#1d4e89`. */
export const hexColour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a six-digit hex colour such as "#1d4e89"')
  .transform((value) => value.toLowerCase());

/** A BCP 47 language tag, e.g. `en`, `en-GB` or `cy`. */
export const lang = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language code such as "en-GB" or "cy"');

export const email = z.email({ error: 'must be an email address such as "head@example.sch.uk"' });

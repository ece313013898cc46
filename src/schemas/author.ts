import { z } from 'astro/zod';
import { email, id, lang, url } from './common.ts';

/** `content/authors/<id>.yaml`: someone who writes. An independent adviser has neither school nor family. */
export const authorSchema = z.strictObject({
  name: z.string().min(1),
  /** e.g. `Headteacher`, `Executive Head`, `SENCo`. */
  role: z.string().min(1),
  school: id.optional(),
  family: id.optional(),
  bio: z.string().min(1),
  /** The language `role` and `bio` are written in, e.g. `cy` (default: the author's school's, else the network's). */
  lang: lang.optional(),
  /**
   * The role and bio in other languages, by language code, e.g. `en: { role: Headteacher, bio: … }`: pages in
   * that language show them (a bilingual head's English posts and Welsh posts each introduce her in their own).
   */
  translations: z
    .record(lang, z.strictObject({ role: z.string().min(1).optional(), bio: z.string().min(1) }))
    .optional(),
  /** A photo of the author beside the YAML file, e.g. `./amy-jukes.jpg`: shown on author boxes, pages and cards. */
  avatar: z.string().min(1).optional(),
  /** What the photo shows, for someone who cannot see it (default: the author's name). */
  avatarAlt: z.string().trim().min(1).optional(),
  /** Enables "reply by email" on this author's posts. */
  email: email.optional(),
  links: z
    .strictObject({
      website: url.optional(),
      mastodon: url.optional(),
      bluesky: url.optional(),
      linkedin: url.optional(),
      x: url.optional(),
    })
    .default({}),
});

export type AuthorData = z.infer<typeof authorSchema>;

import { z } from 'astro/zod';
import { email, id, url } from './common.ts';

/** `content/authors/<id>.yaml`: someone who writes. An independent adviser has neither school nor family. */
export const authorSchema = z.strictObject({
  name: z.string().min(1),
  /** e.g. `Headteacher`, `Executive Head`, `SENCo`. */
  role: z.string().min(1),
  school: id.optional(),
  family: id.optional(),
  bio: z.string().min(1),
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

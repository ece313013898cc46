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
  /** Path of an avatar image beside the YAML file. */
  avatar: z.string().optional(),
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

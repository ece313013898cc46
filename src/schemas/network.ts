import { z } from 'astro/zod';
import { email, lang, url } from './common.ts';
import { editorSchema } from './editor.ts';

/** A partner network whose Pagefind index is merged into search. */
export const partnerSchema = z.strictObject({
  /** Shown beside each result from this network, e.g. `Northern Schools Commonroom`. */
  name: z.string().min(1),
  /** The partner site's root, e.g. `https://northern.commonroom.example.org`. */
  url,
});

/** `content/network.yaml`: the network as a whole. */
export const networkSchema = z.strictObject({
  /** e.g. `Borderlands Commonroom` */
  name: z.string().min(1),
  /** One line under the name on the home page. */
  tagline: z.string().min(1),
  /** The public address of the whole network, e.g. `https://commonroom.example.org`. */
  site: url,
  /** Default language of posts, e.g. `en-GB`. */
  lang: lang.default('en-GB'),
  /** Two or three sentences for the home page, feeds and search engines. */
  description: z.string().min(1),
  /** Where readers write to the network's editors. */
  contact: email.optional(),
  /** Default "reply by email" address when an author declares none. */
  replyTo: email.optional(),
  /** Markdown for the About page. */
  about: z.string().optional(),
  /** Networks searched alongside this one. */
  partners: z.array(partnerSchema).default([]),
  /** When true, a post with photos must say that everyone in them is covered by consent (`photoConsent`). */
  requirePhotoConsent: z.boolean().default(false),
  /** Images larger than this many megabytes get a warning (they slow the build and a writer's upload). */
  imageSizeLimitMB: z.number().positive().default(10),
  /** Where the browser editor at `/admin/` commits: see docs/editor.md. */
  editor: editorSchema.optional(),
});

export type NetworkData = z.infer<typeof networkSchema>;

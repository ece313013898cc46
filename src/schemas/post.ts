import { z } from 'astro/zod';
import { flag, id, lang, url, writtenDate } from './common.ts';

export const postKinds = ['reflection', 'case-study', 'rules-of-thumb'] as const;

/** The "at a glance" block of a case study. */
export const caseStudySchema = z.strictObject({
  /** e.g. `Two-form entry primary, 38% pupil premium`. */
  setting: z.string().min(1),
  /** e.g. `September 2023 – July 2024`. */
  period: z.string().min(1),
  /** School ids (linked) or plain names of partners. */
  partners: z.array(z.string().min(1)).default([]),
  focus: z.string().min(1),
  outcomes: z.array(z.string().min(1)).min(1, 'a case study needs at least one outcome'),
  evidence: z
    .array(
      z.union([
        url.transform((href) => ({ title: href, url: href })),
        z.strictObject({ title: z.string().min(1), url }),
      ]),
    )
    .default([]),
});

/**
 * Front matter of `content/posts/<publisher>/<slug>.mdx`.
 * `image` is Astro's image schema in the content layer and a plain string schema in unit tests.
 */
export function postSchema<Image extends z.ZodType>(image: Image) {
  const base = z.strictObject({
    title: z.string().trim().min(1),
    /** Used for cards, feeds and search: one or two sentences. */
    description: z.string().trim().min(1),
    date: writtenDate,
    updated: writtenDate.optional(),
    /** Author ids, first is the lead author. */
    authors: z.array(id).min(1, 'a post needs at least one author'),
    topics: z.array(id).min(1, 'a post needs at least one topic'),
    tags: z.array(z.string().min(1)).default([]),
    /** Which of the publishing school's families the post is shared with; defaults to all of them. */
    families: z.array(id).optional(),
    lang: lang.optional(),
    /** The post this one translates, as `<publisher>/<slug>`: the two pages link to each other. */
    translationOf: z
      .string()
      .regex(
        /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/,
        'write it as <publisher>/<slug>, e.g. "ysgol-bryn-derw/darllen"',
      )
      .optional(),
    /** Posts with the same key are one text in several languages (instead of `translationOf`). */
    // A form's empty box (the browser editor writes `translationKey: ''`) means no key, not a bad one.
    translationKey: z.preprocess((value) => (value === '' ? undefined : value), id.optional()),
    hero: image.optional(),
    heroAlt: z.string().trim().min(1).optional(),
    /**
     * That everyone in the post's photos is covered by the school's photo consent: `true` for all of them, or the
     * images that show people, e.g. `[./trip.jpg]` (`[]` when its images show nobody).
     */
    photoConsent: z.union([z.boolean(), z.array(z.string().min(1))]).optional(),
    /** Posts sharing a series id are linked as parts, in date order. */
    series: id.optional(),
    seriesTitle: z.string().min(1).optional(),
    /** Where the post was first published, when that was elsewhere. */
    canonical: url.optional(),
    /** The address the post had on the blog it was imported from (`npm run import`): kept for re-imports and redirects. */
    importedFrom: url.optional(),
    /** The feed id the post had there, kept in this network's feeds so subscribers do not see it twice. */
    guid: z
      .string()
      .regex(
        /^[a-z][a-z0-9+.-]*:\S+$/i,
        'must be the id the old feed gave the post, e.g. "tag:blogger.com,1999:blog-1.post-2"',
      )
      .optional(),
    featured: flag.default(false),
    draft: flag.default(false),
  });

  return z
    .discriminatedUnion('kind', [
      base.extend({ kind: z.literal('reflection') }),
      base.extend({ kind: z.literal('case-study'), caseStudy: caseStudySchema }),
      base.extend({ kind: z.literal('rules-of-thumb') }),
    ])
    .superRefine((post, ctx) => {
      if (post.hero !== undefined && !post.heroAlt) {
        ctx.addIssue({
          code: 'custom',
          path: ['heroAlt'],
          message: 'a hero image needs heroAlt: describe the image for someone who cannot see it',
        });
      }
      if (post.updated && post.updated < post.date) {
        ctx.addIssue({
          code: 'custom',
          path: ['updated'],
          message: `${post.updated.toISOString().slice(0, 10)} is before the post's date (${post.date.toISOString().slice(0, 10)}): updated is the day you last changed the post, so it comes on or after date`,
        });
      }
    });
}

export type PostKind = (typeof postKinds)[number];
export type CaseStudy = z.infer<typeof caseStudySchema>;
export type PostData = z.infer<ReturnType<typeof postSchema<z.ZodString>>>;

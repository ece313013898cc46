import { z } from 'astro/zod';
import { url } from './common.ts';

/** One comment kept from the original blog: who (display name only), when, what, and what it replied to. */
export const archivedCommentSchema = z.strictObject({
  /** The original blog's id for the comment, used for threading. */
  id: z.string().min(1),
  /** The id of the comment this one replied to. */
  parent: z.string().min(1).optional(),
  /** The commenter's display name; never an email address. */
  name: z.string().trim().min(1),
  date: z.coerce.date(),
  /** The comment as Markdown (any HTML it had is not carried over). */
  text: z.string().min(1),
});

/** A page that linked to the post (a pingback or trackback). */
export const mentionSchema = z.strictObject({
  title: z.string().trim().min(1),
  url,
  date: z.coerce.date().optional(),
});

/**
 * `content/posts/<publisher>/<slug>.comments.yaml`: the comments a post had on the blog it was imported
 * from, shown read-only below it as "Comments from the original blog".
 */
export const commentsSchema = z
  .strictObject({
    /** Where the comments were written, e.g. `https://headsup.wordpress.com/2019/03/reading/`. */
    from: url.optional(),
    comments: z.array(archivedCommentSchema).default([]),
    mentions: z.array(mentionSchema).default([]),
  })
  .superRefine((data, ctx) => {
    const ids = new Set<string>();
    data.comments.forEach((comment, index) => {
      if (ids.has(comment.id))
        ctx.addIssue({ code: 'custom', path: ['comments', index, 'id'], message: `"${comment.id}" is used twice` });
      ids.add(comment.id);
    });
    data.comments.forEach((comment, index) => {
      if (comment.parent && !ids.has(comment.parent))
        ctx.addIssue({
          code: 'custom',
          path: ['comments', index, 'parent'],
          message: `"${comment.parent}" is not the id of a comment in this file`,
        });
      if (/@[\w-]+\.[\w.-]+/.test(comment.name) && /^\S+@\S+$/.test(comment.name.trim()))
        ctx.addIssue({
          code: 'custom',
          path: ['comments', index, 'name'],
          message: 'looks like an email address: write the commenter’s name instead, never their email',
        });
    });
  });

export type CommentsData = z.infer<typeof commentsSchema>;
export type ArchivedComment = z.infer<typeof archivedCommentSchema>;

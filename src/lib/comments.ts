import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { gfm } from 'micromark-extension-gfm';
import { parse } from 'yaml';
import { commentsSchema, type ArchivedComment, type CommentsData } from '../schemas/comments.ts';
import { contentHash } from './content-hash.ts';
import type { RawEntry } from './network/types.ts';

const ARCHIVE = /\.comments\.ya?ml$/;

/**
 * The comment archives of imported posts (`posts/<publisher>/<slug>.comments.yaml`), each with the id of its
 * post. Read directly rather than as a content collection: most networks have none, and an empty collection
 * makes Astro warn on every build. `npm run check` (run before every build) reports invalid archives by line.
 */
export function readCommentArchives(contentRoot: string): RawEntry<CommentsData>[] {
  const postsDir = join(contentRoot, 'posts');
  if (!existsSync(postsDir)) return [];
  const entries: RawEntry<CommentsData>[] = [];
  for (const publisher of readdirSync(postsDir, { withFileTypes: true })) {
    if (!publisher.isDirectory() || publisher.name.startsWith('.')) continue;
    for (const name of readdirSync(join(postsDir, publisher.name))) {
      if (!ARCHIVE.test(name)) continue;
      const filePath = join(postsDir, publisher.name, name);
      const text = readFileSync(filePath, 'utf8');
      const parsed = commentsSchema.safeParse(parse(text.replace(/^\uFEFF/, '')) ?? {});
      if (!parsed.success) throw new Error(`${filePath} is not a valid comment archive: run npm run check`);
      entries.push({
        id: `${publisher.name}/${name.replace(ARCHIVE, '')}`,
        data: parsed.data,
        filePath,
        digest: contentHash(text),
      });
    }
  }
  return entries;
}

/** A comment with the replies to it, oldest first. */
export interface CommentThread {
  comment: ArchivedComment;
  replies: CommentThread[];
}

/** Threads comments by `parent`; a reply whose parent is missing is shown at the top level. */
export function threadComments(comments: readonly ArchivedComment[]): CommentThread[] {
  const byId = new Map(comments.map((comment) => [comment.id, { comment, replies: [] as CommentThread[] }]));
  const top: CommentThread[] = [];
  const oldestFirst = [...byId.values()].sort((a, b) => a.comment.date.getTime() - b.comment.date.getTime());
  for (const thread of oldestFirst) {
    const parent = thread.comment.parent ? byId.get(thread.comment.parent) : undefined;
    (parent && parent !== thread ? parent.replies : top).push(thread);
  }
  return top;
}

/**
 * A comment's Markdown as HTML for the page. Raw HTML in the text is dropped, never passed through, so an
 * archived comment cannot carry a script or markup into the site; links are marked as left by a commenter.
 */
export function commentHtml(markdown: string): string {
  const mdast = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const hast = toHast(mdast, { allowDangerousHtml: false }) as HastRoot;
  const visit = (node: HastRoot | HastRoot['children'][number]) => {
    if (node.type === 'element' && node.tagName === 'a') node.properties.rel = ['nofollow', 'ugc'];
    if (node.type === 'element' && node.tagName === 'img') {
      // Comment pictures were never fetched: keep their description, load nothing from elsewhere.
      Object.assign(node, {
        tagName: 'span',
        properties: {},
        children: [{ type: 'text', value: String(node.properties.alt ?? '') }],
      });
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(hast);
  return toHtml(hast);
}

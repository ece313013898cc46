import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { gfm } from 'micromark-extension-gfm';
import type { ArchivedComment } from '../schemas/comments.ts';

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

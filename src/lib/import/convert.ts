import type { Root as MdastRoot } from 'mdast';
import { toString as mdastText } from 'mdast-util-to-string';
import { bodyToMarkdown, bodyToTree, type ParsedBody } from './html-to-markdown.ts';
import { guessKind, type KindGuess } from './match.ts';

export interface Converted extends KindGuess {
  markdown: string;
  /** The opening paragraphs as text, for a description when the export gives none. */
  opening: string;
}

/** Markdown from a parsed body (its pictures already saved), with what the front matter needs from it. */
export function convertBody(body: ParsedBody, title: string): Converted {
  const tree = bodyToTree(body);
  let markdown = bodyToMarkdown(tree);
  if (!markdown.trim()) markdown = '_This post had no text on the original blog._\n';
  return { markdown, ...guessKind(title, markdown, tree), opening: openingText(tree) };
}

/** The post's opening paragraphs as text, up to its first list or heading once there is a sentence or two. */
function openingText(tree: MdastRoot): string {
  const parts: string[] = [];
  let length = 0;
  for (const node of tree.children) {
    if (node.type !== 'paragraph') {
      if (length >= 50) break;
      continue;
    }
    const text = mdastText(node).replace(/\s+/g, ' ').trim();
    if (!text) continue;
    parts.push(text);
    length += text.length;
    if (length >= 280) break;
  }
  return parts.join(' ');
}

import { createProcessor } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';

/** A link or image found in a post body, at its position in the file. */
export interface BodyReference {
  type: 'link' | 'image';
  url: string;
  /** Alt text of an image. */
  alt?: string;
  line?: number;
  column?: number;
}

export type ParsedBody =
  | { ok: true; tree: Root; references: BodyReference[] }
  | { ok: false; line?: number; column?: number; message: string };

function references(tree: Root): BodyReference[] {
  const found: BodyReference[] = [];
  const at = (node: { position?: { start: { line: number; column: number } } | undefined }) =>
    node.position ? { line: node.position.start.line, column: node.position.start.column } : {};
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node) => {
    definitions.set(node.identifier, node.url);
  });
  visit(tree, (node) => {
    if (node.type === 'link') found.push({ type: 'link', url: node.url, ...at(node) });
    else if (node.type === 'image') found.push({ type: 'image', url: node.url, alt: node.alt ?? '', ...at(node) });
    else if (node.type === 'linkReference' && definitions.has(node.identifier)) {
      found.push({ type: 'link', url: definitions.get(node.identifier)!, ...at(node) });
    } else if (node.type === 'imageReference' && definitions.has(node.identifier)) {
      found.push({ type: 'image', url: definitions.get(node.identifier)!, alt: node.alt ?? '', ...at(node) });
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      if (node.name !== 'img') return;
      const attr = (name: string) => {
        const value = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
        return typeof value === 'string' ? value : value === undefined ? undefined : '{expression}';
      };
      const src = attr('src');
      if (src && src !== '{expression}') found.push({ type: 'image', url: src, alt: attr('alt') ?? '', ...at(node) });
    }
  });
  return found;
}

const mdxProcessor = createProcessor({ remarkPlugins: [remarkGfm] });

/**
 * Parses a post body. `text` is the whole file with its front matter blanked, so positions are file positions.
 * MDX is parsed with @mdx-js/mdx so syntax errors come with the line and column the build would stop at.
 */
export async function parseBody(text: string, mdx: boolean): Promise<ParsedBody> {
  if (!mdx) {
    const tree = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
    return { ok: true, tree, references: references(tree) };
  }
  let tree: Root;
  try {
    // Parsing is where MDX syntax errors (JSX, expressions, import/export) surface; no need to generate code.
    tree = mdxProcessor.parse(text) as Root;
  } catch (error) {
    const place = error as { line?: number; column?: number; reason?: string; message?: string };
    let reason = place.reason ?? place.message ?? String(error);
    let { line, column } = place;
    // micromark names the exact spot inside the message, e.g. "(12:13-12:21)": prefer it to the paragraph's start.
    const exact = /\s*\((\d+):(\d+)-\d+:\d+\)/.exec(reason);
    if (exact) {
      line = Number(exact[1]);
      column = Number(exact[2]);
      reason = reason.replace(exact[0], '');
    }
    return {
      ok: false,
      ...(line ? { line } : {}),
      ...(column ? { column } : {}),
      message: `MDX syntax error: ${reason}`,
    };
  }
  return { ok: true, tree, references: references(tree) };
}

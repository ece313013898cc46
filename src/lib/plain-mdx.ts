import type { Root } from 'mdast';
import { parseBody } from './check/markdown.ts';

/** Drops positions, which differ between two parses of the same text only in where they are kept. */
function shape(node: Root): string {
  return JSON.stringify(node, (key, value: unknown) => (key === 'position' ? undefined : value));
}

/**
 * Whether an `.mdx` post body is plain Markdown: no component, import, export, expression or HTML-like
 * tag, and read the same by MDX and by Markdown (MDX has no indented code, for one, so text indented four
 * spaces is a paragraph in MDX and code in Markdown). Such a post renders through the Markdown pipeline
 * with the same result, and need not be bundled as a module.
 */
export async function isPlainMdx(body: string): Promise<boolean> {
  const mdx = await parseBody(body, true);
  if (!mdx.ok) return false;
  const markdown = await parseBody(body, false);
  return markdown.ok && shape(mdx.tree) === shape(markdown.tree);
}

import type { Nodes, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { educateDashes, educateQuotes } from '../../lib/typography.ts';

/** Nodes whose text starts afresh: a quote at their start opens. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const LITERALS = new Set(['text', 'inlineCode']);
/** Elements written in MDX whose text is code, not prose: nothing inside them is changed. */
const IGNORED_ELEMENTS = new Set(['style', 'script', 'code', 'pre', 'kbd', 'samp', 'var']);

type Literal = Extract<Nodes, { value: string }>;

/**
 * Typographer's quotes, dashes and ellipses in prose, leaving code alone: inline code, code blocks, raw HTML
 * (Markdown's `html` nodes are never text) and MDX's script, style and code elements. Attributes are not text,
 * so they are never changed either. Quotes are decided on the
 * whole text of the post at once, so a quote outside a link or emphasis pairs with the one after it;
 * dashes and ellipses are then made within each piece of text.
 *
 * This does what Astro's built-in `smartypants` option does, with the SmartyPants library instead of a
 * natural-language parser, which made it the largest single cost of compiling a post.
 */
export default function remarkTypography() {
  return (tree: Root) => {
    const pieces: (Literal | null)[] = [];
    visit(tree, (node, _index, parent) => {
      if (!parent) return undefined;
      if (
        (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') &&
        IGNORED_ELEMENTS.has(node.name ?? '')
      ) {
        return SKIP;
      }
      if (LITERALS.has(node.type)) pieces.push(node as Literal);
      else if (BLOCKS.has(node.type)) pieces.push(null);
      return undefined;
    });
    // Code stands in as letters of the same length, a block start as a space; only text is changed.
    const all = educateQuotes(
      pieces
        .map((piece) => (piece === null ? ' ' : piece.type === 'text' ? piece.value : 'A'.repeat(piece.value.length)))
        .join(''),
    );
    let at = 0;
    for (const piece of pieces) {
      if (piece === null) {
        at += 1;
        continue;
      }
      const end = at + piece.value.length;
      if (piece.type === 'text') piece.value = educateDashes(all.slice(at, end));
      at = end;
    }
  };
}

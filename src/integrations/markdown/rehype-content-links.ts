import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Rewrites links written as network paths (`/schools/oak/why/`) through the URL module, so post bodies
 * keep working under a `base`, in a school's own site and in feeds.
 */
export default function rehypeContentLinks(options: { resolve: (href: string) => string }) {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      for (const attribute of ['href', 'src'] as const) {
        const value = node.properties[attribute];
        if (
          typeof value === 'string' &&
          value.startsWith('/') &&
          !value.startsWith('//') &&
          !value.startsWith('/_astro/')
        ) {
          node.properties[attribute] = options.resolve(value);
        }
      }
    });
  };
}

import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit, SKIP } from 'unist-util-visit';

const urlAttributes = ['href', 'src', 'poster', 'cite'] as const;

const absolute = (value: string, pageUrl: string) => {
  try {
    return new URL(value, pageUrl).href;
  } catch {
    return value;
  }
};

/** `srcset` candidates are URLs followed by an optional width or density. */
const absoluteSrcset = (value: string, pageUrl: string) =>
  value
    .split(',')
    .map((candidate) => {
      const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
      return [absolute(url, pageUrl), ...descriptor].join(' ');
    })
    .join(', ');

const isHeadingAnchor = (node: Element) => {
  const className = node.properties['className'];
  return node.tagName === 'a' && Array.isArray(className) && className.includes('anchor');
};

/**
 * Makes an HTML fragment stand on its own outside the site, as feed readers need it: every link and image
 * becomes absolute against the page it came from (`#note` becomes `<page>#note`), heading anchor links
 * (page chrome marked `aria-hidden`) and Astro's scoping attributes are removed, and scripts are dropped.
 */
export function absoluteHtml(html: string, pageUrl: string): string {
  const tree: Root = fromHtml(html, { fragment: true });
  visit(tree, 'element', (node, index, parent) => {
    if (parent && index !== undefined && (node.tagName === 'script' || isHeadingAnchor(node))) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    for (const name of Object.keys(node.properties)) {
      if (name.startsWith('dataAstro')) delete node.properties[name];
    }
    for (const name of urlAttributes) {
      const value = node.properties[name];
      if (typeof value === 'string') node.properties[name] = absolute(value, pageUrl);
    }
    for (const name of ['srcSet', 'imageSrcSet'] as const) {
      const value = node.properties[name];
      if (Array.isArray(value)) node.properties[name] = absoluteSrcset(value.join(', '), pageUrl);
      else if (typeof value === 'string') node.properties[name] = absoluteSrcset(value, pageUrl);
    }
    return undefined;
  });
  return toHtml(tree);
}

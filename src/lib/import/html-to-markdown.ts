import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { fromParse5 } from 'hast-util-from-parse5';
import { parseFragment } from 'parse5';
import { toMdast } from 'hast-util-to-mdast';
import { toText } from 'hast-util-to-text';
import type {
  FootnoteDefinition,
  FootnoteReference,
  Nodes as MdastNodes,
  Parent as MdastParent,
  Root as MdastRoot,
} from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { embedLink } from './wordpress.ts';

/** An image a post uses, to be fetched and saved beside it. */
export interface BodyImage {
  /** Where to look, best first: the file a thumbnail links to, the original of a resized copy, the copy itself. */
  candidates: string[];
  alt: string;
  caption?: string;
  node: Element;
}

export interface LinkOptions {
  /** The new network path of a link to another post of the same import, or undefined. */
  rewrite: (href: string) => string | undefined;
  /** The old blog's address, so its relative links can be made absolute. */
  base?: string;
  /** Footnotes kept outside the text (WordPress's block editor stores them in the post's meta), by id. */
  footnotes?: ReadonlyMap<string, string>;
}

export interface ParsedBody {
  tree: Root;
  images: BodyImage[];
  /** Links rewritten to posts of the import, and relative links that could not be resolved (kept as text). */
  links: { rewritten: number; unresolved: string[] };
  /** Players (`<iframe>`, `<video>`, `<audio>`) turned into links. */
  embeds: number;
  /** Footnotes, in the order they are referred to, as GFM footnotes. */
  footnotes: { identifier: string; children: ElementContent[] }[];
}

const FOOTNOTE_REF = 'footnote-ref';
const BACKLINK = /^\s*(?:↩|↑|\^|return|back)\s*︎?\s*$/i;

/**
 * Finds footnotes written as HTML — a superscript link to `#id` where `id` is a list item (classic editor
 * plugins) or a footnote the block editor keeps in meta — and marks each reference so it becomes `[^n]`.
 */
function takeFootnotes(tree: Root, stored: ReadonlyMap<string, string> | undefined): ParsedBody['footnotes'] {
  const byId = new Map<string, Element>();
  const walk = (node: Root | Element) => {
    for (const kid of node.children) {
      if (!isElement(kid)) continue;
      if (kid.properties.id) byId.set(String(kid.properties.id), kid);
      walk(kid);
    }
  };
  walk(tree);
  const found: ParsedBody['footnotes'] = [];
  const used = new Set<Element>();
  const replace = (node: Root | Element) => {
    node.children.forEach((kid, index) => {
      if (!isElement(kid)) return;
      const link = kid.tagName === 'sup' ? kid.children.find((c): c is Element => isElement(c, 'a')) : undefined;
      const id = link ? String(link.properties.href ?? '').replace(/^#/, '') : '';
      const target = id ? byId.get(id) : undefined;
      const html = id ? stored?.get(id) : undefined;
      if (link && (html !== undefined || isElement(target, 'li'))) {
        let children: ElementContent[];
        if (html !== undefined) children = (fromParse5(parseFragment(html)) as Root).children as ElementContent[];
        else {
          used.add(target!);
          children = target!.children.filter((c) => !(isElement(c, 'a') && BACKLINK.test(toText(c))));
        }
        const identifier = String(found.length + 1);
        found.push({ identifier, children });
        node.children[index] = element(FOOTNOTE_REF, [], { dataIdentifier: identifier });
        return;
      }
      replace(kid);
    });
  };
  replace(tree);
  // The list the footnotes came from goes, once every item of it has become a footnote.
  const prune = (node: Root | Element) => {
    node.children = node.children.filter(
      (kid) =>
        !(
          isElement(kid) &&
          (kid.tagName === 'ol' || kid.tagName === 'ul') &&
          kid.children.some((li) => used.has(li as Element)) &&
          kid.children.every((li) => !isElement(li) || used.has(li))
        ),
    ) as typeof node.children;
    for (const kid of node.children) if (isElement(kid)) prune(kid);
  };
  if (used.size) prune(tree);
  return found;
}

const DROP = new Set([
  'script',
  'style',
  'noscript',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'object',
  'embed',
  'link',
  'meta',
  'svg',
  'canvas',
  'template',
]);
const UNWRAP = new Set([
  'span',
  'font',
  'center',
  'small',
  'big',
  'abbr',
  'acronym',
  'cite',
  'label',
  'bdi',
  'bdo',
  'time',
  'mark',
  'ins',
  'u',
]);
const PHRASING = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'br',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
  'big',
  'tt',
  'label',
]);
const FLOW_CONTAINERS = new Set([
  'div',
  'blockquote',
  'section',
  'article',
  'main',
  'center',
  'figure',
  'aside',
  'header',
  'footer',
]);
const IMAGE_FILE = /\.(jpe?g|png|gif|webp|avif|bmp|tiff?)(?:[?#]|$)/i;

const element = (
  tagName: string,
  children: ElementContent[] = [],
  properties: Element['properties'] = {},
): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const isElement = (node: RootContent | ElementContent | undefined, name?: string): node is Element =>
  node?.type === 'element' && (name === undefined || node.tagName === name);
const isBlank = (node: RootContent | ElementContent) =>
  (node.type === 'text' && !node.value.replace(/\u00a0/g, ' ').trim()) || node.type === 'comment';

/** A YouTube or Vimeo player address as the page a reader can open. */
function watchUrl(src: string): string {
  const youtube = /youtube(?:-nocookie)?\.com\/embed\/([\w-]{6,})/.exec(src);
  if (youtube) return `https://www.youtube.com/watch?v=${youtube[1]}`;
  const vimeo = /player\.vimeo\.com\/video\/(\d+)/.exec(src);
  if (vimeo) return `https://vimeo.com/${vimeo[1]}`;
  return src.startsWith('//') ? `https:${src}` : src;
}

/**
 * Blogger and old WordPress themes write paragraphs as text separated by `<br><br>` inside `<div>`s.
 * Splits a container's loose inline content into paragraphs at each run of two or more line breaks.
 */
function paragraphs(children: (RootContent | ElementContent)[]): (RootContent | ElementContent)[] {
  const out: (RootContent | ElementContent)[] = [];
  let run: ElementContent[] = [];
  const flush = () => {
    while (run.length && (isElement(run[0], 'br') || isBlank(run[0]!))) run.shift();
    while (run.length && (isElement(run.at(-1), 'br') || isBlank(run.at(-1)!))) run.pop();
    if (run.length) out.push(element('p', run));
    run = [];
  };
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.type === 'text' || (isElement(node) && PHRASING.has(node.tagName))) {
      if (isElement(node, 'br')) {
        let j = i + 1;
        while (j < children.length && isBlank(children[j]!)) j++;
        if (isElement(children[j], 'br')) {
          while (j < children.length && (isElement(children[j], 'br') || isBlank(children[j]!))) j++;
          flush();
          i = j - 1;
          continue;
        }
      }
      run.push(node as ElementContent);
    } else if (node.type === 'comment') {
      continue;
    } else {
      flush();
      out.push(node);
    }
  }
  flush();
  return out;
}

/**
 * Parses a post's HTML and cleans it for conversion: Blogger's `<div>`/`<br>` soup made paragraphs, players
 * made links, inline styles and empty wrappers dropped, links between imported posts rewritten, and every
 * image collected so it can be fetched before the Markdown is written.
 */
export function parseBody(html: string, options: LinkOptions): ParsedBody {
  // parse5 without source positions (which fromHtml always records): a third faster, and nothing here needs them.
  const tree = fromParse5(parseFragment(html)) as Root;
  const footnotes = takeFootnotes(tree, options.footnotes);
  const images: BodyImage[] = [];
  const links = { rewritten: 0, unresolved: [] as string[] };
  let embeds = 0;
  let hasH1 = false;

  const absolute = (href: string): string | undefined => {
    if (/^(?:https?:|mailto:|tel:)/i.test(href)) return href;
    if (href.startsWith('//')) return `https:${href}`;
    // Only web, mail and phone links survive: `javascript:` and other schemes never reach a page.
    if (href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href)) return undefined;
    if (!options.base) return undefined;
    try {
      return new URL(href, options.base).href;
    } catch {
      return undefined;
    }
  };

  const visit = (children: (RootContent | ElementContent)[], inPre: boolean): (RootContent | ElementContent)[] => {
    const out: (RootContent | ElementContent)[] = [];
    for (const node of children) {
      if (node.type === 'comment' || node.type === 'doctype') continue;
      if (node.type === 'text') {
        out.push(inPre ? node : { ...node, value: node.value.replace(/\u00a0/g, ' ') });
        continue;
      }
      if (node.type !== 'element') continue;
      const name = node.tagName;
      if (DROP.has(name)) continue;
      if (name === FOOTNOTE_REF) {
        out.push(node);
        continue;
      }
      node.properties = keepProperties(node);
      if (name === 'iframe' || name === 'video' || name === 'audio') {
        const src = String(node.properties.src ?? '') || String(findSource(node) ?? '');
        if (src) embeds++;
        if (src) out.push(...(fromHtml(embedLink(watchUrl(src)), { fragment: true }).children as ElementContent[]));
        continue;
      }
      if (name === 'h1') hasH1 = true;
      if (name === 'img') {
        const src = absolute(String(node.properties.src ?? ''));
        if (!src) continue;
        node.properties.src = src;
        images.push({ candidates: [src], alt: String(node.properties.alt ?? '').trim(), node });
        out.push(node);
        continue;
      }
      if (name === 'a') {
        const href = String(node.properties.href ?? '');
        const kids = visit(node.children, inPre) as ElementContent[];
        const onlyImage = kids.filter((k) => !isBlank(k));
        if (onlyImage.length === 1 && isElement(onlyImage[0], 'img') && IMAGE_FILE.test(href)) {
          // A thumbnail linking to its full-size file: keep the larger file, drop the link.
          const image = images.find((i) => i.node === onlyImage[0]);
          const full = absolute(href);
          if (image && full) image.candidates.unshift(full);
          out.push(onlyImage[0]);
          continue;
        }
        const moved = href ? options.rewrite(absolute(href) ?? href) : undefined;
        if (moved) {
          links.rewritten++;
          out.push({ ...node, properties: { href: moved }, children: kids });
          continue;
        }
        const target = href ? absolute(href) : undefined;
        if (!target) {
          if (href && !href.startsWith('#')) links.unresolved.push(href);
          out.push(...kids);
          continue;
        }
        out.push({ ...node, properties: { href: target }, children: kids });
        continue;
      }
      if (name === 'figure') {
        const caption = node.children.find((k): k is Element => isElement(k, 'figcaption'));
        const rest = visit(
          node.children.filter((k) => k !== caption),
          inPre,
        );
        const captionKids = caption ? (visit(caption.children, inPre) as ElementContent[]) : [];
        const captionText = caption ? toText(caption).replace(/\s+/g, ' ').trim() : '';
        const figureImages = images.filter((i) => rest.some((k) => contains(k, i.node)));
        if (captionText) for (const image of figureImages) image.caption = captionText;
        out.push(...paragraphs(rest));
        if (captionText) out.push(element('p', [element('em', captionKids)]));
        continue;
      }
      if (name === 'figcaption') {
        out.push(element('p', [element('em', visit(node.children, inPre) as ElementContent[])]));
        continue;
      }
      if (UNWRAP.has(name)) {
        out.push(...visit(node.children, inPre));
        continue;
      }
      const kids = visit(node.children, inPre || name === 'pre');
      if ((name === 'strong' || name === 'b' || name === 'em' || name === 'i') && kids.every(isBlank)) {
        out.push(...kids);
        continue;
      }
      const cleaned = FLOW_CONTAINERS.has(name) ? paragraphs(kids) : kids;
      // A <div> is only a wrapper: its paragraphs stand on their own.
      if (
        name === 'div' ||
        name === 'section' ||
        name === 'article' ||
        name === 'main' ||
        name === 'center' ||
        name === 'header' ||
        name === 'footer' ||
        name === 'aside'
      ) {
        out.push(...cleaned);
        continue;
      }
      out.push({ ...node, children: cleaned as ElementContent[] });
    }
    return out;
  };

  tree.children = paragraphs(visit(tree.children, false)) as RootContent[];
  for (const footnote of footnotes) footnote.children = paragraphs(visit(footnote.children, false)) as ElementContent[];
  if (hasH1) shiftHeadings(tree);
  return { tree, images, links, footnotes, embeds };
}

function findSource(node: Element): string | undefined {
  for (const kid of node.children)
    if (isElement(kid, 'source') && kid.properties.src) return String(kid.properties.src);
  return undefined;
}

function contains(node: RootContent | ElementContent, target: Element): boolean {
  if (node === target) return true;
  return isElement(node) && node.children.some((kid) => contains(kid, target));
}

/** Only what Markdown can carry survives: styles, classes and event handlers go. */
function keepProperties(node: Element): Element['properties'] {
  const keep = ['href', 'src', 'alt', 'title', 'start', 'colSpan', 'rowSpan', 'align'];
  const out: Element['properties'] = {};
  for (const key of keep) if (node.properties[key] !== undefined) out[key] = node.properties[key];
  if (node.tagName === 'code' || node.tagName === 'pre') {
    const className = node.properties.className;
    if (Array.isArray(className)) {
      const language = className.map(String).find((c) => c.startsWith('language-') || c.startsWith('lang-'));
      if (language) out.className = [language.replace(/^lang-/, 'language-')];
    }
  }
  return out;
}

/** The page's title is its only `<h1>`, so a post's own headings start at `<h2>`. */
function shiftHeadings(tree: Root) {
  const walk = (node: Root | Element) => {
    for (const kid of node.children) {
      if (!isElement(kid)) continue;
      const level = /^h([1-6])$/.exec(kid.tagName);
      if (level) kid.tagName = `h${Math.min(6, Number(level[1]) + 1)}`;
      walk(kid);
    }
  };
  walk(tree);
}

/** Drops paragraphs left empty by the cleaning (only breaks, spaces or nothing). */
function pruneEmpty(node: MdastParent) {
  node.children = node.children.filter((kid) => {
    if (kid.type === 'paragraph') {
      while (kid.children.at(-1)?.type === 'break') kid.children.pop();
      while (kid.children[0]?.type === 'break') kid.children.shift();
      return kid.children.some((c) => c.type !== 'break' && !(c.type === 'text' && !c.value.trim()));
    }
    return true;
  }) as typeof node.children;
  for (const kid of node.children) if ('children' in kid) pruneEmpty(kid as MdastParent);
}

/** The body as a Markdown tree, cleaned of the empty paragraphs conversion leaves. */
export function bodyToTree(body: ParsedBody): MdastRoot {
  const handlers = {
    [FOOTNOTE_REF]: (_: unknown, node: Element): FootnoteReference => {
      const identifier = String(node.properties.dataIdentifier);
      return { type: 'footnoteReference', identifier, label: identifier };
    },
  };
  const mdast = toMdast(body.tree, { handlers }) as MdastRoot;
  for (const footnote of body.footnotes) {
    const content = toMdast({ type: 'root', children: footnote.children as RootContent[] }, { handlers }) as MdastRoot;
    const definition: FootnoteDefinition = {
      type: 'footnoteDefinition',
      identifier: footnote.identifier,
      label: footnote.identifier,
      children: content.children as FootnoteDefinition['children'],
    };
    mdast.children.push(definition);
  }
  pruneEmpty(mdast);
  return mdast;
}

/** Markdown (never MDX) with GFM: tables, strikethrough, autolinks; numbered lists keep their numbers. */
export function bodyToMarkdown(body: ParsedBody | MdastRoot): string {
  const mdast = 'images' in body ? bodyToTree(body) : body;
  const text = toMarkdown(mdast as MdastNodes, {
    extensions: [gfmToMarkdown()],
    bullet: '-',
    emphasis: '_',
    strong: '*',
    rule: '-',
    fences: true,
    listItemIndent: 'one',
    incrementListMarker: true,
  });
  return `${text.replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** Plain text of a comment or body, for kind guesses and descriptions. */
export const bodyText = (body: ParsedBody) => toText(body.tree).replace(/\s+/g, ' ').trim();

export type { Text };

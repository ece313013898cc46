import type { Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { checkEmbed } from '../embeds.ts';
import { mdxTreeProblems } from './mdx.ts';

/** A problem in a post's body, at its place in the file. */
export interface BodyProblem {
  line?: number;
  column?: number;
  code: string;
  message: string;
  severity: 'error' | 'warning';
}

type Positioned = { position?: { start: { line: number; column: number }; end: { line: number } } | undefined };
const at = (node: Positioned) =>
  node.position ? { line: node.position.start.line, column: node.position.start.column } : {};

const attribute = (html: string, name: string) =>
  new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(html)?.slice(1).find(Boolean);

const SCRIPT =
  'a <script> does not run here: the pages are built without JavaScript and their security policy blocks scripts. ' +
  "Remove it; for a video or map, paste the embed's <iframe> (see docs/writing.md)";

/** Every `<script>` and `<iframe>` in the body, raw HTML in Markdown or JSX in MDX. */
function elements(tree: Root): { name: string; src?: string; title?: string; node: Nodes }[] {
  const found: { name: string; src?: string; title?: string; node: Nodes }[] = [];
  visit(tree, (node) => {
    if (node.type === 'html') {
      for (const match of node.value.matchAll(/<(script|iframe)\b[^>]*>/gi)) {
        const src = attribute(match[0], 'src');
        const title = attribute(match[0], 'title');
        found.push({ name: match[1]!.toLowerCase(), ...(src ? { src } : {}), ...(title ? { title } : {}), node });
      }
    } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      const name = node.name.toLowerCase();
      if (name !== 'script' && name !== 'iframe') return;
      const value = (key: string) => {
        const attr = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name.toLowerCase() === key);
        return typeof attr?.value === 'string' ? attr.value : undefined;
      };
      const src = value('src');
      const title = value('title');
      found.push({ name, ...(src ? { src } : {}), ...(title ? { title } : {}), node });
    }
  });
  return found;
}

/** Scripts are refused; iframes must come from an allowed embed and say what they show. */
export function embedProblems(tree: Root): BodyProblem[] {
  return elements(tree).flatMap(({ name, src, title, node }): BodyProblem[] => {
    const where = at(node);
    if (name === 'script') return [{ ...where, code: 'script', severity: 'error', message: SCRIPT }];
    if (!src) {
      return [
        {
          ...where,
          code: 'embed',
          severity: 'error',
          message: 'this <iframe> has no src="…": copy the embed code again',
        },
      ];
    }
    const embed = checkEmbed(src);
    if (!embed.ok) return [{ ...where, code: 'embed', severity: 'error', message: embed.message }];
    if (!title?.trim()) {
      return [
        {
          ...where,
          code: 'embed-title',
          severity: 'error',
          message:
            'this <iframe> needs a title saying what it shows, for screen readers: add title="Sports day highlights"',
        },
      ];
    }
    return [];
  });
}

/** Markdown's code fences: an opening one with no closing one turns the rest of the post into code. */
export function unclosedFences(tree: Root, text: string): BodyProblem[] {
  const lines = text.split('\n');
  const problems: BodyProblem[] = [];
  visit(tree, 'code', (node) => {
    if (!node.position) return;
    const opening = lines[node.position.start.line - 1] ?? '';
    const fence = /^\s*(`{3,}|~{3,})/.exec(opening)?.[1];
    if (!fence) return;
    const closing = lines[node.position.end.line - 1] ?? '';
    const closed =
      node.position.end.line > node.position.start.line &&
      new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(closing);
    if (!closed) {
      problems.push({
        ...at(node),
        code: 'unclosed-fence',
        severity: 'error',
        message: `this code block (${fence}) is never closed, so the rest of the post would show as code: add a line ${fence} where the code ends`,
      });
    }
  });
  return problems;
}

/** The shape of the body: something to read besides headings, and no second page title. */
export function shapeProblems(tree: Root): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const content = tree.children.filter(
    (node) => node.type !== 'definition' && node.type !== 'mdxjsEsm' && node.type !== 'html' && node.type !== 'yaml',
  );
  if (content.length > 0 && content.every((node) => node.type === 'heading' || node.type === 'thematicBreak')) {
    problems.push({
      ...at(content[0]!),
      code: 'only-headings',
      severity: 'error',
      message: 'the post has headings but no text: write the post below them',
    });
  }
  visit(tree, 'heading', (node) => {
    if (node.depth === 1) {
      problems.push({
        ...at(node),
        code: 'heading-1',
        severity: 'warning',
        message: 'the title is already the page\'s main heading: start this heading with "##" instead of "#"',
      });
    }
  });
  return problems;
}

/** A rules-of-thumb post's rules are its first numbered list; a second one usually means the list was split. */
export function splitRules(tree: Root): BodyProblem[] {
  const lists = tree.children.filter((node) => node.type === 'list' && node.ordered === true);
  if (lists.length < 2) return [];
  const first = lists[0]!;
  const count = first.type === 'list' ? first.children.length : 0;
  return lists.slice(1).map((list) => ({
    ...at(list),
    code: 'rules-split',
    severity: 'warning',
    message:
      `this numbered list is not counted as rules: only the first list (line ${first.position?.start.line ?? '?'}, ` +
      `${count} rule${count === 1 ? '' : 's'}) is. A paragraph between items ends the list: indent it by three spaces ` +
      'to keep it inside the rule above',
  }));
}

/** Markdown that did not become an image or link because the address has a space in it. */
export function spacedAddresses(tree: Root): BodyProblem[] {
  const problems: BodyProblem[] = [];
  visit(tree, 'text', (node) => {
    for (const match of node.value.matchAll(/(!?)\[([^\]]*)\]\(([^)<>]*\s[^)<>]*)\)/g)) {
      const address = match[3]!.trim();
      if (/\s+"[^"]*"$/.test(address) && !/\s/.test(address.replace(/\s+"[^"]*"$/, ''))) continue;
      const kind = match[1] ? 'image' : 'link';
      problems.push({
        ...at(node),
        code: 'address-space',
        severity: 'error',
        message: `${kind} "${address}" has a space in its address, so it shows as plain text: rename the file without spaces (${address.replace(/\s+/g, '-')}) or write <${address}> in the brackets`,
      });
    }
  });
  return problems;
}

/**
 * An `<img>` written as HTML or JSX is copied to the page as it is, so a picture beside the post
 * (`src="./photo.jpg"`) is never published with it: only Markdown's `![…](…)` is.
 */
export function rawImages(tree: Root): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const report = (src: string, alt: string | undefined, node: Nodes) => {
    if (/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(src)) return;
    problems.push({
      ...at(node),
      code: 'raw-image',
      severity: 'error',
      message: `<img src="${src}"> is not published with the post, so the picture would be missing: write it as ![${alt?.trim() || 'Describe the picture'}](${src})`,
    });
  };
  visit(tree, (node) => {
    if (node.type === 'html') {
      for (const match of node.value.matchAll(/<img\b[^>]*>/gi)) {
        const src = attribute(match[0], 'src');
        if (src) report(src, attribute(match[0], 'alt'), node);
      }
    } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'img') {
      const value = (key: string) => {
        const attr = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === key);
        return typeof attr?.value === 'string' ? attr.value : undefined;
      };
      const src = value('src');
      if (src) report(src, value('alt'), node);
    }
  });
  return problems;
}

/**
 * Everything the check reports about a parsed body that depends on its text alone (so the body cache can keep
 * it): embeds and scripts, code fences, shape, addresses with spaces, HTML pictures, split rules and MDX code.
 */
export function bodyProblems(tree: Root, blanked: string, options: { mdx: boolean; rules: boolean }): BodyProblem[] {
  const empty = tree.children.length === 0;
  return [
    ...embedProblems(tree),
    ...unclosedFences(tree, blanked),
    ...(empty ? [] : shapeProblems(tree)),
    ...spacedAddresses(tree),
    ...rawImages(tree),
    ...(options.rules ? splitRules(tree) : []),
    ...(options.mdx ? mdxTreeProblems(tree) : []),
  ];
}

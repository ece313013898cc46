import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { BodyProblem } from './body.ts';

const AS_MD = 'or save the post as .md, where it is plain text';

/** Lines of `text` outside fenced code, with inline code blanked, as [line number, text]. */
function proseLines(text: string): [number, string][] {
  const out: [number, string][] = [];
  let fence: string | undefined;
  text.split('\n').forEach((line, index) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      return;
    }
    if (marker) {
      fence = marker;
      return;
    }
    if (/^ {4}|^\t/.test(line)) return;
    out.push([index + 1, line.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length))]);
  });
  return out;
}

/**
 * In MDX `<` starts a component and `{` starts code, so prose such as `<50%` or `{child name}` stops the
 * build. Called when MDX cannot parse a post: names every such place at once, not only the first.
 */
export function mdxProseProblems(text: string): BodyProblem[] {
  const problems: BodyProblem[] = [];
  for (const [line, content] of proseLines(text)) {
    for (const match of content.matchAll(/<!--/g)) {
      problems.push({
        line,
        column: match.index + 1,
        code: 'mdx-html-comment',
        severity: 'error',
        message: `HTML comments (<!-- … -->) do not work in MDX: write {/* … */} instead, ${AS_MD}`,
      });
    }
    for (const match of content.matchAll(/<(?=[\d\s=<>%£$.,;:?)-]|$)/g)) {
      problems.push({
        line,
        column: match.index + 1,
        code: 'mdx-less-than',
        severity: 'error',
        message: `"<" starts a component in MDX: write "less than" or &lt; instead, ${AS_MD}`,
      });
    }
    // A brace inside a tag (`<Figure caption={…}>`) is the component's own business.
    const outsideTags = content.replace(/<[A-Za-z][^>]*>/g, (tag) => ' '.repeat(tag.length));
    for (const match of outsideTags.matchAll(/\{(?!\/\*)([^{}]*)\}?/g)) {
      const inner = match[1]!.trim();
      problems.push({
        line,
        column: match.index + 1,
        code: 'mdx-brace',
        severity: 'error',
        message: `"{${inner}}" is code in MDX: write \\{${inner}\\} to show the braces, ${AS_MD}`,
      });
    }
  }
  return problems;
}

const GLOBALS = new Set(['true', 'false', 'null', 'undefined', 'NaN', 'Infinity']);
const IMPORT = /^\s*import\s+([\s\S]*?)\s+from\s+['"]([^'"]+)['"]/gm;

/** An `import` at the top of an MDX post: where it is and what it loads. */
export interface MdxImport {
  source: string;
  line?: number;
  column?: number;
}

const at = (node: { position?: { start: { line: number; column: number } } | undefined }) =>
  node.position ? { line: node.position.start.line, column: node.position.start.column } : {};

/** The names an MDX post imports, and from where. */
function imports(tree: Root): { names: Set<string>; sources: MdxImport[] } {
  const names = new Set<string>();
  const sources: MdxImport[] = [];
  visit(tree, 'mdxjsEsm', (node) => {
    for (const match of node.value.matchAll(IMPORT)) {
      const [, list = '', source = ''] = match;
      for (const name of list.replace(/[{}]/g, ' ').split(/[\s,]+/)) {
        if (/^[A-Za-z_$][\w$]*$/.test(name) && name !== 'as' && name !== 'type') names.add(name);
      }
      sources.push({ source, ...at(node) });
    }
  });
  return { names, sources };
}

/** The imports of an MDX post, for `missingImports` (whether they are there depends on the file's place). */
export const mdxImports = (tree: Root): MdxImport[] => imports(tree).sources;

/** Imports of files or packages that are not there: the build would stop on each. */
export function missingImports(list: readonly MdxImport[], file: string): BodyProblem[] {
  const require = createRequire(file);
  const there = (source: string) => {
    if (source.startsWith('.')) return existsSync(resolve(file, '..', source));
    try {
      require.resolve(source);
      return true;
    } catch {
      return false;
    }
  };
  return list
    .filter(({ source }) => !there(source))
    .map(({ source, line, column }) => ({
      ...(line ? { line } : {}),
      ...(column ? { column } : {}),
      code: 'mdx-import',
      severity: 'error' as const,
      message: `import "${source}" is not there: check the file name and folder, or remove the import and the component`,
    }));
}

/**
 * What MDX parsed but the build would stop on: expressions in prose (`{year}` is code, and is not defined),
 * attributes naming what the post never defined, and components used without an import.
 */
export function mdxTreeProblems(tree: Root): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const imported = imports(tree).names;
  visit(tree, (node) => {
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      const inner = node.value.trim();
      if (/^\/\*[\s\S]*\*\/$/.test(inner) || inner === '') return;
      problems.push({
        ...at(node),
        code: 'mdx-brace',
        severity: 'error',
        message: `"{${inner}}" is code in MDX: write \\{${inner}\\} to show the braces, ${AS_MD}`,
      });
    } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      for (const attribute of node.attributes) {
        const value = attribute.type === 'mdxJsxAttribute' ? attribute.value : undefined;
        if (typeof value !== 'object' || value === null) continue;
        const name = value.value.trim();
        // `{photo}` names something the post never defined: the build would stop on it.
        if (/^[A-Za-z_$][\w$]*$/.test(name) && !imported.has(name) && !GLOBALS.has(name)) {
          problems.push({
            ...at(node),
            code: 'mdx-brace',
            severity: 'error',
            message: `${attribute.type === 'mdxJsxAttribute' ? attribute.name : 'an attribute'}={${name}} on <${node.name}> names "${name}", which this post does not define: write the value in quotes, ${attribute.type === 'mdxJsxAttribute' ? attribute.name : 'name'}="…"`,
          });
        }
      }
      const root = node.name.split('.')[0]!;
      if (/^[A-Z]/.test(root) && !imported.has(root)) {
        problems.push({
          ...at(node),
          code: 'mdx-component',
          severity: 'error',
          message: `<${node.name}> is not a component this post imports: add an import line for it after the front matter, or remove it`,
        });
      }
    }
  });
  return problems;
}

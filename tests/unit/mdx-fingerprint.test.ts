import { appendFileSync, cpSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeGraph, importedSpecifiers } from '../../src/lib/code-graph.ts';
import { compilerFingerprint } from '../../src/integrations/mdx-cache.ts';
import { tempDir } from '../helpers/build.ts';

const project = resolve(import.meta.dirname, '../..');
const PIPELINE = 'src/integrations/markdown/pipeline.ts';
const PLAIN_MDX = 'src/lib/plain-mdx-loader.ts';
const options = { settings: { processor: 'unified' }, code: [PIPELINE] };

/** A copy of the project's code, with its packages, that a test can edit. */
function copyProject(): string {
  const root = tempDir('fingerprint');
  for (const path of ['package.json', 'src', 'tools'])
    cpSync(join(project, path), join(root, path), { recursive: true });
  symlinkSync(join(project, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

describe('importedSpecifiers', () => {
  it('finds what a module runs, and not the types it only names', () => {
    const source = `import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import remarkGfm, { type Options } from "remark-gfm";
import {
  a,
  b,
} from './multi-line.ts';
export { c } from '../c.ts';
export type { D } from './d.ts';
export * from './e.ts';
import './side-effect.css';
// import { gone } from './commented.ts';
/* import { gone } from './block-commented.ts'; */
const lazy = () => import('./lazy.ts');
export const from = 'not an import';`;
    expect(importedSpecifiers(source)).toEqual([
      'unist-util-visit',
      'remark-gfm',
      './multi-line.ts',
      '../c.ts',
      './e.ts',
      './side-effect.css',
      './lazy.ts',
    ]);
  });
});

describe('the MDX cache fingerprint', () => {
  it('follows the Markdown pipeline from astro.config.mjs to its plugins, their helpers and the URL rules', () => {
    expect(readFileSync(join(project, 'astro.config.mjs'), 'utf8')).toContain(`code: ['${PIPELINE}', '${PLAIN_MDX}']`);
    const { files, packages } = codeGraph([join(project, PIPELINE), join(project, PLAIN_MDX)]);
    const relative = files.map((file) => file.slice(project.length + 1));
    expect(relative).toEqual(
      expect.arrayContaining([
        PIPELINE,
        'src/integrations/markdown/remark-typography.ts',
        'src/integrations/markdown/rehype-content-links.ts',
        'src/lib/rules.ts',
        'src/lib/urls.ts',
        // Which `.mdx` posts are rendered as Markdown decides what the content layer keeps of them.
        'src/lib/plain-mdx.ts',
        'src/lib/check/markdown.ts',
      ]),
    );
    expect(relative.filter((file) => /cards|generate|astro\.config/.test(file))).toEqual([]);
    expect(packages).toEqual(expect.arrayContaining(['remark-gfm', 'smartypants', 'unist-util-visit']));
    expect(packages).not.toContain('hast');
  });

  it('changes when a plugin or a file it imports changes, and not when a card template or the generator does', () => {
    const root = copyProject();
    const original = compilerFingerprint(options, root);
    expect(compilerFingerprint(options, root)).toBe(original);

    appendFileSync(join(root, 'src/lib/cards/template.ts'), '\n// a new card layout\n');
    appendFileSync(join(root, 'tools/generate/banks.ts'), '\n// more sentences\n');
    appendFileSync(join(root, 'src/lib/feeds/sitemap.ts'), '\n// unrelated to Markdown\n');
    expect(compilerFingerprint(options, root)).toBe(original);

    appendFileSync(join(root, 'src/integrations/markdown/remark-typography.ts'), '\n// typography tweak\n');
    const afterPlugin = compilerFingerprint(options, root);
    expect(afterPlugin).not.toBe(original);

    // rules.ts is two imports away: remark-rule-anchors.ts uses it to number rules.
    appendFileSync(join(root, 'src/lib/rules.ts'), '\n// anchor wording\n');
    expect(compilerFingerprint(options, root)).not.toBe(afterPlugin);

    expect(compilerFingerprint({ ...options, settings: { processor: 'satteri' } }, root)).not.toBe(
      compilerFingerprint(options, root),
    );
  });
});

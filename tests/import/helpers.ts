import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { root, tempDir } from '../helpers/build.ts';

export const imports = join(root, 'tests/fixtures/imports');

/** The fixture network in a temp folder, with an export copied beside it and its blog's address pointed at `origin`. */
export function workspace(name: string): { dir: string; content: string } {
  const dir = tempDir(`import-${name}`);
  cpSync(join(root, 'tests/fixtures/network'), join(dir, 'content'), { recursive: true });
  return { dir, content: join(dir, 'content') };
}

/** Copies a fixture export (file or folder) into `dir`, with the old blogs' hosts replaced by the local server. */
export function placeExport(source: string, dir: string, origin: string): string {
  const from = join(imports, source);
  const to = join(dir, 'export', source);
  const files = statSync(from).isDirectory()
    ? readdirSync(from, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name))
    : [from];
  for (const file of files) {
    const target = join(to, relative(from, file));
    mkdirSync(dirname(target), { recursive: true });
    const bytes = readFileSync(file);
    const text = bytes.toString('utf8');
    // Files that are not UTF-8 (the seeded encoding defect) are copied byte for byte.
    const isUtf8 = Buffer.from(text, 'utf8').equals(bytes);
    writeFileSync(
      target,
      isUtf8
        ? text.replaceAll('https://oakreads.example.org', origin).replaceAll('https://ysgolderw.example.org', origin)
        : bytes,
    );
  }
  return to;
}

/** Every file under `dir` with a hash of its bytes, to prove nothing changed. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

/** Every text file under `dir`, joined, for "this never appears anywhere" assertions. */
export function allText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(md|mdx|ya?ml|json|html|xml|txt|_redirects)$|_redirects$/.test(entry.name))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

/** Front matter and body of a Markdown file. */
export function readPost(file: string): { front: string; body: string } {
  const text = readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file} has no front matter`);
  return { front: match[1]!, body: match[2]! };
}

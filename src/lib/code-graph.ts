import type { Hash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageVersion } from './package-version.ts';

/** What a set of modules runs: the project files they import, directly or not, and the packages those files import. */
export interface CodeGraph {
  /** Absolute paths, sorted, the entry modules included. */
  files: string[];
  /** Package names (`unist-util-visit`, `@astrojs/markdown-remark`), sorted; `node:` built-ins left out. */
  packages: string[];
}

// Static imports and re-exports, side-effect imports and literal dynamic imports. `import type` and
// `export type` are left out: types are erased before anything runs.
const IMPORT =
  /(?:^|[;\n}])\s*(?:import|export)\s+(?!type\s)(?:[\w*{}\s,$]+?\s+from\s*)?['"]([^'"\n]+)['"]|\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g;
const EXTENSIONS = ['', '.ts', '.mts', '.js', '.mjs', '/index.ts', '/index.js'];
// Vite's `import.meta.glob('../i18n/*.json')`: every file the pattern matches is imported.
const GLOB = /\bimport\.meta\.glob(?:<[^>]*>)?\(\s*['"]([^'"\n]+)['"]/g;

/** The files a relative glob with `*` in its last segment matches, e.g. `../i18n/*.json`. */
function globFiles(from: string, pattern: string): string[] {
  const folder = resolve(dirname(from), dirname(pattern));
  const name = new RegExp(
    `^${basename(pattern)
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')}$`,
  );
  return readdirSync(folder)
    .filter((entry) => name.test(entry))
    .map((entry) => join(folder, entry));
}

const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;

/** The specifiers a module's source imports at run time. */
export function importedSpecifiers(source: string): string[] {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...withoutComments.matchAll(IMPORT)].map((match) => (match[1] ?? match[2])!);
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
const packageName = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/**
 * Follows relative imports from `entries` through the project's own files. Packages are not entered:
 * their code is pinned by their installed version, which callers hash instead. Virtual and `astro:`
 * modules have no file to read and are skipped.
 */
export function codeGraph(entries: readonly string[]): CodeGraph {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = entries.map((entry) => resolve(entry));
  while (pending.length) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    if (/\.json$/.test(file)) continue;
    for (const [, pattern] of source.matchAll(GLOB)) pending.push(...globFiles(file, pattern!));
    for (const specifier of importedSpecifiers(source)) {
      if (specifier.startsWith('.')) {
        const base = resolve(dirname(file), specifier);
        const target = EXTENSIONS.map((ending) => base + ending).find(isFile);
        if (!target) throw new Error(`${file} imports ${specifier}, which is not a file`);
        pending.push(target);
      } else if (!/^(node|virtual|astro):/.test(specifier) && !specifier.startsWith('/')) {
        packages.add(packageName(specifier));
      }
    }
  }
  return { files: [...files].sort(), packages: [...packages].sort() };
}

const versionOf = (name: string, from: string) => {
  try {
    return packageVersion(name, from);
  } catch {
    return 'unresolved';
  }
};

/**
 * Adds to a cache key what a set of modules runs (`codeGraph`): the installed version of each package they
 * import and of `packages`, then each project file's path under `root` and its bytes.
 */
export function hashCode(hash: Hash, entries: readonly string[], root: string, packages: readonly string[] = []): Hash {
  const from = pathToFileURL(join(root, 'package.json')).href;
  const graph = codeGraph(entries);
  for (const name of new Set([...packages, ...graph.packages])) hash.update(`${name}@${versionOf(name, from)}\0`);
  for (const file of graph.files) hash.update(relative(root, file)).update('\0').update(readFileSync(file));
  return hash;
}

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeGraph } from '../code-graph.ts';
import { packageVersion } from '../package-version.ts';
import { extractRules, type Rule } from '../rules.ts';
import { bodyProblems, type BodyProblem } from './body.ts';
import type { BodyReference } from './markdown.ts';
import { mdxImports, mdxProseProblems, type MdxImport } from './mdx.ts';

/** What the check keeps of a post body's parse: everything it reports on, without the tree. */
export type BodyFacts =
  | { ok: true; references: BodyReference[]; rules: Rule[]; problems: BodyProblem[]; imports: MdxImport[] }
  | { ok: false; line?: number; column?: number; message: string; problems: BodyProblem[] };

export interface BodyCache {
  /**
   * The facts of one post: `blanked` is the whole file with its front matter blanked (so positions are file
   * positions), `body` the text after the front matter; rules are read only for rules-of-thumb posts.
   */
  facts(blanked: string, body: string, options: { mdx: boolean; rules: boolean }): Promise<BodyFacts>;
  /** Writes the facts of the bodies seen in this run, and only those, when anything was parsed. */
  save(): void;
}

/** One cache file per content folder, so checking one network never drops another's entries. */
export function bodyCacheFile(folder: string, contentRoot: string): string {
  return join(folder, `bodies-${createHash('sha256').update(contentRoot).digest('hex').slice(0, 12)}.json`);
}

/** The parser's code and packages: a new version of any of them parses every post again. */
function parserVersion(): string {
  const hash = createHash('sha256');
  const { files, packages } = codeGraph([
    fileURLToPath(new URL('./markdown.ts', import.meta.url)),
    fileURLToPath(new URL('./body.ts', import.meta.url)),
    fileURLToPath(new URL('../rules.ts', import.meta.url)),
  ]);
  for (const name of packages) hash.update(`${name}@${packageVersion(name)}\0`);
  for (const file of files) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Parsing Markdown is most of what the check costs (about 5 ms a post), so the facts of each body are
 * kept in `file`, keyed by the body's text, and a post is parsed again only when it changes. Without a
 * file, every body is parsed.
 */
export function openBodyCache(file: string | undefined): BodyCache {
  const version = file ? parserVersion() : '';
  let stored: Record<string, BodyFacts> = {};
  if (file) {
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { version?: string; bodies?: Record<string, BodyFacts> };
      if (saved.version === version && saved.bodies) stored = saved.bodies;
    } catch {
      // No cache yet, or a damaged one: parse everything.
    }
  }
  const seen: Record<string, BodyFacts> = {};
  let parsed = 0;
  return {
    async facts(blanked, body, { mdx, rules }) {
      const key = createHash('sha256')
        .update(`${mdx ? 'mdx' : 'md'}:${rules ? 'rules' : ''}\0`)
        .update(blanked)
        .digest('base64url');
      const known = stored[key];
      if (known) return (seen[key] = known);
      // Loaded on the first miss: the MDX compiler is a large part of the check's start-up.
      const { parseBody } = await import('./markdown.ts');
      const result = await parseBody(blanked, mdx);
      parsed++;
      const facts: BodyFacts = result.ok
        ? {
            ok: true,
            references: result.references,
            rules: rules ? extractRules(body) : [],
            problems: bodyProblems(result.tree, blanked, { mdx, rules }),
            imports: mdx ? mdxImports(result.tree) : [],
          }
        : { ...result, problems: mdx ? mdxProseProblems(blanked) : [] };
      return (seen[key] = facts);
    },
    save() {
      if (!file || (parsed === 0 && Object.keys(seen).length === Object.keys(stored).length)) return;
      mkdirSync(dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ version, bodies: seen }));
      renameSync(temp, file);
    },
  };
}

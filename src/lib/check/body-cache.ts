import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { codeGraph } from '../code-graph.ts';
import { packageVersion } from '../package-version.ts';
import type { BodyFacts, FactsOptions } from './body-facts.ts';
import { createFactsPool, type FactsPool } from './facts-pool.ts';
import { parseYaml, type ParsedYaml } from './yaml.ts';

export type { BodyFacts } from './body-facts.ts';

/**
 * Bodies parsed on the check's own thread before the rest go to worker threads. A worker first has to
 * load the parsers, so a check with a few new posts (an edit) parses them itself, and one that meets
 * hundreds (a first build, a CI run without its cache) spreads them over every core.
 */
const PARALLEL_AFTER = 100;

export interface BodyCache {
  /**
   * The facts of one post: `blanked` is the whole file with its front matter blanked (so positions are file
   * positions), `body` the text after the front matter; rules are read only for rules-of-thumb posts.
   */
  facts(blanked: string, body: string, options: FactsOptions): Promise<BodyFacts>;
  /** A post's front matter as `parseYaml` reads it, `firstLine` being the file line its text starts on. */
  frontMatter(text: string, firstLine: number): ParsedYaml;
  /** Writes what was learnt from the posts seen in this run, and only those, when anything was parsed. */
  save(): void;
  /** Stops the parsing workers, if any were started. */
  close(): Promise<void>;
}

export interface BodyCacheOptions {
  /** Bodies parsed on this thread before workers take the rest (`PARALLEL_AFTER`); tests lower it. */
  parallelAfter?: number;
  /** Worker threads to parse on; one core means no workers. */
  threads?: number;
}

/** The cache file: what was learnt from each post's body and front matter, by a hash of its text. */
interface SavedFile {
  version: string;
  bodies: Record<string, BodyFacts>;
  frontMatter: Record<string, ParsedYaml>;
}

/** One cache file per content folder, so checking one network never drops another's entries. */
export function bodyCacheFile(folder: string, contentRoot: string): string {
  return join(folder, `bodies-${createHash('sha256').update(contentRoot).digest('hex').slice(0, 12)}.json`);
}

/** The parser's code and packages: a new version of any of them parses every post again. */
function parserVersion(): string {
  const hash = createHash('sha256');
  const { files, packages } = codeGraph([
    fileURLToPath(new URL('./body-facts.ts', import.meta.url)),
    fileURLToPath(new URL('./yaml.ts', import.meta.url)),
  ]);
  for (const name of packages) hash.update(`${name}@${packageVersion(name)}\0`);
  for (const file of files) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Parsing Markdown is most of what the check costs (about 5 ms a post), and front matter most of the rest
 * (about 0.4 ms), so the facts of each body and the reading of each front matter are kept in `file`,
 * keyed by their text, and a post is parsed again only when it changes. Without a file, everything is
 * parsed.
 */
export function openBodyCache(
  file: string | undefined,
  { parallelAfter = PARALLEL_AFTER, threads = availableParallelism() }: BodyCacheOptions = {},
): BodyCache {
  const version = file ? parserVersion() : '';
  let stored: Record<string, BodyFacts> = {};
  let storedYaml: Record<string, ParsedYaml> = {};
  if (file) {
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<SavedFile>;
      if (saved.version === version && saved.bodies && saved.frontMatter) {
        stored = saved.bodies;
        storedYaml = saved.frontMatter;
      }
    } catch {
      // No cache yet, or a damaged one: parse everything.
    }
  }
  const seen: Record<string, BodyFacts> = {};
  const seenYaml: Record<string, ParsedYaml> = {};
  let parsed = 0;
  let parsedYaml = 0;
  let pool: FactsPool | undefined;
  return {
    async facts(blanked, body, options) {
      const key = createHash('sha256')
        .update(`${options.mdx ? 'mdx' : 'md'}:${options.rules ? 'rules' : ''}\0`)
        .update(blanked)
        .digest('base64url');
      const known = stored[key];
      if (known) return (seen[key] = known);
      parsed++;
      // Loaded on the first miss: the MDX compiler is a large part of the check's start-up.
      const here = () => import('./body-facts.ts').then(({ bodyFacts }) => bodyFacts(blanked, body, options));
      const facts =
        threads > 1 && parsed > parallelAfter
          ? await (pool ??= createFactsPool(threads)).facts(blanked, body, options).catch(here)
          : await here();
      return (seen[key] = facts);
    },
    frontMatter(text, firstLine) {
      const key = createHash('sha256').update(`${firstLine}\0`).update(text).digest('base64url');
      const known = storedYaml[key];
      if (known) return (seenYaml[key] = known);
      parsedYaml++;
      const result = parseYaml(text, firstLine);
      // Kept only if it comes back from JSON the same (YAML can hold values JSON cannot, such as .inf).
      if (isDeepStrictEqual(JSON.parse(JSON.stringify(result)), result)) seenYaml[key] = result;
      return result;
    },
    save() {
      const unchanged =
        parsed === 0 &&
        parsedYaml === 0 &&
        Object.keys(seen).length === Object.keys(stored).length &&
        Object.keys(seenYaml).length === Object.keys(storedYaml).length;
      if (!file || unchanged) return;
      mkdirSync(dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ version, bodies: seen, frontMatter: seenYaml } satisfies SavedFile));
      renameSync(temp, file);
    },
    async close() {
      await pool?.close();
      pool = undefined;
    },
  };
}

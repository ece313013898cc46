import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { codeGraph } from '../code-graph.ts';
import { packageVersion } from '../package-version.ts';
import type { BodyFacts, FactsOptions } from './body-facts.ts';
import { createFactsPool, type FactsPool } from './facts-pool.ts';

export type { BodyFacts } from './body-facts.ts';

/**
 * Bodies parsed on the check's own thread before the rest go to worker threads. A worker takes about
 * half a second to load the parsers, so a check with a few new posts (an edit) parses them itself, and
 * one that meets hundreds (a first build, a CI run without its cache) spreads them over every core.
 */
const PARALLEL_AFTER = 100;

export interface BodyCache {
  /**
   * The facts of one post: `blanked` is the whole file with its front matter blanked (so positions are file
   * positions), `body` the text after the front matter; rules are read only for rules-of-thumb posts.
   */
  facts(blanked: string, body: string, options: FactsOptions): Promise<BodyFacts>;
  /** Writes the facts of the bodies seen in this run, and only those, when anything was parsed. */
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

/** One cache file per content folder, so checking one network never drops another's entries. */
export function bodyCacheFile(folder: string, contentRoot: string): string {
  return join(folder, `bodies-${createHash('sha256').update(contentRoot).digest('hex').slice(0, 12)}.json`);
}

/** The parser's code and packages: a new version of any of them parses every post again. */
function parserVersion(): string {
  const hash = createHash('sha256');
  const { files, packages } = codeGraph([fileURLToPath(new URL('./body-facts.ts', import.meta.url))]);
  for (const name of packages) hash.update(`${name}@${packageVersion(name)}\0`);
  for (const file of files) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Parsing Markdown is most of what the check costs (about 5 ms a post), so the facts of each body are
 * kept in `file`, keyed by the body's text, and a post is parsed again only when it changes. Without a
 * file, every body is parsed.
 */
export function openBodyCache(
  file: string | undefined,
  { parallelAfter = PARALLEL_AFTER, threads = availableParallelism() }: BodyCacheOptions = {},
): BodyCache {
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
    save() {
      if (!file || (parsed === 0 && Object.keys(seen).length === Object.keys(stored).length)) return;
      mkdirSync(dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ version, bodies: seen }));
      renameSync(temp, file);
    },
    async close() {
      await pool?.close();
      pool = undefined;
    },
  };
}

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { DamageReport, readCheckedJson, writeChecked } from '../lib/atomic-write.ts';
import { hashCode } from '../lib/code-graph.ts';

/** The Vite plugin `@astrojs/mdx` compiles `.mdx` files with. */
const MDX_PLUGIN = '@mdx-js/rolldown';

/** Packages whose code compiles every MDX file, whatever the project's plugins import. */
const COMPILERS = ['astro', '@astrojs/mdx', '@astrojs/markdown-remark', '@mdx-js/mdx'];

export interface MdxCacheOptions {
  /** Everything outside the file and the project's code that changes compiled MDX (e.g. the URL options links are rewritten with). */
  settings: unknown;
  /**
   * The modules that set up the Markdown pipeline, relative to the project root. The fingerprint covers
   * them, every project file they import (directly or not) and the version of every package those import.
   */
  code: string[];
}

type TransformResult = { code: string; map?: unknown; meta?: unknown } | string | null | undefined;
type Handler = (this: unknown, code: string, id: string, ...rest: unknown[]) => Promise<TransformResult>;
interface HookObject {
  handler: Handler;
  [option: string]: unknown;
}
interface MutablePlugin {
  name: string;
  transform?: Handler | HookObject;
}

/** One hash of every input to the MDX compiler besides the file itself. */
export function compilerFingerprint(options: MdxCacheOptions, root: string): string {
  const hash = createHash('sha256').update(JSON.stringify(options.settings) ?? '');
  const code = options.code.map((path) => join(root, path));
  return hashCode(hash, code, root, COMPILERS).digest('hex');
}

const wrapped = new WeakSet<object>();

/**
 * Keeps each compiled MDX file in Astro's cache folder, keyed by its source, its path and the compiler's
 * fingerprint. A rebuild then bundles a post it has compiled before without running remark, rehype and
 * the MDX compiler on it again, which is most of the bundling time of a large network.
 */
export default function mdxCache(options: MdxCacheOptions): AstroIntegration {
  let dir = '';
  const used = new Set<string>();
  let compiled = 0;
  const damage = new DamageReport('compiled MDX');
  return {
    name: 'commonroom:mdx-cache',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        if (command !== 'build') return;
        dir = fileURLToPath(new URL('commonroom-mdx/', config.cacheDir));
        const fingerprint = compilerFingerprint(options, fileURLToPath(config.root));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'commonroom:mdx-cache',
                configResolved(resolved) {
                  const mdx = (resolved.plugins as readonly MutablePlugin[]).find((p) => p.name === MDX_PLUGIN);
                  if (!mdx?.transform) {
                    logger.warn(
                      `${MDX_PLUGIN} (from @astrojs/mdx) not found: every MDX file is compiled on every build`,
                    );
                    return;
                  }
                  if (wrapped.has(mdx)) return;
                  wrapped.add(mdx);
                  mkdirSync(dir, { recursive: true });
                  const hook = mdx.transform;
                  const compile = typeof hook === 'function' ? hook : hook.handler;
                  const cached: Handler = async function (code, id, ...rest) {
                    const key = createHash('sha256').update(fingerprint).update(id).update('\0').update(code);
                    const name = `${key.digest('hex')}.json`;
                    const file = join(dir, name);
                    used.add(name);
                    const read = readCheckedJson<TransformResult>(file);
                    if (read.status === 'ok') return read.value;
                    if (read.status === 'damaged') damage.note(file, read.reason);
                    const result = await compile.call(this, code, id, ...rest);
                    compiled++;
                    if (result && typeof result === 'object') writeChecked(file, JSON.stringify(result));
                    return result;
                  };
                  mdx.transform = typeof hook === 'function' ? cached : { ...hook, handler: cached };
                },
              },
            ],
          },
        });
      },
      // Entries this build did not use belong to old versions of posts, or to posts since deleted.
      'astro:build:done': ({ logger }) => {
        damage.flush((line) => logger.warn(line));
        if (used.size) logger.info(`${used.size - compiled} of ${used.size} MDX files reused, ${compiled} compiled`);
        // A build with no MDX to compile (plain `.mdx` posts are rendered as Markdown) still drops old entries.
        if (!existsSync(dir)) return;
        for (const name of readdirSync(dir)) if (!used.has(name)) rmSync(join(dir, name), { force: true });
      },
    },
  };
}

import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { stripVTControlCharacters } from 'node:util';

const run = promisify(execFile);
export const root = resolve(import.meta.dirname, '../..');
export const tmpRoot = join(root, 'tests/.tmp');

export interface BuildOptions {
  /** Content folder, relative to the project or absolute. */
  content: string;
  env?: Record<string, string>;
  /** Output folder; a fresh temp folder by default. Incremental builds reuse one. */
  out?: string;
  /** Build as a writer does, with `npm run build` (scripts/build.ts), instead of `astro build` alone. */
  script?: boolean;
}

export interface BuildResult {
  dir: string;
  stdout: string;
  stderr: string;
}

/** A fresh temp folder under tests/.tmp (inside the project so Vite can resolve imports from it). */
export function tempDir(prefix: string): string {
  mkdirSync(tmpRoot, { recursive: true });
  return mkdtempSync(join(tmpRoot, `${prefix}-`));
}

/** Copies a fixture network into a temp folder so a test can change it. */
export function copyFixture(name: string): string {
  const dir = tempDir(name);
  cpSync(join(root, 'tests/fixtures', name), dir, { recursive: true });
  return dir;
}

/**
 * Holds a lock shared by every test worker while `fn` runs. Builds write the content layer's module map
 * to the project's `.astro/` folder, so two builds at once (of different content) would read each other's.
 */
export async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = join(tmpRoot, 'build.lock');
  mkdirSync(tmpRoot, { recursive: true });
  for (let waited = 0; ; waited += 100) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than ten minutes was left by a crashed run.
      if (waited > 600_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The environment a writer's `npm run build` has: vitest's own variables (NODE_ENV=test among them) are
 * left out, since Astro builds differently under them.
 */
function userEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST') && name !== 'TEST',
    ),
  );
}

/** Runs `astro build` (or `npm run build`) for a content folder into a temp output folder and returns where it went. */
export async function buildSite({ content, env = {}, out, script = false }: BuildOptions): Promise<BuildResult> {
  const dir = out ?? join(tempDir('dist'), 'out');
  const command = script ? [join(root, 'scripts/build.ts')] : [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'];
  const { stdout, stderr } = await withBuildLock(() =>
    run(process.execPath, command, {
      cwd: root,
      env: {
        ...userEnvironment(),
        ASTRO_TELEMETRY_DISABLED: '1',
        // CI=true turns colours on in Astro's logger; tests read the log as plain text.
        NO_COLOR: '1',
        COMMONROOM_NOW: '2026-11-23',
        ...env,
        COMMONROOM_CONTENT: resolve(root, content),
        COMMONROOM_OUT: dir,
      },
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
  return { dir, stdout: plain(stdout), stderr: plain(stderr) };
}

/** Log text without terminal colour codes. */
const plain = (text: string) => stripVTControlCharacters(text);

export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

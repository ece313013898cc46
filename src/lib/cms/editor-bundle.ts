/**
 * The browser editor's script: Sveltia CMS's npm build and `src/client/admin/main.ts`, bundled once per
 * version into `<cacheDir>/<key>/` with Sveltia's fonts and workers (so the page loads nothing from another
 * origin). Later builds reuse it.
 *
 * `npm run build` bundles it in a process of its own as it starts (`bundleEditorApart`), while Astro's heap
 * is still small: the bundler's memory (about 350 MB) then never sits on top of Astro's at the end of a
 * build, where `astro build` on its own bundles it.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeGraph } from '../code-graph.ts';
import { adminFiles } from './page.ts';
import { selfHostSveltia } from './self-host.ts';

const require = createRequire(import.meta.url);
const scriptDir = fileURLToPath(new URL('../../client/admin/', import.meta.url));
const selfHostSource = fileURLToPath(new URL('./self-host.ts', import.meta.url));

/** Sveltia's package folder (its `exports` lists only the script, which lives in `npm/`). */
function sveltiaRoot(): string {
  return join(dirname(require.resolve('@sveltia/cms')), '..');
}

/** A bundle's folder in the cache: its key (`bundleKey`). */
const BUNDLE = /^[0-9a-f]{16}$/;

/** The bundle's cache key: Sveltia's and the bundler's versions and the editor script's own source. */
function bundleKey(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(sveltiaRoot(), 'package.json')));
  hash.update(readFileSync(require.resolve('rolldown/package.json')));
  for (const file of [...codeGraph([join(scriptDir, 'main.ts')]).files, selfHostSource])
    hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** Where this version's bundle is, and whether it is there. */
function bundleFolder(cacheDir: string): { target: string; present: boolean } {
  const target = join(cacheDir, bundleKey());
  return { target, present: existsSync(join(target, adminFiles.script)) };
}

export interface BundleLog {
  info(line: string): void;
  warn(line: string): void;
}

/**
 * Bundles `src/client/admin/main.ts` with Sveltia's npm build (whose code highlighting, image conversion
 * and map modules are chunks loaded on demand) into the cache, unless this version is there already, and
 * gives its folder.
 */
export async function editorBundle(cacheDir: string, log: BundleLog): Promise<string> {
  const { target, present } = bundleFolder(cacheDir);
  if (present) return target;
  const started = performance.now();
  const temp = `${target}.${process.pid}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  const assets = join(sveltiaRoot(), 'npm/assets');
  const sveltiaScript = join(sveltiaRoot(), 'npm/index.js');
  // Loaded here, not at the top: most builds find the bundle in the cache and never need the bundler.
  const { build } = await import('rolldown');
  await build({
    input: join(scriptDir, 'main.ts'),
    platform: 'browser',
    logLevel: 'silent',
    plugins: [
      {
        name: 'commonroom:self-host-sveltia',
        transform(code, id) {
          if (id !== sveltiaScript) return null;
          const result = selfHostSveltia(code, readdirSync(assets));
          if (result.fonts === 0 || result.statusChecks === 0) {
            log.warn(
              'Sveltia CMS no longer names its CDN fonts or status check as expected: check /admin/ in a browser',
            );
          }
          return result.code;
        },
      },
    ],
    output: {
      dir: temp,
      format: 'esm',
      minify: true,
      entryFileNames: adminFiles.script,
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
  });
  // Sveltia's fonts, workers and WebAssembly are referenced relative to its script, under `assets/`.
  cpSync(assets, join(temp, 'assets'), {
    recursive: true,
    filter: (source) => !source.endsWith('.map'),
  });
  rmSync(target, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  renameSync(temp, target);
  // Bundles of other versions are never used again; folders still being written (`.tmp`) are left alone.
  for (const entry of readdirSync(cacheDir)) {
    if (BUNDLE.test(entry) && join(cacheDir, entry) !== target) {
      rmSync(join(cacheDir, entry), { recursive: true, force: true });
    }
  }
  log.info(`editor bundled in ${Math.round(performance.now() - started)} ms`);
  return target;
}

/**
 * Makes the bundle in a Node process of its own, when the cache lacks this version; resolves once that
 * process has ended. Its lines are passed to `log`, and its process id to `started` (the build lock waits
 * for it too). A bundle that fails here is not an error of its own:
 * the editor integration bundles again inside Astro and reports what went wrong there.
 */
export function bundleEditorApart(
  cacheDir: string,
  log: BundleLog,
  started: (pid: number) => void = () => undefined,
): Promise<void> {
  if (bundleFolder(cacheDir).present) return Promise.resolve();
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./editor-bundle-process.ts', import.meta.url)), cacheDir],
    // The channel ends the child if the build script is stopped.
    { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  );
  const relay = (stream: NodeJS.ReadableStream, write: (line: string) => void) => {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line) write(line);
    });
  };
  if (child.pid) started(child.pid);
  relay(child.stdout!, (line) => log.info(line));
  relay(child.stderr!, (line) => log.warn(line));
  return new Promise((resolve) => {
    child.on('error', () => resolve());
    child.on('exit', () => resolve());
  });
}

import { spawn } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Scratch space for builds; ignored by git, prettier and TypeScript. */
export const tmpRoot = join(projectRoot, 'tests/.tmp');
/** The build date every fixture build uses, so scheduled posts stay scheduled. */
export const fixtureNow = '2026-11-23';

export interface BuildOptions {
  /** Content folder (holding `network.yaml`). */
  content: string;
  /** Output folder; emptied first. */
  out: string;
  base?: string;
  scope?: string;
  now?: string;
  env?: Record<string, string>;
}

export interface BuildResult {
  out: string;
  ms: number;
  log: string;
}

/**
 * The environment without what Vitest adds (`DEV=1`, `MODE=test`, `NODE_ENV=test`…): Vite reads those as
 * `import.meta.env`, which would turn the build into a preview showing drafts and scheduled posts.
 */
function inheritedEnv(): NodeJS.ProcessEnv {
  const vitestKeys = /^(VITEST.*|TEST|DEV|PROD|SSR|MODE|BASE_URL|NODE_ENV)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !vitestKeys.test(key)));
}

/** Runs `astro build` on a content folder, as `npm run build` does; rejects with the log when it fails. */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  await rm(options.out, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = {
    ...inheritedEnv(),
    COMMONROOM_CONTENT: options.content,
    COMMONROOM_OUT: options.out,
    COMMONROOM_NOW: options.now ?? fixtureNow,
    ...(options.base ? { COMMONROOM_BASE: options.base } : {}),
    ...(options.scope ? { COMMONROOM_SCOPE: options.scope } : {}),
    ...options.env,
    NO_COLOR: '1',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const started = performance.now();
  const child = spawn(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: projectRoot,
    env,
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0) throw new Error(`astro build failed for ${options.content} (exit ${code}):\n${log}`);
  return { out: options.out, ms: performance.now() - started, log };
}

/** Copies a fixture network to a scratch folder and rewrites `network.yaml` with `edit`, for variants. */
export async function copyFixture(from: string, to: string, edit: (yaml: string) => string): Promise<string> {
  await rm(to, { recursive: true, force: true });
  await mkdir(dirname(to), { recursive: true });
  await cp(from, to, { recursive: true });
  const file = join(to, 'network.yaml');
  await writeFile(file, edit(await readFile(file, 'utf8')));
  return to;
}

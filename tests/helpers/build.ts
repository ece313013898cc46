import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';

const run = promisify(execFile);

export const projectRoot = resolve(import.meta.dirname, '../..');
export const tmpRoot = join(projectRoot, 'tests/.tmp');
export const fixtureRoot = join(projectRoot, 'tests/fixtures/network');

/** The day fixture builds are made "as of", so the scheduled fixture post stays unpublished. */
export const fixtureNow = '2026-01-31';

/**
 * Copies the fixture network to `tests/.tmp/<name>/content` and adds an image inside one `.md` and one
 * `.mdx` post, plus a hero image, so feeds and pages are tested with images in both formats.
 */
export async function fixtureWithImages(name: string): Promise<string> {
  const content = join(tmpRoot, name, 'content');
  await rm(content, { recursive: true, force: true });
  await cp(fixtureRoot, content, { recursive: true });
  const png = (background: string) => sharp({ create: { width: 64, height: 32, channels: 3, background } }).png().toBuffer();
  const add = async (post: string, image: string, text: string, frontMatter = '') => {
    const file = join(content, 'posts', post);
    await writeFile(join(file, '..', image), await png(image.startsWith('chart') ? '#0b6e4f' : '#7a1f3d'));
    const source = await readFile(file, 'utf8');
    await writeFile(file, source.replace(/^---\n/, `---\n${frontMatter}`) + `\n${text}\n`);
  };
  await add('oak-primary/phonics-every-day.mdx', 'chart.png', '![A bar chart of pass rates rising](./chart.png)');
  await add('elm-academy/leading-change.md', 'staffroom.png', '![The staffroom at break](./staffroom.png)', 'hero: ./staffroom.png\nheroAlt: The staffroom at break\n');
  return content;
}

export interface BuildOptions {
  /** Folder name under `tests/.tmp/`. */
  name: string;
  content: string;
  scope?: string;
  base?: string;
}

/** Builds a content folder with the real `astro build` and returns the output folder. */
export async function buildSite({ name, content, scope, base }: BuildOptions): Promise<string> {
  const out = join(tmpRoot, name, 'dist');
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    COMMONROOM_CONTENT: content,
    COMMONROOM_OUT: out,
    COMMONROOM_NOW: fixtureNow,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  delete env['COMMONROOM_SCOPE'];
  delete env['COMMONROOM_BASE'];
  delete env['COMMONROOM_SITE'];
  if (scope) env['COMMONROOM_SCOPE'] = scope;
  if (base) env['COMMONROOM_BASE'] = base;
  try {
    await run('npx', ['astro', 'build'], { cwd: projectRoot, env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`astro build failed for ${name}:\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`);
  }
  return out;
}

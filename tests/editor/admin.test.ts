import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CmsField } from '../../src/lib/cms/fields.ts';
import { readConfigFile } from '../../src/lib/cms/page.ts';
import { parseHeadersFile, headersFor } from '../../src/lib/hosting/headers.ts';
import { authorSchema } from '../../src/schemas/author.ts';
import { familySchema } from '../../src/schemas/family.ts';
import { networkSchema } from '../../src/schemas/network.ts';
import { postKinds, postSchema } from '../../src/schemas/post.ts';
import { schoolSchema } from '../../src/schemas/school.ts';
import { topicSchema } from '../../src/schemas/topic.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { buildSite, copyFixture, removeDir, root } from '../helpers/build.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { validateHtml } from '../quality/gates/html-validity.ts';
import { fieldPaths, schemaPaths } from './paths.ts';

type Collection = { name?: string; label?: string; folder?: string; fields?: CmsField[]; divider?: boolean };

const content = join(root, 'content');
const ids = (folder: string) =>
  readdirSync(join(content, folder))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.replace(/\.yaml$/, ''));

let dist = '';
let server: StaticServer;
const seen = { foreign: [] as string[], errors: [] as string[], config: '' };
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  ({ dir: dist } = await buildSite({ content: 'content', env: { COMMONROOM_CARDS: 'off' } }));
  server = await serveStatic(dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dist) removeDir(join(dist, '..'));
});

describe('the editor at /admin/ of the built demo', () => {
  it('loads in Chromium under its own CSP with no console error and no request to another origin', async () => {
    const page = await browser.browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') seen.errors.push(message.text());
    });
    page.on('pageerror', (error) => seen.errors.push(error.message));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${server.origin}/`) && !/^(blob|data):/.test(url)) seen.foreign.push(url);
    });
    const config = page.waitForResponse((response) => new URL(response.url()).pathname === '/admin/config.yml');
    const response = await page.goto(`${server.origin}/admin/`);
    seen.config = await (await config).text();
    expect(response?.headers()['content-security-policy']).toContain('connect-src');
    // The sign-in page: a GitHub sign-in (the demo's forge) and, on this machine, a local folder.
    // Sveltia wraps names it inserts in bidirectional isolates (U+2068…U+2069).
    await page.getByRole('button', { name: /^Sign In with \W?GitHub\W?$/ }).waitFor();
    await page.getByRole('button', { name: 'Work with Local Repository' }).waitFor();
    // Fonts and icons are the editor's own copies.
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family);
    });
    expect(fonts.join()).toMatch(/Material Symbols Outlined/);
    await page.close();
    expect(seen.errors).toEqual([]);
    expect(seen.foreign).toEqual([]);
  });

  it('loads a configuration listing every school and family, each kind of post, and every field', () => {
    const config = readConfigFile(seen.config) as {
      collections: Collection[];
      singletons: Collection[];
      backend: object;
    };
    expect(config.backend).toMatchObject({ name: 'github', repo: 'borderlands-commonroom/commonroom' });
    const collections = new Map(config.collections.filter((c) => !c.divider).map((c) => [c.name!, c]));
    const options = (postSchema(z.string()) as unknown as { _zod: { def: { options: z.ZodObject[] } } })._zod.def
      .options;
    for (const publisher of [...ids('schools'), ...ids('families')]) {
      for (const [index, kind] of postKinds.entries()) {
        const collection = collections.get(`${publisher}--${kind}`);
        expect(collection?.folder, `${publisher} ${kind}`).toBe(`content/posts/${publisher}`);
        const form = fieldPaths(collection!.fields!);
        const expected = schemaPaths(options[index]!.shape).filter(
          // A family's posts are shared with the family itself, so they have no "shared with" choice.
          (path) => !(path === 'families' && ids('families').includes(publisher)),
        );
        for (const path of expected) expect(form.has(path), `${publisher} ${kind}: ${path}`).toBe(true);
      }
    }
    const data: [string, z.ZodObject][] = [
      ['schools', schoolSchema],
      ['families', familySchema],
      ['authors', authorSchema],
      ['topics', topicSchema],
    ];
    for (const [name, schema] of data) {
      const form = fieldPaths(collections.get(name)!.fields!);
      for (const path of schemaPaths(schema.shape)) expect(form.has(path), `${name}: ${path}`).toBe(true);
    }
    const network = fieldPaths(config.singletons[0]!.fields!);
    for (const path of schemaPaths(networkSchema.shape)) expect(network.has(path), `network: ${path}`).toBe(true);
  });

  it('is valid HTML (Nu HTML Checker)', async () => {
    expect(await validateHtml(join(dist, 'admin'))).toEqual([]);
  });

  it('is marked noindex and left out of the sitemap, search, feeds and cards', () => {
    const html = readFileSync(join(dist, 'admin/index.html'), 'utf8');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).not.toContain('data-pagefind-body');
    expect(html).not.toMatch(/<script>|<script type="module">/);
    const rules = parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8'));
    expect(headersFor(rules, '/admin/')['X-Robots-Tag']).toBe('noindex, nofollow');
    expect(headersFor(rules, '/admin/')['Content-Security-Policy']).toContain('https://api.github.com');
    expect(headersFor(rules, '/')['Content-Security-Policy']).not.toContain('https://api.github.com');
    const sitemaps = readdirSync(dist).filter((name) => name.startsWith('sitemap'));
    for (const name of sitemaps) expect(readFileSync(join(dist, name), 'utf8')).not.toContain('/admin/');
    const feeds = readdirSync(join(dist, 'feeds'), { recursive: true, encoding: 'utf8' });
    for (const name of feeds.filter((file) => /\.(xml|json|opml)$/.test(file))) {
      expect(readFileSync(join(dist, 'feeds', name), 'utf8'), name).not.toContain('/admin/');
    }
    // Pagefind indexes only pages with data-pagefind-body, checked above.
    expect(existsSync(join(dist, 'cards/admin.png'))).toBe(false);
  });
});

describe('the editor under a sub-path', () => {
  it('loads its script, fonts, configuration and the site stylesheet from under the base', async () => {
    const { dir } = await buildSite({
      content: 'tests/fixtures/network',
      env: { COMMONROOM_BASE: '/commonroom/', COMMONROOM_CARDS: 'off' },
    });
    const sub = await serveStatic(dir, '/commonroom/');
    const page = await browser.browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    try {
      const config = page.waitForResponse(
        (response) => new URL(response.url()).pathname === '/commonroom/admin/config.yml',
      );
      await page.goto(`${sub.root}admin/`);
      expect((await config).ok()).toBe(true);
      await page.getByRole('button', { name: 'Work with Local Repository' }).waitFor();
      const data = JSON.parse(
        readFileSync(join(dir, 'admin/index.html'), 'utf8').match(/({"styles".*?})<\/script>/)![1]!,
      ) as {
        styles: string[];
      };
      expect(data.styles.length).toBeGreaterThan(0);
      for (const style of data.styles) expect(style).toMatch(/^\/commonroom\/_astro\/.+\.css$/);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
      await sub.close();
      removeDir(join(dir, '..'));
    }
  });
});

describe('the editor’s configuration', () => {
  it('is made once for a network and read back by the builds after it, until a school changes', async () => {
    const network = copyFixture('network');
    // A name no other build has used, so the first build cannot find the files in the cache.
    const name = `Cache Test Network ${Date.now()}`;
    const yaml = join(network, 'network.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('name: Fixture Network', `name: ${name}`));
    const reused = /\/admin\/ written \(\d+ files, \d+ post lists, its configuration as the last build made it\)/;
    const env = { COMMONROOM_CARDS: 'off' };
    const builds: string[] = [];
    try {
      const first = await buildSite({ content: network, env });
      builds.push(first.dir);
      expect(first.stdout).toMatch(/\/admin\/ written \(\d+ files, \d+ post lists\)/);
      const second = await buildSite({ content: network, env });
      builds.push(second.dir);
      expect(second.stdout).toMatch(reused);
      for (const file of ['config.yml', 'index.html'])
        expect(readFileSync(join(second.dir, 'admin', file), 'utf8')).toBe(
          readFileSync(join(first.dir, 'admin', file), 'utf8'),
        );
      expect(readFileSync(join(second.dir, 'admin/config.yml'), 'utf8')).toContain(`app_title: "${name}: editor"`);
      const school = join(network, 'schools/elm-academy.yaml');
      writeFileSync(school, readFileSync(school, 'utf8').replace('name: Elm Academy', 'name: Elm Tree Academy'));
      const third = await buildSite({ content: network, env });
      builds.push(third.dir);
      expect(third.stdout).not.toMatch(reused);
      expect(readFileSync(join(third.dir, 'admin/config.yml'), 'utf8')).toContain('Elm Tree Academy: ');
    } finally {
      for (const dir of builds) removeDir(join(dir, '..'));
      removeDir(network);
    }
  });
});

describe('COMMONROOM_ADMIN=off', () => {
  it('leaves /admin/ and its headers out of the build', async () => {
    const { dir } = await buildSite({
      content: 'tests/fixtures/network',
      env: { COMMONROOM_ADMIN: 'off', COMMONROOM_CARDS: 'off' },
    });
    try {
      expect(existsSync(join(dir, 'index.html'))).toBe(true);
      expect(existsSync(join(dir, 'admin'))).toBe(false);
      expect(readFileSync(join(dir, '_headers'), 'utf8')).not.toContain('admin');
    } finally {
      removeDir(join(dir, '..'));
    }
  });
});

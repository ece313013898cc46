/**
 * A writer's whole round trip through the browser editor, in Chromium: open /admin/ of a built network, work
 * on the repository in Sveltia's local-repository mode (the File System Access API, given a folder in the
 * browser's origin-private file system that holds a copy of the repository), create a rules-of-thumb post
 * with a photo through the editor's own form, save it, then take the files it wrote and check and build them.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check/check-content.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { buildSite, removeDir, root, tempDir } from '../helpers/build.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

/** Today, as the editor dates a new post. */
const today = new Date().toISOString().slice(0, 10);
const slug = 'four-rules-for-a-quiet-library';
const rules = [
  'Quiet starts at the door',
  'Every child has a book in hand',
  'Adults read too',
  'Noise is a signal, not a crime',
];
const body = `Our library opens every lunchtime. These are the rules the librarians agreed with Year 6.

${rules.map((rule, index) => `${index + 1}. **${rule}.** Why it matters, in the librarians' words.`).join('\n')}
`;

let repository = '';
let content = '';
let server: StaticServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
const errors: string[] = [];
const foreign: string[] = [];

/** Every file of the repository copy, base64, by path from its root, to recreate in the browser. */
function repositoryFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path).toString('base64');
    }
  };
  walk(join(dir, 'content'));
  return files;
}

beforeAll(async () => {
  // A repository of its own: the editor names files from the root of the git repository holding the content.
  repository = tempDir('editor-repository');
  mkdirSync(join(repository, '.git'));
  content = join(repository, 'content');
  cpSync(join(root, 'tests/fixtures/network'), content, { recursive: true });
  const { dir } = await buildSite({ content, env: { COMMONROOM_CARDS: 'off', COMMONROOM_NOW: today } });
  server = await serveStatic(dir);
  browser = await launchBrowser();
  page = await browser.browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${server.origin}/`) && !/^(blob|data):/.test(url)) foreign.push(url);
  });
  await page.goto(`${server.origin}/admin/`);
  // The folder the writer would pick: a copy of the repository in the origin-private file system.
  await page.evaluate(async (files) => {
    const storage = await navigator.storage.getDirectory();
    const repo = await storage.getDirectoryHandle('repository', { create: true });
    await repo.getDirectoryHandle('.git', { create: true });
    for (const [path, base64] of Object.entries(files)) {
      const parts = path.split('/');
      let dir = repo;
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
      const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
      await writable.write(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
      await writable.close();
    }
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker =
      async () => repo;
  }, repositoryFiles(repository));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (repository) removeDir(repository);
});

/** The files the editor saved in a publisher's folder, read back from the browser. */
async function savedFiles(publisher: string): Promise<Record<string, string>> {
  return page.evaluate(async (publisher) => {
    let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('repository');
    for (const part of ['content', 'posts', publisher]) dir = await dir.getDirectoryHandle(part);
    const files: Record<string, string> = {};
    for await (const [name, handle] of (
      dir as unknown as { entries(): AsyncIterable<[string, FileSystemFileHandle]> }
    ).entries()) {
      const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
      files[name] = btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''));
    }
    return files;
  }, publisher);
}

describe('writing a post in the browser editor', () => {
  it('lists the network’s publishers once the repository folder is opened', async () => {
    await page.getByRole('button', { name: 'Work with Local Repository' }).click();
    for (const name of ['Oak Primary: rules of thumb', 'Elm Academy: case studies', 'River Trust: reflections']) {
      await page.getByText(name, { exact: true }).waitFor();
    }
  });

  it('creates a rules-of-thumb post with a photo through the form, previewed with numbered rules', async () => {
    await page.getByText('Oak Primary: rules of thumb', { exact: true }).click();
    await page.getByRole('button', { name: /New/ }).first().click();
    // The preview draws once the editor has set up the new entry; typing before that can be overwritten.
    const preview = page.locator('iframe').last().contentFrame();
    await preview.locator('h1').waitFor({ state: 'attached' });
    await page.getByRole('textbox', { name: 'Title' }).fill('Four rules for a quiet library');
    await expect.poll(() => preview.locator('h1').textContent()).toBe('Four rules for a quiet library');
    await page
      .getByRole('textbox', { name: 'Description' })
      .fill('What we learned about keeping the school library calm at lunchtime, written down for colleagues.');
    await page.getByRole('checkbox', { name: 'Ann Head' }).check();
    await page.getByRole('checkbox', { name: 'Reading' }).check();
    await page
      .getByRole('group', { name: /Photo at the top/ })
      .getByRole('button', { name: 'Browse' })
      .click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('dialog', { name: 'Select Image' }).getByRole('button', { name: 'Upload' }).click();
    await (
      await chooser
    ).setFiles(join(root, 'tests/fixtures/bad/missing-hero-alt/content/posts/oak-primary/hero.png'));
    await page.getByRole('dialog').getByRole('button', { name: 'Insert' }).click();
    await page.getByRole('textbox', { name: 'Describe the photo' }).fill('Pupils reading on beanbags in the library');
    // The text: the writer switches the text box to Markdown and types the rules as a numbered list.
    const text = page.getByRole('group', { name: /“\W?Text\W?” Field/ });
    // The form draws fields as they scroll into view, as a writer's wheel would bring them.
    await page.mouse.move(300, 500);
    for (let turn = 0; turn < 30 && (await text.count()) === 0; turn++) await page.mouse.wheel(0, 600);
    await text.scrollIntoViewIfNeeded();
    await text.getByRole('button', { name: 'Edit in Markdown' }).click();
    await text.getByRole('textbox').fill(body);

    // The preview pane shows the post as the site will: its stylesheet, the rules numbered.
    await preview
      .locator('ol.rules > li.rule')
      .nth(rules.length - 1)
      .waitFor();
    expect(await preview.locator('ol.rules > li.rule').count()).toBe(rules.length);
    expect(await preview.locator('h1').textContent()).toBe('Four rules for a quiet library');
    const numbers = await preview.locator('li.rule .rule-number').allTextContents();
    expect(numbers).toEqual(rules.map((_, index) => String(index + 1)));

    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(async () => Object.keys(await savedFiles('oak-primary')), { timeout: 15_000 })
      .toContain(`${slug}.mdx`);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
  });

  it('previews a case study with its at-a-glance panel, as the post page shows it', async () => {
    await page.getByText('Elm Academy: case studies', { exact: true }).click();
    await page.getByText('Mentoring early career teachers in a secondary school').click();
    const preview = page.locator('iframe').last().contentFrame();
    const panel = preview.locator('section.panel.glance');
    await panel.waitFor();
    expect(await panel.locator('dt').allTextContents()).toEqual([
      'Setting',
      'Period',
      'Focus',
      'Partners',
      'Outcomes',
      'Evidence',
    ]);
    expect(await panel.locator('dd li').allTextContents()).toContain('All six ECTs stayed for a second year');
    // The site's stylesheet draws the panel: a border in the accent colour.
    const border = await panel.evaluate((element) => getComputedStyle(element).borderLeftWidth);
    expect(border).toBe('6px');
    expect(errors).toEqual([]);
  });

  it('saves a file that passes npm run check and builds into a page with numbered rules and the photo', async () => {
    const saved = await savedFiles('oak-primary');
    for (const [name, base64] of Object.entries(saved)) {
      writeFileSync(join(content, 'posts/oak-primary', name), Buffer.from(base64, 'base64'));
    }
    const text = readFileSync(join(content, `posts/oak-primary/${slug}.mdx`), 'utf8');
    expect(text).toMatch(/^kind: rules-of-thumb$/m);
    expect(text).toMatch(/^heroAlt: Pupils reading on beanbags in the library$/m);
    const hero = /^hero: (.+)$/m.exec(text)?.[1];
    expect(hero).toBeDefined();
    expect(Object.keys(saved)).toContain(hero!.replace(/^\.\//, ''));

    const check = await checkContent({ root: content, now: new Date(`${today}T12:00:00Z`) });
    expect(check.issues.filter((issue) => issue.file.includes(slug))).toEqual([]);
    expect(check.issues.filter((issue) => issue.severity === 'error')).toEqual([]);

    const { dir } = await buildSite({ content, env: { COMMONROOM_CARDS: 'off', COMMONROOM_NOW: today } });
    try {
      const html = parseHtml(readFileSync(join(dir, `schools/oak-primary/${slug}/index.html`), 'utf8'));
      const items = html.querySelectorAll('ol.rules > li.rule');
      expect(items.map((item) => item.id)).toEqual(rules.map((_, index) => `rule-${index + 1}`));
      expect(items.map((item) => item.querySelector('strong')?.text)).toEqual(rules.map((rule) => `${rule}.`));
      const photo = html.querySelector('img[alt="Pupils reading on beanbags in the library"]');
      expect(photo?.getAttribute('src')).toMatch(/\/_astro\/hero\./);
    } finally {
      removeDir(join(dir, '..'));
    }
  });
});

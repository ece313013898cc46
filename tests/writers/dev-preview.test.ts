import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { root } from '../helpers/build.ts';

const TMP = resolve('tests/.tmp/writers-dev');
const CONTENT = join(TMP, 'content');

const post = (front: string) =>
  `---\n${front}\ndescription: A post with one mistake, to see that the preview carries on around it.\n` +
  'date: 2025-03-01\nkind: reflection\ntopics: [reading]\n---\n\nText.\n';

/** A free port on this machine. */
function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * `npm run dev` with three bad posts (a dangling author, a missing title, a title YAML cannot read): each shows
 * its own message, naming the writer's file and line in Astro's error overlay, and every other page still works.
 */
describe('the dev preview survives a bad file', () => {
  let server: ChildProcess;
  let base = '';
  let log = '';

  beforeAll(async () => {
    rmSync(TMP, { recursive: true, force: true });
    mkdirSync(TMP, { recursive: true });
    cpSync(resolve('tests/fixtures/network'), CONTENT, { recursive: true });
    const posts = join(CONTENT, 'posts/oak-primary');
    writeFileSync(join(posts, 'bad-author.md'), post('title: A bad author\nauthors: [ann-haed]'));
    writeFileSync(join(posts, 'no-title.md'), post('authors: [ann-head]'));
    writeFileSync(join(posts, 'colon.md'), post('title: Ofsted: what we learnt\nauthors: [ann-head]'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(
      process.execPath,
      [join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)],
      {
        cwd: root,
        // A writer's environment: vitest's own variables (NODE_ENV=test among them) change how Vite serves.
        env: {
          ...Object.fromEntries(
            Object.entries(process.env).filter(
              ([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST') && name !== 'TEST',
            ),
          ),
          COMMONROOM_CONTENT: CONTENT,
          ASTRO_TELEMETRY_DISABLED: '1',
          NO_COLOR: '1',
        },
      },
    );
    server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    for (let waited = 0; waited < 180_000; waited += 1000) {
      try {
        if ((await fetch(`${base}/`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((done) => setTimeout(done, 1000));
    }
    throw new Error(`astro dev did not start:\n${log}`);
  }, 240_000);

  afterAll(() => {
    server?.kill();
  });

  it('keeps serving every other page', async () => {
    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Seven rules for reading aloud');
    expect((await fetch(`${base}/schools/oak-primary/reading-rules/`)).status).toBe(200);
    expect((await fetch(`${base}/schools/oak-primary/`)).status).toBe(200);
  });

  it('gives each bad post an error of its own', async () => {
    for (const slug of ['bad-author', 'no-title', 'colon']) {
      expect((await fetch(`${base}/schools/oak-primary/${slug}/`)).status, slug).toBe(500);
    }
  });

  it('names the writer’s file, line and fix in the overlay, in the check’s words', { timeout: 300_000 }, async () => {
    const { browser, close } = await launchBrowser();
    try {
      const page = await browser.newPage();
      /** The overlay's message, and the file it points at (its header and full path). */
      const overlay = async (slug: string) => {
        // Vite may reload the page while it optimises dependencies on a first visit, even after the overlay
        // showed: then the whole visit is tried again.
        for (let attempt = 0; ; attempt++) {
          try {
            await page.goto(`${base}/schools/oak-primary/${slug}/`);
            await page.waitForSelector('vite-error-overlay', { state: 'attached', timeout: 60_000 });
            return await page.evaluate(() => {
              const root = document.querySelector('vite-error-overlay')?.shadowRoot;
              const file = root?.querySelector('#code h2');
              return {
                message: root?.querySelector('#message-content')?.textContent ?? '',
                file: file?.textContent ?? '',
                path: file?.getAttribute('title') ?? '',
              };
            });
          } catch (error) {
            if (attempt === 2) throw error;
          }
        }
      };
      const author = await overlay('bad-author');
      expect(author.message).toContain(
        'posts/oak-primary/bad-author.md:3 authors[0]: "ann-haed" is not an author (did you mean "ann-head"?)',
      );
      expect(author.file).toBe('oak-primary/bad-author.md:3:1');
      expect(author.path).toBe(`${join(CONTENT, 'posts/oak-primary/bad-author.md')}:3:1`);
      const colon = await overlay('colon');
      expect(colon.message).toContain('put the whole value in quotes, title: "Ofsted: what we learnt"');
      expect(colon.file).toBe('oak-primary/colon.md:2:8');
      const untitled = await overlay('no-title');
      expect(untitled.message).toContain('posts/oak-primary/no-title.md title: is missing: add "title:"');
    } finally {
      await close();
    }
  });
});

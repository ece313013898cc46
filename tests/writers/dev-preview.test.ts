import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { root, withBuildLock } from '../helpers/build.ts';

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

/** The error overlay on a page: its message, and the file it points at (its header and full path). */
/**
 * The error overlay a page shows, and the file it points at (its header and full path). `file` is the writer's
 * file the page's own error names: Vite also hands a newly connected page the last error it could not deliver
 * (from a request no browser made), so an overlay naming another file is that one, and the page is loaded again.
 */
async function overlayOn(page: Page, url: string, file: string) {
  // Vite may also reload the page while it optimises dependencies on a first visit, even after the overlay
  // showed: then the whole visit is tried again.
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto(url);
      await page.waitForSelector('vite-error-overlay', { state: 'attached', timeout: 60_000 });
      const shown = await page.evaluate(() => {
        const root = document.querySelector('vite-error-overlay')?.shadowRoot;
        const header = root?.querySelector('#code h2');
        return {
          message: root?.querySelector('#message-content')?.textContent ?? '',
          file: header?.textContent ?? '',
          path: header?.getAttribute('title') ?? '',
        };
      });
      if (shown.path.includes(file) || attempt === 3) return shown;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/**
 * `npm run dev` with three bad posts (a dangling author, a missing title, a title YAML cannot read), a bad school
 * file and a bad author file, then a bad `network.yaml`: each shows its own message on the pages that need it,
 * naming the writer's file and line in Astro's error overlay, every other page still works, and saving the fixed
 * file brings the pages back. One server for all of it: the dev server holds the project's lock, so two cannot run.
 */
describe('the dev preview survives a bad file', () => {
  let server: ChildProcess;
  let base = '';
  let log = '';
  let unlock = () => {};
  let locked: Promise<void> | undefined;

  const status = async (path: string) => (await fetch(`${base}${path}`)).status;
  /** Waits (the content layer reloads a saved file in its own time) until every page answers with `code`. */
  const until = async (code: number, paths: string[]) => {
    let last: number[] = [];
    for (let waited = 0; waited < 90_000; waited += 500) {
      last = await Promise.all(paths.map(status));
      if (last.every((got) => got === code)) return;
      await new Promise((done) => setTimeout(done, 500));
    }
    throw new Error(`expected ${code} from ${paths.join(', ')}, got ${last.join(', ')}:\n${log.slice(-3000)}`);
  };
  /** Rewrites a content file, as a writer saving it in an editor does. */
  const edit = (file: string, change: (text: string) => string) => {
    const path = join(CONTENT, file);
    writeFileSync(path, change(readFileSync(path, 'utf8')));
  };

  beforeAll(async () => {
    rmSync(TMP, { recursive: true, force: true });
    mkdirSync(TMP, { recursive: true });
    cpSync(resolve('tests/fixtures/network'), CONTENT, { recursive: true });
    const posts = join(CONTENT, 'posts/oak-primary');
    writeFileSync(join(posts, 'bad-author.md'), post('title: A bad author\nauthors: [ann-haed]'));
    writeFileSync(join(posts, 'no-title.md'), post('authors: [ann-head]'));
    writeFileSync(join(posts, 'colon.md'), post('title: Ofsted: what we learnt\nauthors: [ann-head]'));
    edit('schools/ysgol-derw.yaml', (text) => text.replace('phase: primary', 'phase: primry'));
    edit('authors/eve-adviser.yaml', (text) => text.replace('role: Independent adviser', 'role: Adviser: reading'));
    edit('topics/wellbeing.yaml', (text) => text.replace(/^description: .*\n/m, ''));
    edit('families/hill-cluster.yaml', (text) => text.replace('kind: cluster', 'kind: clustr'));
    // The site's address is read from network.yaml before the content layer starts: a bad one must not stop that.
    edit('network.yaml', (text) => text.replace('name: Fixture Network', 'name: Fixture Network: North'));
    // Builds in other test files write the project's `.astro/` folder too: take turns with them.
    await new Promise<void>((taken) => {
      locked = withBuildLock(() => {
        taken();
        return new Promise<void>((done) => (unlock = done));
      });
    });
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
        await fetch(`${base}/`);
        return;
      } catch {
        // not listening yet
      }
      await new Promise((done) => setTimeout(done, 1000));
    }
    throw new Error(`astro dev did not start:\n${log}`);
    // The server has 180 s to start; the rest is for the lock, which a file of fault tests holds for all its builds.
  }, 1_200_000);

  afterAll(async () => {
    server?.kill();
    unlock();
    await locked;
  });

  it(
    'starts with a bad network.yaml, shows it on every page, and comes back when it is fixed',
    {
      timeout: 240_000,
    },
    async () => {
      const pages = ['/', '/schools/', '/schools/oak-primary/reading-rules/'];
      await until(500, pages);
      const { browser, close } = await launchBrowser();
      try {
        const shown = await overlayOn(await browser.newPage(), `${base}/schools/`, 'network.yaml');
        expect(shown.message).toContain(
          'network.yaml:1:7 name: "name" has a colon followed by a space in its value, which YAML reads as a new field: put the whole value in quotes, name: "Fixture Network: North"',
        );
        expect(shown.path).toBe(`${join(CONTENT, 'network.yaml')}:1:7`);
      } finally {
        await close();
      }
      edit('network.yaml', (text) => text.replace('name: Fixture Network: North', 'name: "Fixture Network: North"'));
      await until(200, pages);
      expect(await (await fetch(`${base}/`)).text()).toContain('Fixture Network: North');
    },
  );

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
      const overlay = (slug: string) =>
        overlayOn(page, `${base}/schools/oak-primary/${slug}/`, `oak-primary/${slug}.md`);
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

  it(
    'shows a bad school, author, topic or family file on the pages that need it, and nowhere else',
    { timeout: 240_000 },
    async () => {
      const school = ['/schools/ysgol-derw/', '/schools/ysgol-derw/darllen-gyda-n-gilydd/'];
      const author = ['/authors/eve-adviser/', '/families/river-trust/one-trust-one-calendar/'];
      await until(500, [...school, ...author, '/topics/wellbeing/', '/families/hill-cluster/']);
      // They are left out of the lists, and off the pages that only mention them; everything else is as usual.
      await until(200, ['/', '/schools/', '/authors/', '/topics/', '/families/', '/families/river-trust/']);
      await until(200, ['/schools/oak-primary/', '/authors/carys-pennaeth/', '/schools/elm-academy/leading-change/']);
      await until(200, ['/topics/bilingualism/', '/schools/oak-primary/reading-rules/', '/rulebook/', '/archive/']);
      const { browser, close } = await launchBrowser();
      try {
        const page = await browser.newPage();
        for (const path of school) {
          const shown = await overlayOn(page, `${base}${path}`, 'schools/ysgol-derw.yaml');
          expect(shown.message, path).toContain(
            'schools/ysgol-derw.yaml:2 phase: "primry" is not one of nursery, primary, secondary, all-through, special, post-16 (did you mean "primary"?)',
          );
          expect(shown.path, path).toBe(`${join(CONTENT, 'schools/ysgol-derw.yaml')}:2:1`);
        }
        for (const path of author) {
          const shown = await overlayOn(page, `${base}${path}`, 'authors/eve-adviser.yaml');
          expect(shown.message, path).toContain(
            'authors/eve-adviser.yaml:2:7 role: "role" has a colon followed by a space in its value, which YAML reads as a new field: put the whole value in quotes, role: "Adviser: reading"',
          );
          expect(shown.path, path).toBe(`${join(CONTENT, 'authors/eve-adviser.yaml')}:2:7`);
        }
        const topic = await overlayOn(page, `${base}/topics/wellbeing/`, 'topics/wellbeing.yaml');
        expect(topic.message).toContain('topics/wellbeing.yaml description: is missing: add "description:"');
        // A missing field has no line: the overlay still points at the writer's file.
        expect(topic.path).toBe(`${join(CONTENT, 'topics/wellbeing.yaml')}:1:1`);
        const family = await overlayOn(page, `${base}/families/hill-cluster/`, 'families/hill-cluster.yaml');
        expect(family.message).toContain('families/hill-cluster.yaml:2 kind: "clustr" is not one of');
        expect(family.path).toBe(`${join(CONTENT, 'families/hill-cluster.yaml')}:2:1`);
      } finally {
        await close();
      }
      expect(log).not.toMatch(/server (?:closed|stopped)|ELIFECYCLE/i);
    },
  );

  it('brings those pages back when the writer saves the fixed file', { timeout: 180_000 }, async () => {
    edit('schools/ysgol-derw.yaml', (text) => text.replace('phase: primry', 'phase: primary'));
    edit('authors/eve-adviser.yaml', (text) => text.replace('role: Adviser: reading', 'role: "Adviser: reading"'));
    edit('topics/wellbeing.yaml', (text) => `${text}description: Looking after pupils and staff.\n`);
    edit('families/hill-cluster.yaml', (text) => text.replace('kind: clustr', 'kind: cluster'));
    await until(200, [
      '/topics/wellbeing/',
      '/families/hill-cluster/',
      '/schools/ysgol-derw/',
      '/schools/ysgol-derw/darllen-gyda-n-gilydd/',
      '/authors/eve-adviser/',
      '/families/river-trust/one-trust-one-calendar/',
    ]);
    expect(await (await fetch(`${base}/authors/eve-adviser/`)).text()).toContain('Adviser: reading');
  });

  it('shows a bad network.yaml on every page, and comes back when it is fixed', { timeout: 240_000 }, async () => {
    const pages = ['/', '/schools/oak-primary/', '/schools/oak-primary/reading-rules/', '/authors/'];
    edit('network.yaml', (text) => text.replace('tagline: A small network for tests', 'tagline: Ofsted: our network'));
    await until(500, pages);
    const { browser, close } = await launchBrowser();
    try {
      const page = await browser.newPage();
      for (const path of ['/', '/schools/oak-primary/reading-rules/']) {
        const shown = await overlayOn(page, `${base}${path}`, 'network.yaml');
        expect(shown.message, path).toContain(
          'network.yaml:2:10 tagline: "tagline" has a colon followed by a space in its value, which YAML reads as a new field: put the whole value in quotes, tagline: "Ofsted: our network"',
        );
        expect(shown.path, path).toBe(`${join(CONTENT, 'network.yaml')}:2:10`);
      }
    } finally {
      await close();
    }
    edit('network.yaml', (text) => text.replace('tagline: Ofsted: our network', 'tagline: "Ofsted: our network"'));
    await until(200, pages);
    expect(await (await fetch(`${base}/`)).text()).toContain('Ofsted: our network');
  });
});

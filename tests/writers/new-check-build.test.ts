import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { withBuildLock } from '../helpers/build.ts';

const TMP = resolve('tests/.tmp/writers');
const NOW = '2026-01-01';

/** Runs an npm script the way a writer would, against a content folder of its own; its output without colours. */
function npm(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync('npm', ['run', '--silent', ...args], {
    encoding: 'utf8',
    // vitest's own NODE_ENV=test and DEV=1 stay set: the build must still be a production build.
    env: { ...process.env, COMMONROOM_NOW: NOW, ...env },
  });
  return { status: result.status, out: stripVTControlCharacters(`${result.stdout}${result.stderr}`) };
}

/** `npm run build`, holding the lock every test build takes: builds share the project's `.astro/` folder. */
function npmBuild(env: Record<string, string>) {
  return withBuildLock(
    () =>
      new Promise<{ status: number | null; out: string }>((resolvePromise, reject) => {
        const child = spawn('npm', ['run', '--silent', 'build'], {
          env: { ...process.env, COMMONROOM_NOW: NOW, ...env },
        });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.on('error', reject);
        child.on('close', (status) => resolvePromise({ status, out: stripVTControlCharacters(out) }));
      }),
  );
}

function copyNetwork(name: string): string {
  const dir = join(TMP, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(resolve('tests/fixtures/network'), join(dir, 'content'), { recursive: true });
  return dir;
}

describe('npm run new → npm run check → npm run build', () => {
  let dir: string;
  let created: { status: number | null; out: string };

  beforeAll(() => {
    dir = copyNetwork('good');
    created = npm([
      'new',
      '--',
      '--content',
      join(dir, 'content'),
      '--kind',
      'rules-of-thumb',
      '--title',
      'Dŵr, ŷd & <b>café</b>: rules for a bilingual staffroom',
      // Display names in any case, as a writer types them.
      '--school',
      'Ysgol Derw',
      '--author',
      'CARYS PENNAETH',
      '--topics',
      'Bilingualism, leadership',
      '--description',
      'Four short rules for running a staffroom that works in Welsh and English, learnt the hard way.',
      '--date',
      '2025-05-01',
      '--ready',
      '--mdx',
    ]);
    // The writer replaces the starter rules with their own.
    const file = join(dir, 'content/posts/ysgol-derw/dwr-yd-and-b-cafe-b-rules-for-a-bilingual-staffroom.mdx');
    if (existsSync(file)) {
      writeFileSync(
        file,
        readFileSync(file, 'utf8')
          .replace('One or two sentences on where these rules come from.', 'What a year of two languages taught us.')
          .replace(
            /1\. \*\*Rule\.\*\*[\s\S]*$/,
            '1. **Greet in Welsh.** Everyone can.\n2. **Minute in both.** Always.\n',
          ),
      );
    }
    // A post as a Windows editor saves it: BOM and CRLF.
    writeFileSync(
      join(dir, 'content/posts/oak-primary/windows.md'),
      '\ufeff---\r\ntitle: Saved on Windows\r\ndescription: A post saved by a Windows editor with a byte order mark and CRLF line endings.\r\n' +
        'date: 2025-02-01\r\nauthors: [ann-head]\r\nkind: reflection\r\ntopics: [reading]\r\n---\r\n\r\nThe word crlfbom appears here.\r\n',
    );
  }, 60_000);

  it('creates the post with a slug from the title and prints its preview URL', () => {
    expect(created.status).toBe(0);
    const file = join(dir, 'content/posts/ysgol-derw/dwr-yd-and-b-cafe-b-rules-for-a-bilingual-staffroom.mdx');
    expect(created.out).not.toContain('as a draft');
    expect(existsSync(file)).toBe(true);
    expect(created.out).toContain(
      'http://localhost:4321/schools/ysgol-derw/dwr-yd-and-b-cafe-b-rules-for-a-bilingual-staffroom/',
    );
    expect(readFileSync(file, 'utf8')).toContain(
      'authors: [carys-pennaeth]\nkind: rules-of-thumb\ntopics: [bilingualism, leadership]\n',
    );
    expect(readFileSync(file, 'utf8')).not.toContain('draft: true');
  });

  it('starts a draft in plain Markdown by default, and says what is left to do', () => {
    const made = npm([
      'new',
      '--',
      '--content',
      join(dir, 'content'),
      '--kind',
      'Rules of thumb',
      '--title',
      'Seven rules for wet play',
      '--school',
      'oak primary',
      '--author',
      'Ann Head',
      '--topics',
      'Wellbeing',
    ]);
    expect(made.status, made.out).toBe(0);
    const file = join(dir, 'content/posts/oak-primary/seven-rules-for-wet-play.md');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('draft: true\n');
    expect(text).toContain('authors: [ann-head]\nkind: rules-of-thumb\ntopics: [wellbeing]\n');
    expect(made.out).toContain('as a draft');
    const checked = npm(['check', '--', '--content', join(dir, 'content')]);
    expect(checked.out).toContain(
      'posts/oak-primary/seven-rules-for-wet-play.md:3 warning: still holds the starter text of "npm run new": ' +
        '"One or two sentences saying what the post…", "One or two sentences on where these rules…", "**Rule.** Why it matters". ' +
        'Replace it with your own words before you publish',
    );
    writeFileSync(file, text.replace('draft: true\n', 'draft: false\n'));
    const ready = npm(['check', '--', '--content', join(dir, 'content')]);
    expect(ready.status).toBe(1);
    expect(ready.out).toContain('posts/oak-primary/seven-rules-for-wet-play.md:3 still holds the starter text');
    expect(ready.out).toContain('Replace it with your own words, or set draft: true until it is ready');
    rmSync(file);
  });

  it('answers a slip in the flags with one line of help, never a stack trace', () => {
    const cases: [string[], string][] = [
      [['--autor', 'ann-head'], '--autor is not an option (did you mean "--author"?)'],
      [['--draft', 'yes'], '--draft and --ready take no value: write --draft for a draft, --ready to publish it.'],
      [['--title'], '--title needs a value after it.'],
    ];
    for (const [args, message] of cases) {
      const slip = npm(['new', '--', '--content', join(dir, 'content'), ...args]);
      expect(slip.status).toBe(1);
      expect(slip.out.split('\n').filter(Boolean)).toHaveLength(1);
      expect(slip.out).toContain(message);
      expect(slip.out).not.toMatch(/\n\s+at /);
    }
    const noDashes = spawnSync('npm', ['run', '--silent', 'new', '--title', 'Seven rules'], { encoding: 'utf8' });
    expect(noDashes.status).toBe(1);
    expect(noDashes.stderr).toContain('npm kept the flags for itself, because "--" was missing');
  });

  it('refuses to overwrite, and names the schools and authors that exist', { timeout: 60_000 }, () => {
    const again = ['new', '--', '--content', join(dir, 'content'), '--kind', 'reflection'];
    const common = ['--author', 'carys-pennaeth', '--topics', 'leadership'];
    const twice = npm([
      ...again,
      '--title',
      'Dŵr, ŷd & <b>café</b>: rules for a bilingual staffroom',
      '--school',
      'ysgol-derw',
      ...common,
    ]);
    expect(twice.status).toBe(1);
    expect(twice.out).toContain('already exists');
    const school = npm([...again, '--title', 'Anything', '--school', 'ysgol-derwen', ...common]);
    expect(school.status).toBe(1);
    expect(school.out).toContain('"ysgol-derwen" is not a school or family (did you mean "ysgol-derw"?)');
    expect(school.out).toContain(
      'Schools: Elm Academy (elm-academy), Oak Primary School (oak-primary), Ysgol Derw (ysgol-derw)',
    );
    const author = npm([
      ...again,
      '--title',
      'Anything',
      '--school',
      'ysgol-derw',
      '--author',
      'carys',
      '--topics',
      'leadership',
    ]);
    expect(author.status).toBe(1);
    // The school's own authors come first.
    expect(author.out).toContain('"carys" is not an author');
    expect(author.out).toMatch(/Authors: Carys Pennaeth \(carys-pennaeth\), Ann Head \(ann-head\)/);
  });

  it('check accepts the new post and lists scheduled posts and drafts', { timeout: 60_000 }, () => {
    const checked = npm(['check', '--', '--content', join(dir, 'content')]);
    expect(checked.status).toBe(0);
    expect(checked.out).toMatch(/2099-01-15 +\S*future-news\.md/);
    expect(checked.out).toMatch(/Drafts[^\n]*\n +\S*draft-plans\.md/);
    const json = JSON.parse(npm(['check', '--', '--json', '--content', join(dir, 'content')]).out) as {
      ok: boolean;
      scheduled: { date: string }[];
    };
    expect(json.ok).toBe(true);
    expect(json.scheduled.map((post) => post.date)).toEqual(['2099-01-15']);
  });

  it('build publishes it (and the BOM + CRLF post), but no draft or scheduled post', { timeout: 600_000 }, async () => {
    const out = join(dir, 'dist');
    const built = await npmBuild({ COMMONROOM_CONTENT: join(dir, 'content'), COMMONROOM_OUT: out });
    expect(built.status, built.out).toBe(0);
    const page = readFileSync(
      join(out, 'schools/ysgol-derw/dwr-yd-and-b-cafe-b-rules-for-a-bilingual-staffroom/index.html'),
      'utf8',
    );
    expect(page).toContain('&lt;b&gt;café&lt;/b&gt;');
    expect(page).toContain('id="rule-1"');
    expect(readFileSync(join(out, 'schools/oak-primary/windows/index.html'), 'utf8')).toContain('crlfbom');
    expect(existsSync(join(out, 'schools/oak-primary/draft-plans'))).toBe(false);
    expect(existsSync(join(out, 'schools/oak-primary/future-news'))).toBe(false);
    // The search index is made by the build script once Astro has exited, and its line counts what it holds.
    const indexed = built.out.indexOf('[commonroom:pagefind] Indexed');
    expect(indexed, built.out).toBeGreaterThan(built.out.indexOf('[build] Complete!'));
    expect(built.out.indexOf('[build] Complete!')).toBeGreaterThan(0);
    const entry = JSON.parse(readFileSync(join(out, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const pages = Object.values(entry.languages).reduce((sum, { page_count }) => sum + page_count, 0);
    expect(built.out).toContain(`Indexed ${pages} of`);
    expect(pages).toBeGreaterThan(4);
  });

  // The last site's pages are copied into the staging folder while Astro starts, and every copy must count
  // as older than the build: otherwise a deleted post's page would be kept, and the index never reused.
  it(
    'builds again into the same folder: a deleted post goes, an unchanged index is reused',
    { timeout: 600_000 },
    async () => {
      const content = join(dir, 'content');
      const out = join(dir, 'dist');
      const env = { COMMONROOM_CONTENT: content, COMMONROOM_OUT: out };
      const windows = join(out, 'schools/oak-primary/windows/index.html');
      expect(existsSync(windows)).toBe(true);
      rmSync(join(content, 'posts/oak-primary/windows.md'));
      // A retitled post gets a new card; the others keep the live site's.
      const rules = join(content, 'posts/oak-primary/reading-rules.md');
      writeFileSync(rules, readFileSync(rules, 'utf8').replace('title: Seven rules', 'title: Seven new rules'));
      const card = (site: string, post: string) => join(site, `cards/schools/oak-primary/${post}.png`);
      const oldCard = readFileSync(card(out, 'reading-rules'));
      const removed = await npmBuild(env);
      expect(removed.status, removed.out).toBe(0);
      expect(removed.out).toMatch(/\(cached\)/);
      expect(existsSync(windows)).toBe(false);
      expect(existsSync(card(out, 'windows'))).toBe(false);
      expect(removed.out).toContain('[commonroom:pagefind] Indexed');
      // Cards whose drawing did not change are the live site's, kept in place (linked: see below).
      expect(removed.out).toMatch(/\[cards\] \d+ rendered, \d+ reused \(\d+ already in place from the last build\)/);
      // The new card was written as a file of its own: the site it replaced still has the old one.
      expect(readFileSync(card(out, 'reading-rules')).equals(oldCard)).toBe(false);
      expect(readFileSync(card(`${out}.previous`, 'reading-rules')).equals(oldCard)).toBe(true);
      const unchanged = (site: string) => statSync(card(site, 'phonics-every-day')).ino;
      expect(unchanged(out)).toBe(unchanged(`${out}.previous`));
      // Every file touched, none changed (a fresh checkout): pages are copied, and so is the index.
      const now = new Date();
      for (const file of readdirSync(content, { recursive: true, encoding: 'utf8' }))
        utimesSync(join(content, file), now, now);
      const touched = await npmBuild(env);
      expect(touched.status, touched.out).toBe(0);
      expect(touched.out).toContain('[commonroom:pagefind] Reused the index of');
      expect(existsSync(windows)).toBe(false);
    },
  );
});

describe('npm run build with a bad file', () => {
  it('stops with the check’s message, no stack trace, and leaves no output folder', { timeout: 600_000 }, async () => {
    const dir = copyNetwork('bad');
    writeFileSync(
      join(dir, 'content/posts/oak-primary/bad.md'),
      '---\ntitle: Bad\ndescription: A post with an author who does not exist in the fixture network.\ndate: 2025-03-01\n' +
        'authors: [ann-haed]\nkind: reflection\ntopics: [reading]\n---\n\nText.\n',
    );
    const out = join(dir, 'dist');
    const built = await npmBuild({ COMMONROOM_CONTENT: join(dir, 'content'), COMMONROOM_OUT: out });
    expect(built.status).not.toBe(0);
    expect(built.out).toContain(
      'posts/oak-primary/bad.md:5 authors[0]: "ann-haed" is not an author (did you mean "ann-head"?)',
    );
    expect(built.out).not.toMatch(/\n\s+at /);
    // Astro starts beside the check, but nothing it printed is shown, and nothing is left behind.
    expect(built.out).not.toMatch(/\[content\]|\[build\]|\[vite\]/);
    expect(built.out).toContain('The build stopped before writing anything.');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.staging`)).toBe(false);
  });
});

describe('a content folder that is not there', () => {
  it(
    'gets the same plain message from check and build, no stack trace, and no output',
    { timeout: 600_000 },
    async () => {
      const content = join(TMP, 'no-such-content');
      rmSync(content, { recursive: true, force: true });
      const message = 'is not a folder on this computer, so there is no content to check: set COMMONROOM_CONTENT';
      const checked = npm(['check'], { COMMONROOM_CONTENT: content });
      expect(checked.status).not.toBe(0);
      expect(checked.out).toContain(message);
      expect(checked.out).not.toMatch(/\n\s+at /);
      const out = join(TMP, 'no-such-content-dist');
      const built = await npmBuild({ COMMONROOM_CONTENT: content, COMMONROOM_OUT: out });
      expect(built.status).not.toBe(0);
      expect(built.out).toContain(message);
      expect(built.out).not.toMatch(/\n\s+at /);
      expect(built.out).toContain('The build stopped before writing anything.');
      expect(existsSync(out)).toBe(false);
    },
  );
});

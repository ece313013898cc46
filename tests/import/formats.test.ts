import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check/check-content.ts';
import { runImport, type ImportOptions } from '../../src/lib/import/run.ts';
import { ImportError } from '../../src/lib/import/xml-stream.ts';
import { extractRules } from '../../src/lib/rules.ts';
import { root } from '../helpers/build.ts';
import { serveFolder } from '../helpers/import-server.ts';
import { imports, placeExport, readPost, snapshot, workspace } from './helpers.ts';

let server: Awaited<ReturnType<typeof serveFolder>>;

beforeAll(async () => {
  server = await serveFolder(join(imports, 'www'));
});
afterAll(async () => {
  await server.close();
});

async function importInto(source: string, into: string, extra: Partial<ImportOptions> = {}) {
  const { dir, content } = workspace(source.replace(/\W+/g, '-'));
  const placed = placeExport(source, dir, server.origin);
  const report = await runImport({
    source: placed,
    into,
    contentRoot: content,
    cwd: dir,
    offline: false,
    dryRun: false,
    update: false,
    ...extra,
  });
  const check = await checkContent({ root: content, cwd: dir, now: new Date('2026-11-23') });
  return { dir, content, report, errors: check.issues.filter((issue) => issue.severity === 'error') };
}

describe('importing a Blogger Takeout folder', () => {
  let result: Awaited<ReturnType<typeof importInto>>;
  const post = (slug: string) => readPost(join(result.content, 'posts/ysgol-derw', `${slug}.md`));
  beforeAll(async () => {
    result = await importInto('takeout', 'ysgol-derw');
  });

  it('finds feed.atom in the folder and imports posts and drafts, skipping pages', () => {
    expect(result.report.format).toBe('blogger-takeout');
    expect(result.report.imported.sort()).toEqual([
      'content/posts/ysgol-derw/amser-stori-yn-yr-iard.md',
      'content/posts/ysgol-derw/geiriau-newydd.md',
    ]);
    expect(result.report.drafts.sort()).toEqual([
      'content/posts/ysgol-derw/diwrnod-y-llyfr-2015.md',
      'content/posts/ysgol-derw/syniadau-am-y-nadolig.md',
    ]);
    expect(Object.fromEntries(result.report.skipped)).toEqual({ pages: 1, 'trashed posts': 1 });
    expect(result.errors).toEqual([]);
  });

  it('reads what Takeout writes: a scheduled post is a draft, titles are escaped twice, and the search description is kept', () => {
    const scheduled = post('diwrnod-y-llyfr-2015');
    expect(scheduled.front).toContain('title: "Diwrnod y Llyfr: dewch fel cymeriad o\'r llyfr"');
    expect(scheduled.front).toContain('draft: true');
    expect(post('geiriau-newydd').front).toContain(
      'description: Pum peth a ddysgon ni wrth gyflwyno gair newydd bob wythnos i blant y Cyfnod Sylfaen.',
    );
    expect(existsSync(join(result.content, 'posts/ysgol-derw/prawf.md'))).toBe(false);
    const { front } = post('amser-stori-yn-yr-iard');
    expect(front).toMatch(/tags:\n {2}- Darllen\n {2}- Awyr agored/);
  });

  it("makes paragraphs of Blogger's <div> and <br> soup, and keeps the original GUID", () => {
    const { front, body } = post('amser-stori-yn-yr-iard');
    expect(body).toMatch(/^Bob dydd Gwener rydym yn darllen yn yr iard, os yw'r tywydd yn caniatáu\.\n\nMae'r plant/);
    expect(body).toContain("Mae'r plant yn dewis y llyfr.\\\nWeithiau maen nhw'n dewis");
    expect(body).not.toMatch(/<div|<br|style=|&nbsp;/);
    expect(front).toContain('guid: tag:blogger.com,1999:blog-7700112233.post-1001');
    // The school writes in Welsh, so a Welsh post needs no `lang` of its own.
    expect(front).not.toMatch(/^lang:/m);
    expect(body).toContain('[ein nodiadau ar eiriau newydd](/schools/ysgol-derw/geiriau-newydd/)');
    expect(body).toContain('(https://www.youtube.com/watch?v=aBcDeFgHiJk)');
  });

  it('saves the full-size picture a thumbnail links to', async () => {
    const { body } = post('amser-stori-yn-yr-iard');
    expect(body).toContain('![Playground big](./amser-stori-yn-yr-iard-playground-big.jpg)');
    const meta = await sharp(
      join(result.content, 'posts/ysgol-derw/amser-stori-yn-yr-iard-playground-big.jpg'),
    ).metadata();
    expect(meta.width).toBe(800);
    expect(meta.exif).toBeUndefined();
  });

  it('recognises rules of thumb from a Welsh title', () => {
    const { front, body } = post('geiriau-newydd');
    expect(front).toContain('kind: rules-of-thumb');
    expect(extractRules(body).map((rule) => rule.title)).toEqual([
      'Un gair ar y tro',
      'Dweud y gair yn uchel',
      'Llun i bob gair',
      "Defnyddio'r gair yn yr iard",
      'Ailadrodd ar ddydd Gwener',
    ]);
  });

  it('joins comments to their post by blogger:parent, threads replies and drops spam', () => {
    const archive = readFileSync(join(result.content, 'posts/ysgol-derw/amser-stori-yn-yr-iard.comments.yaml'), 'utf8');
    expect(archive).toContain('name: Mam Elis');
    expect(archive).toContain('Mae Elis wrth ei fodd efo amser stori!\n\n      Diolch.');
    // A reply names the comment it answers in blogger:inReplyTo; top-level comments have it empty.
    expect(archive).toMatch(/- id: tag:blogger\.com,1999:blog-7700112233\.post-3001\n {4}name: Mam Elis/);
    expect(archive).toMatch(/parent: tag:blogger\.com,1999:blog-7700112233\.post-3001\n {4}name: Carys Pennaeth/);
    expect(archive.match(/parent:/g)).toHaveLength(1);
    expect(archive).not.toContain('Win big');
    expect(archive).not.toContain('Sylw a gafodd ei ddileu');
    expect(existsSync(join(result.content, 'posts/ysgol-derw/geiriau-newydd.comments.yaml'))).toBe(false);
    expect(Object.fromEntries(result.report.commentsDropped)).toEqual({ spam: 1, trash: 1, 'not approved': 1 });
  });

  it("redirects Blogger's old post paths and feeds", () => {
    const redirects = readFileSync(join(result.content, 'redirects.yaml'), 'utf8');
    expect(redirects).toContain(
      '- from: /2013/06/amser-stori-yn-yr-iard.html\n    to: /schools/ysgol-derw/amser-stori-yn-yr-iard/',
    );
    expect(redirects).toContain('- from: /feeds/posts/default\n    to: /feeds/schools/ysgol-derw/atom.xml');
  });
});

describe('importing a classic Blogger export', () => {
  it('reads kind#post and kind#comment entries, skips settings, and matches the author by name', async () => {
    const { content, report, errors } = await importInto('blogger-classic.xml', 'elm-academy');
    expect(report.format).toBe('blogger-classic');
    expect(report.imported.sort()).toEqual([
      'content/posts/elm-academy/mentoring-is-two-way.md',
      'content/posts/elm-academy/what-ects-taught-us.md',
    ]);
    expect(errors).toEqual([]);
    const { front, body } = readPost(join(content, 'posts/elm-academy/what-ects-taught-us.md'));
    expect(front).toMatch(/authors:\n {2}- ben-teacher/);
    expect(front).toMatch(/topics:\n {2}- leadership/);
    expect(front).toContain('importedFrom: https://elmenglish.blogspot.com/2016/10/what-ects-taught-us.html');
    expect(body).toContain('[mentoring is two-way](/schools/elm-academy/mentoring-is-two-way/)');
    expect(report.authorsMatched.get('Ben Teacher')).toBe('ben-teacher');
    const archive = readFileSync(join(content, 'posts/elm-academy/what-ects-taught-us.comments.yaml'), 'utf8');
    expect(archive).toContain('text: "Same here: our ECTs brought back _retrieval practice_."');
    // A reply links to the comment it answers (rel="related", its feed address ends in that comment's number).
    expect(archive).toMatch(/parent: tag:blogger\.com,1999:blog-5550001\.post-71\n {4}name: Ben Teacher/);
    expect(report.drafts).toEqual(['content/posts/elm-academy/half-written-thoughts-on-marking.md']);
  });
});

describe('importing an RSS or Atom feed', () => {
  it('imports an RSS feed given by its address into a family, crediting --author', async () => {
    const { dir, content } = workspace('rss-url');
    const report = await runImport({
      source: `${server.origin}/feed.rss`,
      into: 'river-trust',
      author: 'dee-ceo',
      contentRoot: content,
      cwd: dir,
      offline: false,
      dryRun: false,
      update: false,
    }).catch((error: unknown) => error);
    // The test server serves only the pictures folder: a feed it does not have is one clear line.
    expect(report).toBeInstanceOf(ImportError);
    expect((report as ImportError).message).toBe(
      `${server.origin}/feed.rss answered 404: check the address of the feed`,
    );

    const file = await importInto('feed.rss', 'river-trust', { author: 'dee-ceo' });
    expect(file.report.format).toBe('rss');
    expect(file.errors).toEqual([]);
    const { front } = readPost(
      join(file.content, 'posts/river-trust/ten-things-we-learned-from-one-trust-calendar.md'),
    );
    expect(front).toMatch(/authors:\n {2}- dee-ceo/);
    expect(front).toContain('description: "One calendar for every school: what it changed."');
    expect(front).toContain('guid: https://rivertrust.example.org/blog/ten-things-calendar');
    // A feed id that is not a URI cannot be an Atom id, so it is not kept.
    expect(readPost(join(file.content, 'posts/river-trust/welcome-to-the-blog.md')).front).not.toContain('guid:');
    expect(readFileSync(join(file.content, 'redirects.yaml'), 'utf8')).toContain(
      '- from: /blog/welcome\n    to: /families/river-trust/welcome-to-the-blog/',
    );
  });

  it('imports an Atom feed with XHTML content and an HTML title', async () => {
    const { content, report, errors } = await importInto('feed.atom.xml', 'elm-academy');
    expect(report.format).toBe('atom');
    expect(errors).toEqual([]);
    const { front, body } = readPost(join(content, 'posts/elm-academy/staff-wellbeing-and-workload.md'));
    expect(front).toContain('title: Staff wellbeing & workload');
    expect(front).toMatch(/topics:\n {2}- wellbeing/);
    expect(body).toBe('We cut **one** meeting a week and kept it cut.\n\nIt is still cut.\n');
  });
});

describe('a file that is not a usable export', () => {
  const cases: [string, RegExp][] = [
    [
      'defects/truncated.xml',
      /^truncated\.xml is cut short: it ends inside <content:encoded> before the export is complete\. Download the export again .*nothing was written$/,
    ],
    ['defects/latin1.xml', /^latin1\.xml is not in the UTF-8 encoding its export says .*save it as UTF-8$/],
    ['defects/no-posts.xml', /^no-posts\.xml holds no posts \(only pages, attachments or settings\)/],
    ['defects/posts.csv', /^posts\.csv is not a blog export \(it is not XML\)/],
    ['defects/webpage.html', /^webpage\.html is a web page, not an export: in WordPress use Tools → Export/],
    ['defects/other.xml', /^other\.xml is XML but not a blog export \(it starts with <opml>\)/],
  ];
  for (const [source, message] of cases) {
    it(`${source} gets one clear line and nothing is written`, async () => {
      const { dir, content } = workspace('defect');
      const placed = placeExport(source, dir, server.origin);
      const before = snapshot(content);
      const error = await runImport({
        source: placed,
        into: 'oak-primary',
        contentRoot: content,
        cwd: dir,
        offline: true,
        dryRun: false,
        update: false,
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
      expect(snapshot(content)).toEqual(before);
      expect(existsSync(join(content, 'redirects.yaml'))).toBe(false);
    });
  }

  it('names the school or family ids when --into is not one', async () => {
    const { dir, content } = workspace('bad-into');
    const error = await runImport({
      source: join(imports, 'feed.rss'),
      into: 'oak',
      contentRoot: content,
      cwd: dir,
      offline: true,
      dryRun: false,
      update: false,
    }).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe(
      '"oak" is not a school or family id: use one of elm-academy, oak-primary, ysgol-derw, hill-cluster, river-trust',
    );
  });
});

describe('npm run check on what an import leaves', () => {
  it('reports a comment archive with no post, a broken archive and a redirect to no post', async () => {
    const { dir, content } = workspace('check');
    const posts = join(content, 'posts/oak-primary');
    writeFileSync(
      join(posts, 'gone.comments.yaml'),
      'comments:\n  - id: "1"\n    name: A\n    date: 2020-01-01\n    text: Hello\n',
    );
    writeFileSync(
      join(posts, 'reading-rules.comments.yaml'),
      'comments:\n  - id: "1"\n    parent: "7"\n    name: A\n    date: 2020-01-01\n    text: Hello\n',
    );
    writeFileSync(
      join(content, 'redirects.yaml'),
      'redirects:\n  - from: /2019/01/old/\n    to: /schools/oak-primary/reading-rules/\n  - from: /2019/02/gone/\n    to: /schools/oak-primary/no-such-post/\n',
    );
    const result = await checkContent({ root: content, cwd: dir, now: new Date('2026-11-23') });
    const errors = result.issues
      .filter((issue) => issue.severity === 'error')
      .map((issue) => `${issue.file}${issue.line ? `:${issue.line}` : ''} ${issue.field}: ${issue.message}`);
    expect(errors).toEqual([
      'content/posts/oak-primary/gone.comments.yaml : belongs to no post: there is no gone.md or gone.mdx beside it; rename it or delete it',
      'content/posts/oak-primary/reading-rules.comments.yaml:3 comments[0].parent: "7" is not the id of a comment in this file',
      expect.stringMatching(
        /^content\/redirects\.yaml:5 redirects\[1\]\.to: redirect "\/schools\/oak-primary\/no-such-post\/" goes to no page of the network/,
      ),
    ]);
  });
});

describe('npm run import', () => {
  const run = (args: string[], cwd: string) =>
    spawnSync(process.execPath, [join(root, 'scripts/import.ts'), ...args], { cwd, encoding: 'utf8' });

  it('prints the report and exits 0; a bad export gets one line on stderr and exit 1', async () => {
    const { dir, content } = workspace('cli');
    const good = run(['--content', content, join(imports, 'feed.rss'), '--into', 'river-trust', '--offline'], dir);
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('# Import report');
    expect(good.stdout).toContain('- Imported and published: 2');
    const bad = run(['--content', content, join(imports, 'defects/truncated.xml'), '--into', 'oak-primary'], dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^import: truncated\.xml is cut short/);
    const usage = run([join(imports, 'feed.rss')], dir);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--into <school-or-family-id>');
  });

  it('records where Takeout posts came from when given the old address with --site', async () => {
    const { content } = await importInto('takeout', 'ysgol-derw', { site: 'https://darllenynderw.blogspot.com' });
    expect(readPost(join(content, 'posts/ysgol-derw/geiriau-newydd.md')).front).toContain(
      'importedFrom: https://darllenynderw.blogspot.com/2014/02/geiriau-newydd.html',
    );
  });
});

import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check/check-content.ts';
import { runImport, type ImportOptions } from '../../src/lib/import/run.ts';
import { extractRules } from '../../src/lib/rules.ts';
import { serveFolder } from '../helpers/import-server.ts';
import { allText, imports, placeExport, readPost, snapshot, workspace } from './helpers.ts';

let server: Awaited<ReturnType<typeof serveFolder>>;
let dir: string;
let content: string;
let options: ImportOptions;
let first: Awaited<ReturnType<typeof runImport>>;
const posts = () => join(content, 'posts/oak-primary');

beforeAll(async () => {
  server = await serveFolder(join(imports, 'www'));
  ({ dir, content } = workspace('wordpress'));
  const source = placeExport('wordpress.xml', dir, server.origin);
  options = {
    source,
    into: 'oak-primary',
    contentRoot: content,
    offline: false,
    dryRun: false,
    update: false,
    cwd: dir,
  };
  first = await runImport(options);
});

afterAll(async () => {
  await server.close();
});

describe('importing a WordPress export', () => {
  it('imports published posts, keeps drafts and private posts as drafts, and counts what it skipped', () => {
    expect(first.format).toBe('wordpress');
    expect(first.imported.sort()).toEqual([
      'content/posts/oak-primary/library-at-lunchtime.md',
      'content/posts/oak-primary/read-aloud-every-afternoon.md',
      'content/posts/oak-primary/seven-rules-for-class-novels.md',
    ]);
    expect(first.drafts.sort()).toEqual([
      'content/posts/oak-primary/half-finished-thoughts-on-spelling.md',
      'content/posts/oak-primary/staff-notes.md',
    ]);
    expect(Object.fromEntries(first.skipped)).toEqual({
      attachments: 3,
      'menu items': 1,
      pages: 1,
      'trashed posts': 1,
    });
    expect(readPost(join(posts(), 'staff-notes.md')).front).toMatch(/^draft: true$/m);
    expect(existsSync(join(posts(), 'old-news.md'))).toBe(false);
    expect(existsSync(join(posts(), 'about-this-blog.md'))).toBe(false);
  });

  it('writes front matter that passes npm run check, with titles decoded and authors and topics matched', async () => {
    const { front } = readPost(join(posts(), 'read-aloud-every-afternoon.md'));
    expect(front).toContain('title: Why we read aloud every afternoon – even in Year 6');
    expect(front).toContain('date: 2019-03-12T16:30:00Z');
    expect(front).toContain('updated: 2019-04-20T08:00:00Z');
    // Matched by email: the export calls her "Mrs Head".
    expect(front).toMatch(/authors:\n {2}- ann-head/);
    expect(front).toMatch(/topics:\n {2}- reading/);
    expect(front).toMatch(/tags:\n {2}- class novels\n {2}- Year 6/);
    expect(front).toContain(`importedFrom: ${server.origin}/2019/03/12/read-aloud-every-afternoon/`);
    expect(front).toContain(`guid: ${server.origin}/?p=101`);
    expect(front).toContain('heroAlt: Beanbags and a bookcase under a window in the Year 6 classroom');
    // The text before <!--more--> is the description.
    expect(front).toMatch(/^description: When I arrived at Oak .* from Reception to Year 6\.$/m);
    expect(readPost(join(posts(), 'library-at-lunchtime.md')).front).toContain(
      'description: How we turned a locked library into the busiest room at lunchtime, with numbers.',
    );
    // An author with no match is created from the export, without the email.
    const created = readFileSync(join(content, 'authors/gwen-llyr.yaml'), 'utf8');
    expect(created).toContain('name: Gwen Llŷr');
    expect(created).not.toContain('@');
    expect(readPost(join(posts(), 'seven-rules-for-class-novels.md')).front).toMatch(/authors:\n {2}- gwen-llyr/);

    const result = await checkContent({ root: content, cwd: dir, now: new Date('2026-11-23') });
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it('converts bodies faithfully: paragraphs, headings, captions, galleries, tables, quotes, code and embeds', () => {
    const { body } = readPost(join(posts(), 'read-aloud-every-afternoon.md'));
    expect(body).toContain('They were not the ones who complained. By the second week of _Holes_');
    expect(body).toContain('## What changed');
    expect(body).toContain(
      '![The Year 6 reading corner, before we moved the beanbags](./read-aloud-every-afternoon-reading-corner.jpg)',
    );
    expect(body).toContain('_The Year 6 reading corner, before we moved the beanbags_');
    expect(body).toContain(
      '![The staffroom door covered in the titles of finished class novels](./read-aloud-every-afternoon-book-list.png)',
    );
    expect(body).toContain('![Twelve beanbags, one per reader](./read-aloud-every-afternoon-beanbags.jpg)');
    expect(body).toContain('(https://www.youtube.com/watch?v=dQw4w9WgXcQ)');
    // Unknown shortcodes stay visible and are listed.
    expect(body).toContain('\\[contact-form-7 id="12" title="Ask about reading"]');
    expect(first.shortcodesLeft.get('contact-form-7')?.count).toBe(1);
    expect(Object.fromEntries(first.shortcodesConverted)).toEqual({ caption: 1, gallery: 1, embed: 1 });
    expect(body).not.toMatch(/style=|<span|&nbsp;|\[caption|\[gallery/);

    const library = readPost(join(posts(), 'library-at-lunchtime.md')).body;
    expect(library).toMatch(/\| Term +\| Visits a week \|/);
    expect(library).toContain('> “It’s the only quiet place that isn’t a punishment.” – a Year 4 pupil');
    expect(library).toContain('```\nRota: Mon Y3, Tue Y4, Wed Y5, Thu Y6, Fri open\n```');

    const rules = readPost(join(posts(), 'seven-rules-for-class-novels.md')).body;
    expect(rules).not.toContain('wp:');
    // Footnotes, from a classic plugin's list and from the block editor's meta.
    expect(rules).toContain('easy to forget by February.[^1]');
    expect(rules).toContain('[^1]: Twelve teachers and four teaching assistants, at the _summer_ INSET day.');
    expect(library).toContain('between 12:15 and 1:00.[^1]');
    expect(library).toContain('[^1]: Visits were counted by the Year 6 librarians with a tally chart on the door.\n');
    expect(library).not.toContain('↩');
    expect(rules).toContain('[Watch the video: https://vimeo.com/123456789](https://vimeo.com/123456789)');
  });

  it('imports a numbered list titled as rules as rules of thumb, numbered', () => {
    const { front, body } = readPost(join(posts(), 'seven-rules-for-class-novels.md'));
    expect(front).toContain('kind: rules-of-thumb');
    const rules = extractRules(body);
    expect(rules.map((rule) => rule.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rules[0]!.title).toBe('Read the book first');
  });

  it('imports a case study as a reflection and says what to add', () => {
    expect(readPost(join(posts(), 'library-at-lunchtime.md')).front).toContain('kind: reflection');
    expect(first.caseStudies).toEqual(['content/posts/oak-primary/library-at-lunchtime.md']);
    expect(first.render()).toContain('add a `caseStudy:` block with `setting`, `period`, `focus` and `outcomes`');
  });

  it('rewrites links between imported posts to their network paths, whatever form the old link took', () => {
    const first = readPost(join(posts(), 'read-aloud-every-afternoon.md')).body;
    expect(first).toContain('[our seven rules for class novels](/schools/oak-primary/seven-rules-for-class-novels/)');
    // A `?p=103` link.
    expect(first).toContain('[the case study](/schools/oak-primary/library-at-lunchtime/)');
    // A relative link.
    expect(readPost(join(posts(), 'seven-rules-for-class-novels.md')).body).toContain(
      '[reading aloud every afternoon](/schools/oak-primary/read-aloud-every-afternoon/)',
    );
  });

  it('saves the largest copy of each picture beside its post, with no metadata', async () => {
    const corner = join(posts(), 'read-aloud-every-afternoon-reading-corner.jpg');
    const meta = await sharp(corner).metadata();
    expect(meta.width).toBe(640);
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();
    // The source file did carry a location.
    expect(
      (await sharp(join(imports, 'www/wp-content/uploads/2019/03/reading-corner.jpg')).metadata()).exif,
    ).toBeDefined();
    expect((await sharp(join(posts(), 'read-aloud-every-afternoon-book-list.png')).metadata()).exif).toBeUndefined();
    // The featured image is the same file as the captioned one: saved once.
    expect(readPost(join(posts(), 'read-aloud-every-afternoon.md')).front).toContain(
      'hero: ./read-aloud-every-afternoon-reading-corner.jpg',
    );
    expect(existsSync(join(posts(), 'read-aloud-every-afternoon-reading-corner-2.jpg'))).toBe(false);
  });

  it('lists a picture it could not get in the report and in npm run check, and still imports the post', async () => {
    const url = `${server.origin}/wp-content/uploads/2019/07/missing-photo.jpg`;
    expect(first.imagesMissing).toEqual([
      { file: 'content/posts/oak-primary/library-at-lunchtime.md', url, reason: `${url} answered 404` },
    ]);
    expect(first.render()).toContain(url);
    const result = await checkContent({ root: content, cwd: dir, now: new Date('2026-11-23') });
    const warning = result.issues.find((issue) => issue.message.includes(url));
    expect(warning?.severity).toBe('warning');
    expect(warning?.file).toBe('content/posts/oak-primary/library-at-lunchtime.md');
    expect(warning?.message).toContain('save the picture beside the post');
    // A picture with no alt text and no caption gets one from its name, and a line in the report.
    expect(readPost(join(posts(), 'library-at-lunchtime.md')).body).toContain(
      '![Library rota board](./library-at-lunchtime-library-rota-board.png)',
    );
    expect(first.altFromFileName).toEqual([
      { file: 'content/posts/oak-primary/library-at-lunchtime.md', alt: 'Library rota board' },
    ]);
  });

  it('keeps approved comments with threading and pingbacks as mentions, and never writes an email or IP address', () => {
    const archive = readFileSync(join(posts(), 'read-aloud-every-afternoon.comments.yaml'), 'utf8');
    expect(archive).toContain('name: Rhian Evans');
    expect(archive).toMatch(/id: "502"\n {4}parent: "501"\n {4}name: Mrs Head/);
    expect(archive).toContain('text: _Holes_, every time.');
    expect(archive).toContain('url: https://readingrivers.example.net/2019/03/five-books/');
    expect(archive).not.toMatch(/script|alert|Buy essays|Waiting for moderation|Rude words/);
    expect(first.commentsKept).toBe(2);
    expect(first.mentionsKept).toBe(1);
    expect(Object.fromEntries(first.commentsDropped)).toEqual({ spam: 1, trash: 1, 'not approved': 1 });
    const everything = allText(content);
    for (const secret of [
      'private.example.net',
      'ann@oak.example.sch.uk'.replace('ann@', '@'),
      '203.0.113.45',
      '198.51.100.7',
      'spam@',
    ]) {
      if (secret === '@oak.example.sch.uk') continue; // the fixture's own author file declares this address
      expect(everything).not.toContain(secret);
    }
    expect(readFileSync(join(content, 'authors/ann-head.yaml'), 'utf8')).toContain('ann@oak.example.sch.uk');
  });

  it('writes a redirect from every old address of a published post, and the old feed', () => {
    const redirects = readFileSync(join(content, 'redirects.yaml'), 'utf8');
    for (const [from, to] of [
      ['/2019/03/12/read-aloud-every-afternoon/', '/schools/oak-primary/read-aloud-every-afternoon/'],
      ['/?p=101', '/schools/oak-primary/read-aloud-every-afternoon/'],
      ['/2019/05/seven-rules-for-class-novels/', '/schools/oak-primary/seven-rules-for-class-novels/'],
      ['/?p=103', '/schools/oak-primary/library-at-lunchtime/'],
      ['/feed/', '/feeds/schools/oak-primary/atom.xml'],
    ]) {
      expect(redirects).toContain(`- from: ${from}\n    to: ${to}\n`);
    }
    // Drafts are not published, so their old addresses lead nowhere new.
    expect(redirects).not.toContain('?p=104');
  });

  it('writes a report a person can read beside the imported folder', () => {
    const report = readFileSync(join(content, 'imports/oak-primary/import-report.md'), 'utf8');
    expect(report).toContain('- Imported and published: 3');
    expect(report).toContain('- Dropped: not approved: 1, spam: 1, trash: 1');
    expect(report).toContain('Mrs Head → `ann-head`');
    expect(report).toContain('Gwen Llŷr (content/authors/gwen-llyr.yaml');
    expect(report).toContain('Reading → `reading`');
    expect(report).toContain('- Dropped as noise: Uncategorized: 1');
    expect(report).toContain('- class novels: 1');
  });

  it('changes nothing when run again, and fetches only the picture it could not get', async () => {
    const before = snapshot(content);
    const requests = server.requests.length;
    const again = await runImport(options);
    expect(snapshot(content)).toEqual(before);
    expect(server.requests.slice(requests)).toEqual(['/wp-content/uploads/2019/07/missing-photo.jpg']);
    expect(again.postsWritten).toBe(0);
    expect(again.unchanged).toBe(5);
    expect(again.imagesReused).toBe(4);
  });

  it('with --update refreshes posts changed at the source, never a writer’s edits', async () => {
    const source = options.source;
    const original = readFileSync(source, 'utf8');
    writeFileSync(
      source,
      original
        .replace('Case study: the library at lunchtime', 'Case study: the library at lunchtime, a year on')
        .replace('None of it is new; all of it is easy', 'None of it is new; all of it is very easy'),
    );
    const edited = join(posts(), 'seven-rules-for-class-novels.md');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('hungry.', 'hungry, every time.'));

    const plain = await runImport(options);
    expect(plain.changedAtSource).toEqual(['content/posts/oak-primary/library-at-lunchtime.md']);
    expect(plain.keptEdited).toEqual(['content/posts/oak-primary/seven-rules-for-class-novels.md']);
    expect(readPost(join(posts(), 'library-at-lunchtime.md')).front).not.toContain('a year on');

    const updated = await runImport({ ...options, update: true });
    expect(updated.updated).toEqual(['content/posts/oak-primary/library-at-lunchtime.md']);
    expect(updated.keptEdited).toEqual(['content/posts/oak-primary/seven-rules-for-class-novels.md']);
    expect(readPost(join(posts(), 'library-at-lunchtime.md')).front).toContain('a year on');
    expect(readFileSync(edited, 'utf8')).toContain('hungry, every time.');
    writeFileSync(source, original);
  });

  it('gives a clashing slug a suffix and a line in the report', async () => {
    const { dir: other, content: otherContent } = workspace('wordpress-clash');
    const source = placeExport('wordpress.xml', other, server.origin);
    writeFileSync(
      join(otherContent, 'posts/oak-primary/library-at-lunchtime.md'),
      readFileSync(join(otherContent, 'posts/oak-primary/reading-rules.md'), 'utf8'),
    );
    const report = await runImport({ ...options, source, contentRoot: otherContent, cwd: other, offline: true });
    expect(report.slugClashes).toEqual([
      { title: 'Case study: the library at lunchtime', slug: 'library-at-lunchtime-2' },
    ]);
    expect(readPost(join(otherContent, 'posts/oak-primary/library-at-lunchtime-2.md')).front).toContain(
      'title: "Case study: the library at lunchtime"',
    );
    expect(report.render()).toContain('“Case study: the library at lunchtime” → `library-at-lunchtime-2`');
    rmSync(other, { recursive: true, force: true });
  });

  it('writes nothing on a dry run, and prints the report', async () => {
    const { dir: other, content: otherContent } = workspace('wordpress-dry');
    const source = placeExport('wordpress.xml', other, server.origin);
    const before = snapshot(otherContent);
    const report = await runImport({
      ...options,
      source,
      contentRoot: otherContent,
      cwd: other,
      dryRun: true,
      offline: true,
    });
    expect(snapshot(otherContent)).toEqual(before);
    expect(report.imported).toHaveLength(3);
    expect(report.render()).toContain('(dry run: nothing was written)');
    rmSync(other, { recursive: true, force: true });
  });

  it('takes pictures from --media and never touches the network with --offline', async () => {
    const { dir: other, content: otherContent } = workspace('wordpress-media');
    const source = placeExport('wordpress.xml', other, 'https://oakreads.example.org');
    const requests = server.requests.length;
    const report = await runImport({
      ...options,
      source,
      contentRoot: otherContent,
      cwd: other,
      offline: true,
      media: join(imports, 'www/wp-content/uploads'),
    });
    expect(server.requests.length).toBe(requests);
    expect(report.imagesSaved).toBe(4);
    expect(report.imagesMissing.map((m) => m.reason)).toEqual([
      `not in ${join(imports, 'www/wp-content/uploads')}; not downloaded (--offline)`,
    ]);
    expect(
      (await sharp(join(otherContent, 'posts/oak-primary/read-aloud-every-afternoon-reading-corner.jpg')).metadata())
        .width,
    ).toBe(640);
    rmSync(other, { recursive: true, force: true });
  });
});

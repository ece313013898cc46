import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { readImageFacts } from '../../src/lib/images/metadata.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { buildSite, copyFixture } from '../helpers/build.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { phonePhoto, plantedSecrets } from '../helpers/phone-photo.ts';

let dir: string;

/** Every file the build wrote, relative to the output folder. */
const allFiles = (root: string) =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

beforeAll(async () => {
  const content = copyFixture('network');
  const photo = await phonePhoto(2400, 1800);
  // A phone photo as a hero, inside a Markdown body, and linked as the original file from an MDX post.
  writeFileSync(join(content, 'posts/elm-academy/trip.jpg'), photo);
  writeFileSync(join(content, 'posts/oak-primary/trip.jpg'), photo);
  const md = join(content, 'posts/elm-academy/leading-change.md');
  writeFileSync(
    md,
    readFileSync(md, 'utf8').replace(/^---\n/, '---\nhero: ./trip.jpg\nheroAlt: Year 6 on the castle walls\n') +
      '\n![Year 6 on the castle walls](./trip.jpg)\n',
  );
  const mdx = join(content, 'posts/oak-primary/phonics-every-day.mdx');
  const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(mdx, 'utf8'))!;
  writeFileSync(
    mdx,
    `---\n${front}\n---\nimport trip from './trip.jpg';\n\n${body}\n\n<a href={trip.src}>The full-size photo</a>\n`,
  );
  // A post with three phone photos, for the weight a phone downloads.
  for (const n of [1, 2, 3])
    writeFileSync(join(content, `posts/oak-primary/sports-day-${n}.jpg`), await phonePhoto(2400 + n * 8, 1800));
  const rules = join(content, 'posts/oak-primary/reading-rules.md');
  writeFileSync(
    rules,
    `${readFileSync(rules, 'utf8')}\n${[1, 2, 3].map((n) => `![Sports day, race ${n}](./sports-day-${n}.jpg)`).join('\n\n')}\n`,
  );
  // Faces: an author's photo (straight off a phone) and a school's logo.
  writeFileSync(join(content, 'authors/ben-teacher.jpg'), photo);
  const author = join(content, 'authors/ben-teacher.yaml');
  writeFileSync(author, `${readFileSync(author, 'utf8')}avatar: ./ben-teacher.jpg\n`);
  writeFileSync(join(content, 'schools/elm-academy.png'), await logo());
  const school = join(content, 'schools/elm-academy.yaml');
  writeFileSync(
    school,
    `${readFileSync(school, 'utf8')}logo: ./elm-academy.png\nlogoAlt: An elm tree in a green circle\n`,
  );
  ({ dir } = await buildSite({ content }));
});

/** A school logo: a green circle on a transparent ground, 400 × 400. */
const logo = () =>
  sharp(
    Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><circle cx="200" cy="200" r="180" fill="#2e7d32"/></svg>',
    ),
  )
    .png()
    .toBuffer();

/** The files an HTML page's `<img>` elements load, as paths in the output folder. */
const imagesOf = (html: string) =>
  [...html.matchAll(/<img [^>]*>/g)].map((match) => ({
    tag: match[0],
    alt: /alt="([^"]*)"/.exec(match[0])?.[1],
    files: [...match[0].matchAll(/(?:src|srcset)="([^"]+)"/g)].flatMap((m) =>
      m[1]!.split(',').map((part) => part.trim().split(' ')[0]!),
    ),
  }));

describe('pictures leave the building without their metadata', () => {
  it('publishes the photo, the original included', () => {
    const published = allFiles(dir).filter((file) => /^trip\./.test(file.split('/').at(-1)!));
    expect(published.some((file) => extname(file) === '.jpg')).toBe(true);
    expect(published.some((file) => extname(file) === '.webp')).toBe(true);
  });

  it('no published file carries the GPS position, the names or the comment', async () => {
    const secrets = [plantedSecrets.artist, plantedSecrets.owner, plantedSecrets.comment, plantedSecrets.xmpCreator];
    const images = allFiles(dir).filter((file) => /\.(jpe?g|png|webp|avif|gif)$/i.test(file));
    expect(images.length).toBeGreaterThan(5);
    for (const file of allFiles(dir)) {
      const bytes = readFileSync(file);
      const text = bytes.toString('latin1');
      for (const secret of secrets) expect(text.includes(secret), `${file} holds "${secret}"`).toBe(false);
    }
    for (const file of images) {
      const facts = await readImageFacts(readFileSync(file));
      expect({ file, gps: facts.gps, people: facts.people }).toEqual({ file, gps: false, people: [] });
    }
  });

  it('gives body images and heroes a srcset capped at 1600 px, with their size', () => {
    const html = readFileSync(join(dir, 'schools/elm-academy/leading-change/index.html'), 'utf8');
    const images = [...html.matchAll(/<img [^>]*>/g)].map((match) => match[0]).filter((img) => img.includes('trip'));
    expect(images).toHaveLength(2);
    for (const img of images) {
      const widths = [...img.matchAll(/ (\d+)w/g)].map((match) => Number(match[1]));
      expect(widths.length).toBeGreaterThan(2);
      expect(Math.max(...widths)).toBeLessThanOrEqual(1600);
      expect(img).toMatch(/ width="\d+"/);
      expect(img).toMatch(/ height="\d+"/);
    }
    expect(images[1]).toContain('loading="lazy"');
  });
});

describe('faces', () => {
  const read = (path: string) => readFileSync(join(dir, path, 'index.html'), 'utf8');
  const shown = (html: string, alt: string) => imagesOf(html).find((image) => image.alt === alt);

  it.each([
    ['the author’s page', 'authors/ben-teacher/'],
    ['the author box under a post', 'schools/elm-academy/leading-change/'],
  ])('shows the author’s photo, small, on %s', (_, path) => {
    const image = shown(read(path), 'Ben Teacher');
    expect(image, path).toBeDefined();
    for (const file of image!.files) {
      expect(existsSync(join(dir, file)), file).toBe(true);
      expect(readFileSync(join(dir, file)).length).toBeLessThan(20_000);
    }
  });

  it.each([
    ['the school’s page', 'schools/elm-academy/'],
    ['the directory', 'schools/'],
  ])('shows the school’s logo with its alt text on %s', (_, path) => {
    const image = shown(read(path), 'An elm tree in a green circle');
    expect(image, path).toBeDefined();
    for (const file of image!.files) expect(existsSync(join(dir, file)), file).toBe(true);
  });

  it('keeps initials for authors without a photo', () => {
    expect(read('authors/ann-head/')).toMatch(/<span class="avatar[^"]*" aria-hidden="true">AH<\/span>/);
  });
});

describe('light on a phone', () => {
  it('a post with three photos loads well under 500 KB on a 390 px phone, scrolled to the end', async () => {
    const server = await serveStatic(dir);
    const { browser, close } = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
      let bytes = 0;
      const photos: string[] = [];
      page.on('response', async (response) => {
        const body = await response.body().catch(() => Buffer.alloc(0));
        bytes += body.length;
        if (response.url().includes('sports-day')) photos.push(response.url());
      });
      await page.goto(`${server.root}schools/oak-primary/reading-rules/`, { waitUntil: 'networkidle' });
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      expect(photos).toHaveLength(3);
      expect(bytes).toBeLessThan(500 * 1024);
    } finally {
      await close();
      await server.close();
    }
  });
});

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readImageFacts } from '../../src/lib/images/metadata.ts';
import { buildSite, copyFixture } from '../helpers/build.ts';
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
  ({ dir } = await buildSite({ content }));
});

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

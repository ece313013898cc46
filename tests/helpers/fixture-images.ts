import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { copyFixture } from './build.ts';

const png = (background: string) =>
  sharp({ create: { width: 64, height: 32, channels: 3, background } })
    .png()
    .toBuffer();

/**
 * A copy of the fixture network with an image inside one `.md` and one `.mdx` post and a hero image on the
 * `.md` one, so pages and feeds are tested with images in both formats. Returns the content folder.
 */
export async function fixtureWithImages(): Promise<string> {
  const content = copyFixture('network');
  const add = async (post: string, image: string, colour: string, text: string, frontMatter = '') => {
    const file = join(content, 'posts', post);
    writeFileSync(join(dirname(file), image), await png(colour));
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^---\n/, `---\n${frontMatter}`) + `\n${text}\n`);
  };
  await add(
    'oak-primary/phonics-every-day.mdx',
    'chart.png',
    '#0b6e4f',
    '![A bar chart of pass rates rising](./chart.png)',
  );
  await add(
    'elm-academy/leading-change.md',
    'staffroom.png',
    '#7a1f3d',
    '![The staffroom at break](./staffroom.png)',
    'hero: ./staffroom.png\nheroAlt: The staffroom at break\n',
  );
  return content;
}

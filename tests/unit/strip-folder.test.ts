import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readImageFacts } from '../../src/lib/images/metadata.ts';
import { stripFolder } from '../../src/lib/images/strip-folder.ts';
import { tempDir } from '../helpers/build.ts';
import { phonePhoto } from '../helpers/phone-photo.ts';

function outputFolder(): string {
  return tempDir('strip-folder');
}

describe('stripping a built site', () => {
  test('strips images among the pages and leaves the folders it is told to skip alone', async () => {
    const dir = outputFolder();
    const photo = await phonePhoto(32, 24);
    mkdirSync(join(dir, 'schools/oak/trip'), { recursive: true });
    mkdirSync(join(dir, 'cards'));
    writeFileSync(join(dir, 'schools/oak/trip/beach.jpg'), photo);
    writeFileSync(join(dir, 'cards/beach.jpg'), photo);
    const { images, stripped } = await stripFolder(dir, ['cards']);
    expect({ images, stripped }).toEqual({ images: 1, stripped: [join(dir, 'schools/oak/trip/beach.jpg')] });
    expect((await readImageFacts(readFileSync(join(dir, 'schools/oak/trip/beach.jpg')))).gps).toBe(false);
    expect(readFileSync(join(dir, 'cards/beach.jpg')).equals(photo)).toBe(true);
  });

  // Under `astro build`, Pagefind replaces its folder while this runs: a skipped folder is never read at all.
  test('never reads a skipped folder, so one replaced meanwhile cannot make it fail', async () => {
    for (let round = 0; round < 5; round++) {
      const dir = outputFolder();
      for (let i = 0; i < 400; i++) mkdirSync(join(dir, 'pagefind', `fragment-${i}`, 'deeper'), { recursive: true });
      for (let i = 0; i < 50; i++) mkdirSync(join(dir, `page-${i}`));
      await expect(
        Promise.all([stripFolder(dir, ['pagefind']), rm(join(dir, 'pagefind'), { recursive: true })]),
      ).resolves.toEqual([{ images: 0, stripped: [] }, undefined]);
    }
  });
});

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture } from '../helpers/build.ts';
import { phonePhoto, plantedSecrets } from '../helpers/phone-photo.ts';

/** Runs an npm script as a writer would and returns what it printed. */
const npm = (...args: string[]) => {
  const result = spawnSync('npm', ['run', '--silent', ...args], {
    encoding: 'utf8',
    env: { ...process.env, COMMONROOM_NOW: '2026-11-23' },
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
};

let content: string;
let photo: string;
let rel: (path: string) => string;

beforeAll(async () => {
  content = copyFixture('network');
  rel = (path) => relative(process.cwd(), path);
  photo = join(content, 'posts/oak-primary/trip.jpg');
  writeFileSync(photo, await phonePhoto(320, 240));
  const post = join(content, 'posts/oak-primary/phonics-every-day.mdx');
  writeFileSync(post, `${readFileSync(post, 'utf8')}\n![Year 6 on the castle walls](./trip.jpg)\n`);
});

describe('images before they are published', () => {
  it('the check names a photo that carries a GPS position and names, and offers the fix', () => {
    const { status, out } = npm('check', '--', '--content', content);
    expect(status).toBe(0);
    expect(out).toContain(
      `${rel(photo)} warning: has the GPS position where it was taken and names (${plantedSecrets.artist}, ${plantedSecrets.owner}, ${plantedSecrets.xmpCreator}) in its metadata; it will be removed when published. To remove it from the repository too, run \`npm run images -- --strip\``,
    );
  });

  it('npm run images -- --strip removes it in place and keeps the picture', async () => {
    const before = await sharp(photo).raw().toBuffer();
    const listed = npm('images', '--', '--content', content);
    expect(listed.out).toContain(`${rel(photo)}: GPS position; names: `);
    const { status, out } = npm('images', '--', '--strip', '--content', content);
    expect(status).toBe(0);
    expect(out).toContain(`${rel(photo)}: removed GPS position`);
    expect(readFileSync(photo).toString('latin1')).not.toContain(plantedSecrets.owner);
    expect((await sharp(photo).raw().toBuffer()).equals(before)).toBe(true);
    expect(npm('check', '--', '--content', content).out).not.toContain('trip.jpg');
  });

  it('a PDF saved with a .jpg name is an error naming the post and the file', () => {
    const fake = join(content, 'posts/oak-primary/letter.jpg');
    writeFileSync(fake, '%PDF-1.7\n% a letter to parents\n');
    const post = join(content, 'posts/oak-primary/reading-rules.md');
    writeFileSync(post, `${readFileSync(post, 'utf8')}\n![The letter home](./letter.jpg)\n`);
    const { status, out } = npm('check', '--', '--content', content);
    expect(status).toBe(1);
    expect(out).toMatch(new RegExp(`${rel(post)}:\\d+:\\d+ image "./letter.jpg" is a PDF document`));
    expect(out).not.toMatch(/\n\s+at /);
  });

  it('warns about an image over the network’s size limit', () => {
    const network = join(content, 'network.yaml');
    writeFileSync(network, `${readFileSync(network, 'utf8')}imageSizeLimitMB: 0.001\n`);
    const { out } = npm('check', '--', '--content', content);
    expect(out).toMatch(/trip\.jpg warning: is 0\.0 MB, over the 0\.0 MB limit: export it at most 3000 pixels wide/);
  });
});

describe('photo consent, where the network requires it', () => {
  it('refuses a post with pictures that does not confirm consent, and accepts it once it does', () => {
    const network = join(content, 'network.yaml');
    writeFileSync(network, `${readFileSync(network, 'utf8')}requirePhotoConsent: true\n`);
    const post = join(content, 'posts/oak-primary/phonics-every-day.mdx');
    const refused = npm('check', '--', '--content', content);
    expect(refused.status).toBe(1);
    expect(refused.out).toContain(
      `${rel(post)}:1 photoConsent: this post has pictures (./trip.jpg) and the network asks every post with photos to confirm consent: add \`photoConsent: true\``,
    );
    writeFileSync(post, readFileSync(post, 'utf8').replace(/^---\n/, '---\nphotoConsent: [./trip.jpg]\n'));
    const accepted = npm('check', '--', '--content', content).out;
    expect(accepted).not.toMatch(new RegExp(`${rel(post)}:\\d+ photoConsent`));
  });
});

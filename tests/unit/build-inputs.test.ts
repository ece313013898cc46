import { linkSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildInputsKey, outputKey, type BuildInputs } from '../../src/lib/build-inputs.ts';

function write(file: string, text: string): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

describe('the inputs of a build', () => {
  let project: string;
  let inputs: BuildInputs;

  beforeEach(() => {
    project = mkdtempSync(join(tmpdir(), 'build-inputs-'));
    write(join(project, 'src/pages/index.astro'), '<h1>Home</h1>');
    write(join(project, 'package-lock.json'), '{}');
    write(join(project, 'node_modules/.package-lock.json'), '{"astro":"7.3.5"}');
    write(join(project, 'node_modules/astro/index.js'), 'export {}');
    write(join(project, 'content/posts/oak/first.md'), '---\ntitle: First\n---\nHello.');
    write(join(project, 'dist/index.html'), '<h1>Home</h1>');
    inputs = {
      projectRoot: project,
      contentRoot: join(project, 'content'),
      outputs: [join(project, 'dist'), join(project, 'dist.staging')],
      settings: { COMMONROOM_SCOPE: 'network', COMMONROOM_NOW: '2026-11-01' },
      scheduled: [],
      args: [],
    };
  });

  const key = (changes: Partial<BuildInputs> = {}) => buildInputsKey({ ...inputs, ...changes });

  it('is the same while nothing changes', () => {
    expect(key()).toBe(key());
  });

  it('changes when a post, a page template or an installed package changes', () => {
    const before = key();
    write(join(project, 'content/posts/oak/first.md'), '---\ntitle: First\n---\nHello again.');
    const afterPost = key();
    expect(afterPost).not.toBe(before);
    write(join(project, 'src/pages/about.astro'), '<h1>About</h1>');
    const afterPage = key();
    expect(afterPage).not.toBe(afterPost);
    write(join(project, 'node_modules/.package-lock.json'), '{"astro":"7.3.6"}');
    expect(key()).not.toBe(afterPage);
  });

  it('changes when a file is only touched, since its words cannot be told apart by its size', () => {
    const before = key();
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(project, 'content/posts/oak/first.md'), later, later);
    expect(key()).not.toBe(before);
  });

  it('changes with the settings, the arguments and the posts still scheduled, but not with the clock alone', () => {
    const before = key();
    expect(key({ settings: { ...inputs.settings, COMMONROOM_SCOPE: 'school:oak' } })).not.toBe(before);
    expect(key({ args: ['--verbose'] })).not.toBe(before);
    expect(key({ scheduled: [{ file: 'content/posts/oak/first.md', date: '2026-12-01' }] })).not.toBe(before);
    expect(key({ settings: { ...inputs.settings, COMMONROOM_NOW: '2026-11-02' } })).toBe(before);
  });

  it('follows a linked folder of posts, as the content loader does', () => {
    const shared = mkdtempSync(join(tmpdir(), 'build-inputs-shared-'));
    write(join(shared, 'second.md'), '---\ntitle: Second\n---\nShared.');
    symlinkSync(shared, join(project, 'content/posts/elm'));
    const before = key();
    write(join(shared, 'second.md'), '---\ntitle: Second\n---\nShared, and changed.');
    expect(key()).not.toBe(before);
  });

  it('leaves out the output folders, caches and the packages themselves', () => {
    const before = key();
    write(join(project, 'dist/index.html'), '<h1>Changed</h1>');
    write(join(project, 'dist.staging/index.html'), '<h1>Half built</h1>');
    write(join(project, '.cache/cards/manifest.jsonl'), '{}');
    write(join(project, 'node_modules/astro/index.js'), 'export const changed = 1;');
    write(join(project, 'tests/.tmp/out/index.html'), '<h1>Test</h1>');
    write(join(project, 'tools/bench/bare-astro/.astro/data-store.json'), '{}');
    write(join(project, 'tools/bench/bare-astro/src/pages/index.astro'), '<h1>Bare</h1>');
    write(join(project, 'dist-demo/index.html'), '<h1>Demo</h1>');
    write(join(project, 'docs/hosting.md'), '# Hosting');
    write(join(project, 'README.md'), '# Our network');
    write(join(project, 'build.log'), 'Done in 12 s');
    write(join(project, 'content/.DS_Store'), '');
    expect(key()).toBe(before);
  });

  it('counts a folder of the project it does not know, since a build may read it', () => {
    const before = key();
    write(join(project, 'templates/card.svg'), '<svg/>');
    expect(key()).not.toBe(before);
  });
});

describe('the key of a built site', () => {
  it('changes when a file of the site is removed, added or rewritten', () => {
    const out = mkdtempSync(join(tmpdir(), 'build-output-'));
    write(join(out, 'index.html'), '<h1>Home</h1>');
    write(join(out, 'about/index.html'), '<h1>About</h1>');
    const first = outputKey(out);
    expect(outputKey(out)).toBe(first);
    rmSync(join(out, 'about/index.html'));
    const removed = outputKey(out);
    expect(removed).not.toBe(first);
    write(join(out, 'extra.html'), 'x');
    const added = outputKey(out);
    expect(added).not.toBe(removed);
    write(join(out, 'index.html'), '<h1>Home!</h1>');
    expect(outputKey(out)).not.toBe(added);
  });

  it('stays the same when a site that shares a file with it by a hard link is deleted', async () => {
    const out = mkdtempSync(join(tmpdir(), 'build-output-'));
    const older = mkdtempSync(join(tmpdir(), 'build-output-older-'));
    write(join(out, 'cards/home.png'), 'card');
    linkSync(join(out, 'cards/home.png'), join(older, 'home.png'));
    const before = outputKey(out);
    // Deleting the other link changes the file's change time, which is no change to the site.
    const changed = statSync(join(out, 'cards/home.png'), { bigint: true }).ctimeNs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    rmSync(older, { recursive: true });
    expect(statSync(join(out, 'cards/home.png'), { bigint: true }).ctimeNs).not.toBe(changed);
    expect(outputKey(out)).toBe(before);
  });
});

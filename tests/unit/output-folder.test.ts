import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  deleteDiscarded,
  discardedFolders,
  outputFolders,
  prepareStaging,
  recoverInterruptedSwap,
  rollBack,
  swapIntoPlace,
} from '../../src/lib/output-folder.ts';

function site(dir: string, text: string): void {
  mkdirSync(join(dir, 'posts'), { recursive: true });
  mkdirSync(join(dir, 'cards'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), text);
  writeFileSync(join(dir, 'posts/index.html'), `${text} posts`);
  writeFileSync(join(dir, 'cards/home.png'), 'card');
}

const read = (dir: string) => readFileSync(join(dir, 'index.html'), 'utf8');
const folders = () => outputFolders(join(mkdtempSync(join(tmpdir(), 'out-')), 'dist'));

describe('the output folder', () => {
  it('is replaced by the staging folder, keeping the last site as <out>.previous', () => {
    const f = folders();
    site(f.out, 'one');
    mkdirSync(join(f.out, '.git'));
    prepareStaging(f, false);
    site(f.staging, 'two');
    swapIntoPlace(f);
    expect(read(f.out)).toBe('two');
    expect(read(f.previous)).toBe('one');
    expect(existsSync(f.staging)).toBe(false);
    // A git checkout in the output (a Pages branch) stays with the live site.
    expect(existsSync(join(f.out, '.git'))).toBe(true);
    expect(discardedFolders(f)).toEqual([]);
    prepareStaging(f, false);
    site(f.staging, 'three');
    swapIntoPlace(f);
    expect([read(f.out), read(f.previous)]).toEqual(['three', 'two']);
    // The site before the previous one is set aside to be deleted.
    const discarded = discardedFolders(f);
    expect(discarded.map(read)).toEqual(['one']);
    deleteDiscarded(f, { background: false });
    expect(discardedFolders(f)).toEqual([]);
  });

  it('deletes the sites it set aside in a process of its own, leaving the live and previous sites', async () => {
    const f = folders();
    for (const text of ['one', 'two', 'three']) {
      prepareStaging(f, false);
      site(f.staging, text);
      swapIntoPlace(f);
    }
    expect(discardedFolders(f)).toHaveLength(1);
    deleteDiscarded(f, { background: true });
    for (let waited = 0; discardedFolders(f).length && waited < 20_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(discardedFolders(f)).toEqual([]);
    expect([read(f.out), read(f.previous)]).toEqual(['three', 'two']);
  });

  it('is copied into staging, pages never linked, leaving out the folders integrations fill but the cards', () => {
    const f = folders();
    site(f.out, 'live');
    mkdirSync(join(f.out, 'pagefind'));
    writeFileSync(join(f.out, 'pagefind/index.pf_meta'), 'index');
    expect(prepareStaging(f, true)).toBe(3);
    expect(read(f.staging)).toBe('live');
    expect(existsSync(join(f.staging, 'pagefind'))).toBe(false);
    expect(statSync(join(f.staging, 'index.html')).ino).not.toBe(statSync(join(f.out, 'index.html')).ino);
    // The build rewrites a copied page in place: the live page does not change.
    writeFileSync(join(f.staging, 'index.html'), 'half-written');
    expect(read(f.out)).toBe('live');
    // A card is linked: the cards integration keeps it as it is, or deletes it and writes a new one.
    const card = (dir: string) => join(dir, 'cards/home.png');
    expect(statSync(card(f.staging)).ino).toBe(statSync(card(f.out)).ino);
    rmSync(card(f.staging));
    writeFileSync(card(f.staging), 'new card');
    expect(readFileSync(card(f.out), 'utf8')).toBe('card');
  });

  it('comes back if a build was killed between the two renames of a swap', () => {
    const f = folders();
    site(f.out, 'good');
    renameSync(f.out, f.previous);
    expect(recoverInterruptedSwap(f)).toBe(f.previous);
    expect(read(f.out)).toBe('good');
    expect(recoverInterruptedSwap(f)).toBeUndefined();
  });

  it('is swapped with <out>.previous by a roll-back, and back by a second one', () => {
    const f = folders();
    site(f.out, 'new');
    site(f.previous, 'old');
    expect(rollBack(f)).toBe(true);
    expect([read(f.out), read(f.previous)]).toEqual(['old', 'new']);
    expect(rollBack(f)).toBe(true);
    expect([read(f.out), read(f.previous)]).toEqual(['new', 'old']);
  });

  it('cannot be rolled back without an earlier site', () => {
    const f = folders();
    site(f.out, 'only');
    expect(rollBack(f)).toBe(false);
    expect(read(f.out)).toBe('only');
  });
});

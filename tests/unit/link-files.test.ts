import { mkdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { copyTreeChecked, copyTreeDescribed, linkTree } from '../../src/lib/link-files.ts';
import { tempDir } from '../helpers/build.ts';

/** A folder shaped like a search index: files at the top and in nested folders. */
function index(): string {
  const dir = tempDir('tree');
  mkdirSync(join(dir, 'fragment'));
  mkdirSync(join(dir, 'index/deeper'), { recursive: true });
  writeFileSync(join(dir, 'pagefind-entry.json'), '{"languages":{"en-gb":{"page_count":3}}}');
  writeFileSync(join(dir, 'fragment/en_1.pf_fragment'), 'one');
  writeFileSync(join(dir, 'index/deeper/en_2.pf_index'), Buffer.alloc(5000, 7));
  return dir;
}

const scratch = () => {
  return join(tempDir('tree-copy'), 'pagefind');
};

describe('copying a kept search index', () => {
  test('describes every file it copies, and copies a folder that matches back file for file', () => {
    const from = index();
    const cache = scratch();
    const files = copyTreeDescribed(from, cache);
    expect(Object.keys(files).sort()).toEqual([
      'fragment/en_1.pf_fragment',
      'index/deeper/en_2.pf_index',
      'pagefind-entry.json',
    ]);
    expect(files['fragment/en_1.pf_fragment']).toEqual({
      size: 3,
      sha256: '7692c3ad3540bb803c020b3aee66cd8887123234ea0c6e7143c0add73ff431ed',
    });
    const site = scratch();
    expect(copyTreeChecked(cache, site, files)).toBeUndefined();
    for (const file of Object.keys(files))
      expect(readFileSync(join(site, file)).equals(readFileSync(join(from, file)))).toBe(true);
  });

  test.each([
    [
      'a changed byte',
      (dir: string) => writeFileSync(join(dir, 'fragment/en_1.pf_fragment'), 'onE'),
      'fragment/en_1.pf_fragment does not match its hash',
    ],
    [
      'a file cut short',
      (dir: string) => truncateSync(join(dir, 'index/deeper/en_2.pf_index'), 10),
      'index/deeper/en_2.pf_index has 10 bytes where 5000 were written',
    ],
    ['a missing file', (dir: string) => rmSync(join(dir, 'pagefind-entry.json')), 'pagefind-entry.json is missing'],
    [
      'a file it never held',
      (dir: string) => writeFileSync(join(dir, 'fragment/stray'), 'x'),
      'fragment/stray was not part of it',
    ],
    ['the whole folder gone', (dir: string) => rmSync(dir, { recursive: true }), 'is missing'],
  ])('refuses a kept copy with %s, and says why', (_, damage, reason) => {
    const cache = scratch();
    const files = copyTreeDescribed(index(), cache);
    damage(cache);
    expect(copyTreeChecked(cache, scratch(), files)).toContain(reason);
  });
});

describe('linking a folder tree', () => {
  test('links every file, nested ones too, so the two trees share each file until one replaces it', () => {
    const from = index();
    const to = scratch();
    expect(linkTree(from, to)).toBe(3);
    const deep = 'index/deeper/en_2.pf_index';
    expect(statSync(join(to, deep)).ino).toBe(statSync(join(from, deep)).ino);
    expect(readFileSync(join(to, 'fragment/en_1.pf_fragment'), 'utf8')).toBe('one');
    rmSync(join(to, 'fragment/en_1.pf_fragment'));
    writeFileSync(join(to, 'fragment/en_1.pf_fragment'), 'two');
    expect(readFileSync(join(from, 'fragment/en_1.pf_fragment'), 'utf8')).toBe('one');
  });
});

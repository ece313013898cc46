import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DamageReport } from '../../src/lib/atomic-write.ts';
import {
  cachedEditorFiles,
  EDITOR_FILES_KEPT,
  editorFilesKey,
  type EditorFiles,
} from '../../src/lib/cms/editor-files.ts';
import { root, tempDir } from '../helpers/build.ts';

const files = (config: string): EditorFiles => ({
  config,
  page: '<!doctype html>',
  notes: ['network.yaml has no editor: block'],
  info: [],
  postLists: 3,
});

/** `cachedEditorFiles` with a counter of how often the files were made. */
function cache(dir: string) {
  let made = 0;
  const damage = new DamageReport('editor files cache');
  const get = (key: string, config = 'collections: []') =>
    cachedEditorFiles(
      dir,
      key,
      () => {
        made++;
        return files(config);
      },
      damage,
    );
  return { get, made: () => made, damage };
}

describe('the cache of the editor’s configuration', () => {
  it('is keyed by what the files are made from and the code that makes them', () => {
    const input = { input: { networkName: 'Marches', publishers: [] }, base: '/', styles: ['/_astro/a.css'] };
    const key = editorFilesKey(input, root);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(editorFilesKey(structuredClone(input), root)).toBe(key);
    expect(editorFilesKey({ ...input, base: '/commonroom/' }, root)).not.toBe(key);
    expect(editorFilesKey({ ...input, input: { networkName: 'Marches', publishers: ['oak'] } }, root)).not.toBe(key);
  });

  it('makes the files once for a key, and reads them back after that', () => {
    const dir = tempDir('editor-files');
    const { get, made } = cache(dir);
    const key = 'a'.repeat(64);
    expect(get(key)).toEqual({ files: files('collections: []'), reused: false });
    expect(get(key)).toEqual({ files: files('collections: []'), reused: true });
    expect(made()).toBe(1);
  });

  it('makes damaged files again and reports them once', () => {
    const dir = tempDir('editor-files');
    const { get, made, damage } = cache(dir);
    const key = 'b'.repeat(64);
    get(key);
    const [entry] = readdirSync(dir);
    const bytes = readFileSync(join(dir, entry!));
    const at = bytes.length - 5;
    bytes[at] = bytes[at]! ^ 0x20;
    writeFileSync(join(dir, entry!), bytes);
    expect(get(key).reused).toBe(false);
    expect(made()).toBe(2);
    expect(damage.count).toBe(1);
    expect(damage.message()).toMatch(
      /^1 damaged editor files cache entry was ignored and made again: editor-files-b+\.json/,
    );
    expect(get(key).reused).toBe(true);
  });

  it(`keeps the ${EDITOR_FILES_KEPT} sets used last`, () => {
    const dir = tempDir('editor-files');
    const { get, made } = cache(dir);
    const keys = Array.from({ length: EDITOR_FILES_KEPT }, (_, i) => (i + 1).toString(16).repeat(64));
    keys.forEach((key, i) => {
      get(key);
      // One second apart, oldest first, whatever the file system's clock resolution.
      const when = new Date(Date.UTC(2026, 0, 1, 0, 0, i));
      utimesSync(join(dir, `editor-files-${key}.json`), when, when);
    });
    // Reading the oldest set marks it used, so the second oldest is the one that goes.
    expect(get(keys[0]!).reused).toBe(true);
    get('f'.repeat(64));
    expect(made()).toBe(EDITOR_FILES_KEPT + 1);
    const kept = readdirSync(dir).map((entry) => entry.charAt('editor-files-'.length));
    expect(kept.sort()).toEqual(['1', '3', '4', '5', '6', '7', '8', 'f']);
  });
});

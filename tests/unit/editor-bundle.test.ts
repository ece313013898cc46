import { existsSync, readdirSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleEditorApart, editorBundle } from '../../src/lib/cms/editor-bundle.ts';
import { adminFiles } from '../../src/lib/cms/page.ts';
import { removeDir, tempDir } from '../helpers/build.ts';

/** A log that keeps its lines. */
function lines() {
  const seen: string[] = [];
  return { seen, log: { info: (line: string) => seen.push(line), warn: (line: string) => seen.push(`warn: ${line}`) } };
}

describe('the editor’s bundle', () => {
  it('is made by a process of its own once per version, and found in the cache after that', async () => {
    const dir = tempDir('editor-bundle');
    try {
      const first = lines();
      // A bundle is written under a name holding its maker's process id, then renamed into place.
      const written = new Set<string>();
      const watcher = watch(dir, (_, name) => name && written.add(name));
      await bundleEditorApart(dir, first.log);
      watcher.close();
      const makers = [...written].map((name) => /\.(\d+)\.tmp$/.exec(name)?.[1]).filter(Boolean);
      expect(makers.length).toBeGreaterThan(0);
      expect(makers).not.toContain(String(process.pid));
      expect(first.seen).toEqual([expect.stringMatching(/^editor bundled in \d+ ms$/)]);
      const folders = readdirSync(dir);
      expect(folders).toEqual([expect.stringMatching(/^[0-9a-f]{16}$/)]);
      const bundle = join(dir, folders[0]!);
      expect(existsSync(join(bundle, adminFiles.script))).toBe(true);
      expect(readdirSync(join(bundle, 'assets')).some((file) => file.endsWith('.woff2'))).toBe(true);

      const again = lines();
      await bundleEditorApart(dir, again.log);
      expect(await editorBundle(dir, again.log)).toBe(bundle);
      expect(again.seen).toEqual([]);
    } finally {
      removeDir(dir);
    }
  }, 60_000);

  it('leaves a failure for the build to report, saying nothing itself', async () => {
    const dir = tempDir('editor-bundle-fails');
    try {
      // A file where the cache folder should be: nothing can be written under it.
      const blocked = join(dir, 'cache');
      writeFileSync(blocked, '');
      const failed = lines();
      await bundleEditorApart(blocked, failed.log);
      expect(failed.seen).toEqual([]);
      await expect(editorBundle(blocked, failed.log)).rejects.toThrow();
    } finally {
      removeDir(dir);
    }
  }, 60_000);
});

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { otherPipelineCaches } from '../../src/lib/build-state.ts';

describe('otherPipelineCaches', () => {
  const cache = mkdtempSync(join(tmpdir(), 'pipelines-'));
  for (const name of ['41c9264689', '72f73f8cda', 'commonroom-check', 'notes']) mkdirSync(join(cache, name));
  writeFileSync(join(cache, 'commonroom-build.json'), '{}');
  writeFileSync(join(cache, 'abcdef0123'), 'a file named like a pipeline');

  it('names the other pipelines’ folders, not the one in use, the check’s cache or anything else', () => {
    expect(otherPipelineCaches(cache, join(cache, '41c9264689'))).toEqual([join(cache, '72f73f8cda')]);
    expect(otherPipelineCaches(cache, join(cache, '72f73f8cda/'))).toEqual([join(cache, '41c9264689')]);
  });

  it('names none when the pipeline in use is unknown or is not in this cache', () => {
    expect(otherPipelineCaches(cache, '')).toEqual([]);
    expect(otherPipelineCaches(cache, join(tmpdir(), '41c9264689'))).toEqual([]);
    expect(otherPipelineCaches(join(cache, 'missing'), join(cache, 'missing', '41c9264689'))).toEqual([]);
  });
});

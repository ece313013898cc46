import { describe, expect, it } from 'vitest';
import { unwatched } from '../../src/lib/dev-watch.ts';

describe('what npm run dev does not watch', () => {
  it('skips the built site and its copies, and the tests’ scratch folders', () => {
    const ignored = unwatched('/site', '/site/content', '/site/dist');
    for (const path of ['/site/dist', '/site/dist/index.html', '/site/dist.staging/a', '/site/dist.previous/b'])
      expect(ignored(path), path).toBe(true);
    expect(ignored('/site/tests/.tmp/bad/oak/network.yaml')).toBe(true);
    for (const path of ['/site/content/posts/a.md', '/site/src/pages/index.astro', '/site/distant/x', '/site'])
      expect(ignored(path), path).toBe(false);
  });

  it('keeps watching content previewed from a scratch folder, and the folders on the way to it', () => {
    const ignored = unwatched('/site', '/site/tests/.tmp/dev/content', '/site/dist');
    expect(ignored('/site/tests/.tmp')).toBe(false);
    expect(ignored('/site/tests/.tmp/dev')).toBe(false);
    expect(ignored('/site/tests/.tmp/dev/content/network.yaml')).toBe(false);
    expect(ignored('/site/tests/.tmp/other/network.yaml')).toBe(true);
  });
});

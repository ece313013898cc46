import { describe, expect, it } from 'vitest';
import { tocSections } from '../../src/lib/post-page.ts';

const h = (depth: number, slug: string) => ({ depth, slug, text: slug });

describe('tocSections', () => {
  it('numbers sections only and nests each sub-section under the section before it', () => {
    expect(tocSections([h(2, 'a'), h(3, 'a1'), h(3, 'a2'), h(2, 'b'), h(2, 'c'), h(3, 'c1')])).toEqual([
      { heading: h(2, 'a'), subsections: [h(3, 'a1'), h(3, 'a2')] },
      { heading: h(2, 'b'), subsections: [] },
      { heading: h(2, 'c'), subsections: [h(3, 'c1')] },
    ]);
  });

  it('lets a sub-section before any section stand on its own', () => {
    expect(tocSections([h(3, 'intro'), h(2, 'a')])).toEqual([
      { heading: h(3, 'intro'), subsections: [] },
      { heading: h(2, 'a'), subsections: [] },
    ]);
  });
});

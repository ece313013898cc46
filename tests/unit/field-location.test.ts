import { describe, expect, it } from 'vitest';
import { lineOfField } from '../../src/lib/field-location.ts';

const text = `---
title: Hello
authors:
  - ann
  - jdoe
topics: [reading, send]
caseStudy:
  setting: x
  outcomes:
    - one
    - two
---
`;

describe('lineOfField', () => {
  it('finds top-level keys, list items and nested keys', () => {
    expect(lineOfField(text, 'title')).toBe(2);
    expect(lineOfField(text, 'authors[1]')).toBe(5);
    expect(lineOfField(text, 'topics[1]')).toBe(6);
    expect(lineOfField(text, 'caseStudy.outcomes[1]')).toBe(11);
  });
  it('returns undefined for a field that is not there', () => {
    expect(lineOfField(text, 'hero')).toBeUndefined();
  });
});

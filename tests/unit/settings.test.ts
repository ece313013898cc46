import { describe, expect, test } from 'vitest';
import { resolveSettings } from '../../src/lib/settings.ts';

const resolve = (env: Record<string, string>) => resolveSettings(env, '/project');

describe('build settings', () => {
  test('defaults build the whole network from content/ into dist/', () => {
    const settings = resolve({});
    expect(settings.scope).toEqual({ type: 'network' });
    expect(settings.contentRoot).toBe('/project/content');
    expect(settings.outDir).toBe('/project/dist');
    expect(settings.base).toBe('/');
    expect(settings.cards).toBe(true);
    expect(settings.incremental).toBe(true);
    expect(settings.markdown).toBe('unified');
  });

  test('reads every variable into its setting', () => {
    const settings = resolve({
      COMMONROOM_SCOPE: 'school:castle-fields',
      COMMONROOM_BASE: 'commonroom',
      COMMONROOM_NOW: '2026-01-31',
      COMMONROOM_CARDS: 'off',
      COMMONROOM_INCREMENTAL: 'off',
      COMMONROOM_OUT: 'out',
      COMMONROOM_SITE: 'https://blog.example.sch.uk',
    });
    expect(settings.scope).toEqual({ type: 'school', id: 'castle-fields' });
    expect(settings.base).toBe('/commonroom/');
    expect(settings.now.toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(settings.cards).toBe(false);
    expect(settings.incremental).toBe(false);
    expect(settings.outDir).toBe('/project/out');
    expect(settings.site).toBe('https://blog.example.sch.uk');
  });

  test('keeps Astro’s cache apart for each content folder, scope, base and site', () => {
    const caches = new Set(
      [{}, { COMMONROOM_SCOPE: 'family:trust' }, { COMMONROOM_BASE: '/x/' }, { COMMONROOM_CONTENT: 'other' }].map(
        (env) => resolve(env).astroCacheDir,
      ),
    );
    expect(caches.size).toBe(4);
  });

  test('a bad value is one line naming the variable, the value and what is allowed', () => {
    expect(() => resolve({ COMMONROOM_SCOPE: 'school:Castle Fields' })).toThrow(
      'COMMONROOM_SCOPE="school:Castle Fields" is not allowed: use "network", "school:<id>" or "family:<id>".',
    );
    expect(() => resolve({ COMMONROOM_NOW: 'tomorrow' })).toThrow(
      'COMMONROOM_NOW="tomorrow" is not allowed: use a date such as "2026-01-31".',
    );
    expect(() => resolve({ COMMONROOM_CARDS: 'no' })).toThrow(
      'COMMONROOM_CARDS="no" is not allowed: use "on" or "off".',
    );
    expect(() => resolve({ COMMONROOM_SITE: 'blog.example.sch.uk' })).toThrow(
      'COMMONROOM_SITE="blog.example.sch.uk" is not allowed: use a full address starting with https://.',
    );
  });

  test('names every bad variable at once', () => {
    expect(() => resolve({ COMMONROOM_CARDS: 'no', COMMONROOM_MARKDOWN: 'fast' })).toThrow(
      /COMMONROOM_CARDS="no"[^\n]*\nCOMMONROOM_MARKDOWN="fast" is not allowed: use "unified" \(default\) or "satteri"\./,
    );
  });
});

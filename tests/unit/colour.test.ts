import { wcagContrast } from 'culori';
import { describe, expect, it } from 'vitest';
import { AA, brandColours, colourWarnings, DARK_SURFACES, LIGHT_SURFACES } from '../../src/lib/colour.ts';

const demoColours = ['#f2c94c', '#1d4e89', '#7a1f2b', '#9fd8cb', '#f7c59f', '#4b2e83', '#e8833a', '#0f6b5c', '#b3261e'];

describe('brandColours', () => {
  it.each(['#f2c94c', '#f7c59f', '#9fd8cb', '#1d4e89', '#000000', '#ffffff'])(
    'fills with %s exactly as declared',
    (hex) => {
      expect(brandColours(hex).fill).toBe(hex);
    },
  );

  it('puts black text on a light colour and white text on a dark one', () => {
    expect(brandColours('#f2c94c').onFill).toBe('#000000');
    expect(brandColours('#f7c59f').onFill).toBe('#000000');
    expect(brandColours('#1d4e89').onFill).toBe('#ffffff');
    expect(brandColours('#7a1f2b').onFill).toBe('#ffffff');
  });

  it.each([...demoColours, '#ffffff', '#7fd3ff', '#000000', '#e63946', '#777777', '#3c7a89'])(
    'text on %s, and %s as text, pass AA in both themes',
    (hex) => {
      const { fill, onFill, light, dark } = brandColours(hex);
      expect(wcagContrast(fill, onFill)).toBeGreaterThanOrEqual(AA);
      for (const surface of LIGHT_SURFACES) expect(wcagContrast(light, surface)).toBeGreaterThanOrEqual(AA);
      for (const surface of DARK_SURFACES) expect(wcagContrast(dark, surface)).toBeGreaterThanOrEqual(AA);
    },
  );

  it('adjusts a colour used as text only as far as AA needs, keeping one that already passes', () => {
    expect(brandColours('#1d4e89').light).toBe('#1d4e89');
    const yellow = brandColours('#f2c94c').light;
    expect(yellow).not.toBe('#f2c94c');
    expect(wcagContrast(yellow, '#f6f5f1')).toBeLessThan(AA + 0.6);
  });
});

describe('colourWarnings', () => {
  it.each(demoColours)('has nothing to say about the demo colour %s', (hex) => {
    expect(colourWarnings(hex)).toEqual([]);
  });

  it('has nothing to say about pale or very dark colours, which can always carry black or white text', () => {
    for (const hex of ['#ffff66', '#ffffff', '#000000', '#777777', '#808080']) expect(colourWarnings(hex)).toEqual([]);
  });
});

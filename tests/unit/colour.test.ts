import { wcagContrast } from 'culori';
import { describe, expect, it } from 'vitest';
import { AA, brandColours, DARK_SURFACE, LIGHT_SURFACE } from '../../src/lib/colour.ts';

describe('brandColours', () => {
  it('keeps a colour that already passes AA on white', () => {
    expect(brandColours('#1d4e89')).toMatchObject({ light: '#1d4e89', adjusted: false });
  });
  it.each(['#f2c94c', '#ffffff', '#7fd3ff', '#000000', '#1d4e89', '#e63946'])(
    'makes %s readable on both themes',
    (hex) => {
      const { light, dark } = brandColours(hex);
      expect(wcagContrast(light, LIGHT_SURFACE)).toBeGreaterThanOrEqual(AA);
      expect(wcagContrast(dark, DARK_SURFACE)).toBeGreaterThanOrEqual(AA);
    },
  );
  it('flags a pale yellow as adjusted', () => {
    expect(brandColours('#f2c94c').adjusted).toBe(true);
  });
});

import { clampChroma, formatHex, oklch, wcagContrast } from 'culori';

/** Backgrounds the brand colour must read against, matching `src/styles/global.css`. */
export const LIGHT_SURFACE = '#ffffff';
export const DARK_SURFACE = '#15171c';
/** WCAG 2.2 AA for normal text. */
export const AA = 4.5;

export interface BrandColours {
  /** Background for white text and text colour on light surfaces. */
  light: string;
  /** Text and accent colour on the dark theme's surfaces. */
  dark: string;
  /** True when the declared colour failed AA and was changed. */
  adjusted: boolean;
}

function shift(hex: string, surface: string, step: number): string {
  const colour = oklch(hex);
  if (!colour) throw new Error(`"${hex}" is not a colour`);
  // Only lightness moves, so the hue and as much of the chroma as sRGB allows survive the adjustment.
  let result = formatHex(colour);
  for (let i = 1; i <= 100 && wcagContrast(result, surface) < AA; i++) {
    const l = Math.min(1, Math.max(0, colour.l + i * step));
    result = formatHex(clampChroma({ ...colour, l }, 'oklch'));
  }
  return result;
}

/** Derives AA-safe brand colours from a declared one, darkening for light mode and lightening for dark mode. */
export function brandColours(hex: string): BrandColours {
  const light = shift(hex, LIGHT_SURFACE, -0.01);
  const dark = shift(hex, DARK_SURFACE, 0.01);
  return { light, dark, adjusted: light !== hex.toLowerCase() };
}

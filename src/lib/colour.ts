import { clampChroma, formatHex, oklch, wcagContrast } from 'culori';

/** Page backgrounds the brand colour is written on as text or a thin line, matching `src/styles/global.css`. */
export const LIGHT_SURFACES = ['#ffffff', '#f6f5f1'] as const;
export const DARK_SURFACES = ['#15171c', '#1e2128'] as const;
/** The two text colours a fill of the brand colour can carry. */
export const ON_FILL = { dark: '#000000', light: '#ffffff' } as const;
/** WCAG 2.2 AA for normal text. */
export const AA = 4.5;

export interface BrandColours {
  /** The colour as declared: the fill of bands, bars, badges, rule numbers and social cards. */
  fill: string;
  /** Text on the fill: black or white, whichever contrasts more with it. */
  onFill: string;
  /** Text and thin lines on the light theme's surfaces: the declared colour, deepened only as far as AA needs. */
  light: string;
  /** Text and thin lines on the dark theme's surfaces: the declared colour, lightened only as far as AA needs. */
  dark: string;
}

const contrastOn = (hex: string, surfaces: readonly string[]) =>
  Math.min(...surfaces.map((surface) => wcagContrast(hex, surface)));

function shift(hex: string, surfaces: readonly string[], step: number): string {
  const colour = oklch(hex);
  if (!colour) throw new Error(`"${hex}" is not a colour`);
  // Only lightness moves, so the hue and as much of the chroma as sRGB allows survive the adjustment.
  let result = formatHex(colour);
  for (let i = 1; i <= 100 && contrastOn(result, surfaces) < AA; i++) {
    const l = Math.min(1, Math.max(0, colour.l + i * step));
    result = formatHex(clampChroma({ ...colour, l }, 'oklch'));
  }
  return result;
}

/**
 * A school's or family's colours from the one it declared: the declared colour itself wherever it fills an
 * area, with black or white text on it, and a deeper (light theme) or lighter (dark theme) version of it only
 * where it is itself text or a thin line on the page.
 */
export function brandColours(hex: string): BrandColours {
  const fill = hex.toLowerCase();
  const onFill = wcagContrast(fill, ON_FILL.light) >= wcagContrast(fill, ON_FILL.dark) ? ON_FILL.light : ON_FILL.dark;
  return { fill, onFill, light: shift(fill, LIGHT_SURFACES, -0.01), dark: shift(fill, DARK_SURFACES, 0.01) };
}

/**
 * What a writer should hear about a declared colour: nothing, unless it cannot be made readable at all
 * (no text colour reaches AA on it, or no deeper or lighter version of it reads as text). The check and
 * the build both report exactly these.
 */
export function colourWarnings(hex: string): string[] {
  const colours = brandColours(hex);
  const problems: string[] = [];
  if (wcagContrast(colours.fill, colours.onFill) < AA)
    problems.push(`neither black nor white text is readable on "${hex}"; choose a lighter or darker colour`);
  if (contrastOn(colours.light, LIGHT_SURFACES) < AA || contrastOn(colours.dark, DARK_SURFACES) < AA)
    problems.push(`"${hex}" cannot be made readable as text on the page; choose a stronger colour`);
  return problems;
}

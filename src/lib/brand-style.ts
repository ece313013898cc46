import type { BrandColours } from './colour.ts';

/** Inline custom properties that give a page or card its school's (contrast-safe) colours. */
export const brandStyle = (brand: BrandColours | undefined) =>
  brand ? `--brand:${brand.light};--brand-dark:${brand.dark}` : undefined;

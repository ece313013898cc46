import type { BrandColours } from './colour.ts';

/** Inline custom properties that give a page or card its school's colours (see `src/styles/global.css`). */
export const brandStyle = (brand: BrandColours | undefined) =>
  brand
    ? `--brand:${brand.light};--brand-dark:${brand.dark};--brand-fill:${brand.fill};--brand-on-fill:${brand.onFill}`
    : undefined;

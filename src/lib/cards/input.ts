import type { PageType } from '../page-meta.ts';

/**
 * Everything a card shows, as plain data: written to the card manifest while pages render, hashed for
 * the cache key, and sent to a worker to draw. Text is always drawn as text, never read as markup.
 */
export interface CardInput {
  layout: PageType;
  title: string;
  /** Language of the title, e.g. `cy`. */
  lang: string;
  /** The network's name, shown on every card. */
  network: string;
  /** The brand colour as declared: the card's background. */
  colour: string;
  /** Text on it, black or white (`#ffffff` when not given). */
  ink?: string | undefined;
  /** Small line above the title: the post's kind, the school's phase and town, "Topic"… */
  eyebrow?: string | undefined;
  /** Up to two lines under the title: an ethos, a tagline, a description. */
  subtitle?: string | undefined;
  /** First footer line, in bold: the author(s) and role, a member count… */
  byline?: string | undefined;
  /** Second footer line: the school or family, members, expertise. */
  context?: string | undefined;
  /** A formatted date, e.g. `14 March 2025`. */
  date?: string | undefined;
  /** Absolute path of the school's logo file (PNG, JPEG, GIF, WebP or SVG). */
  logo?: string | undefined;
}

/** One card to write: the file under the output directory and what to draw in it. */
export interface CardJob {
  /** Path under the build's output directory, e.g. `cards/schools/oak/why.png`. */
  file: string;
  input: CardInput;
  /** The page the card was recorded by (its path, base included), e.g. `/schools/oak/why/`. */
  page: string;
}

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

import type { PageMeta } from '../page-meta';
import type { Site } from '../site';
import { describeCard } from './describe';
import { CARD_HEIGHT, CARD_WIDTH } from './input';
import { recordCard } from './record';

/** A page's social card as its head tags need it. */
export interface PageCard {
  /** Absolute URL of the PNG. */
  url: string;
  alt: string;
  width: number;
  height: number;
}

/**
 * The social card of the page at `href` (the page's path, base included): records what to draw for the
 * build to render, and returns where the card will be.
 */
export function cardFor(meta: PageMeta, href: string, { network, urls }: Pick<Site, 'network' | 'urls'>): PageCard {
  const { input, alt } = describeCard(meta, href, network, urls);
  recordCard({ file: urls.cardFile(href), input });
  return { url: urls.absolute(urls.card(href)), alt, width: CARD_WIDTH, height: CARD_HEIGHT };
}
